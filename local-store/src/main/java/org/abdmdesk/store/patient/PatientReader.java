package org.abdmdesk.store.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.store.db.SqlTimestamps;

/** Reads patients: runs a SELECT over {@code patient p}, then loads their ABHA addresses in one go. */
final class PatientReader {
    private static final String SELECT = """
            SELECT p.id, p.mrn, p.name, p.gender, p.birth_year, p.birth_month, p.birth_day, p.mobile, p.abha_number,
                   p.preferred_abha_address, p.address, p.district, p.state, p.pincode, p.created_at, p.updated_at
            FROM patient p
            """;
    /** Newest registration first; the id breaks ties between patients registered in the same instant. */
    static final String NEWEST_FIRST = " ORDER BY p.created_at DESC, p.id DESC";

    private PatientReader() {
    }

    static Optional<Patient> one(Connection c, String where, Object param) throws SQLException {
        List<Patient> found = list(c, where + " LIMIT 1", List.of(param));
        return found.stream().findFirst();
    }

    /** Patients matching {@code whereAndRest} (a WHERE clause, maybe with ORDER BY/LIMIT) and its parameters. */
    static List<Patient> list(Connection c, String whereAndRest, List<?> params) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT + whereAndRest)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(Row.read(rs));
                }
            }
        }
        Map<Long, List<AbhaAddress>> addresses = addressesOf(c, rows);
        List<Patient> patients = new ArrayList<>(rows.size());
        for (Row row : rows) {
            patients.add(row.toPatient(addresses.getOrDefault(row.id(), List.of())));
        }
        return patients;
    }

    private static Map<Long, List<AbhaAddress>> addressesOf(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return Map.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(rows.size(), "?"));
        Map<Long, List<AbhaAddress>> byPatient = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT patient_id, address FROM patient_abha_address"
                + " WHERE patient_id IN (" + placeholders + ") ORDER BY patient_id, position")) {
            for (int i = 0; i < rows.size(); i++) {
                s.setLong(i + 1, rows.get(i).id());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byPatient.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(AbhaAddress.parse(rs.getString(2), ""));
                }
            }
        }
        return byPatient;
    }

    /** One {@code patient} row as stored, before its addresses are attached. */
    private record Row(long id, String mrn, String name, Gender gender, Optional<PartialDate> birthDate,
            Optional<MobileNumber> mobile, Optional<AbhaNumber> abhaNumber, Optional<AbhaAddress> preferred,
            String address, String district, String state, String pincode, String createdAt, String updatedAt) {

        static Row read(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("mrn"), rs.getString("name"),
                    Gender.fromCode(rs.getString("gender")), birthDate(rs),
                    Optional.ofNullable(rs.getString("mobile")).map(MobileNumber::of),
                    Optional.ofNullable(rs.getString("abha_number")).map(AbhaNumber::of),
                    Optional.ofNullable(rs.getString("preferred_abha_address")).map(a -> AbhaAddress.parse(a, "")),
                    rs.getString("address"), rs.getString("district"), rs.getString("state"), rs.getString("pincode"),
                    rs.getString("created_at"), rs.getString("updated_at"));
        }

        private static Optional<PartialDate> birthDate(ResultSet rs) throws SQLException {
            Optional<Integer> year = optionalInt(rs, "birth_year");
            if (year.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PartialDate(year.get(), optionalInt(rs, "birth_month"), optionalInt(rs, "birth_day")));
        }

        private static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
            int value = rs.getInt(column);
            return rs.wasNull() ? Optional.empty() : Optional.of(value);
        }

        Patient toPatient(List<AbhaAddress> addresses) {
            return new Patient(id, mrn, name, gender, birthDate, mobile, abhaNumber, List.copyOf(addresses), preferred,
                    address, district, state, pincode, SqlTimestamps.parse(createdAt), SqlTimestamps.parse(updatedAt));
        }
    }
}
