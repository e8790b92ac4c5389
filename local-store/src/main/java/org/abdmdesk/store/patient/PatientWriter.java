package org.abdmdesk.store.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.patient.AbhaAlreadyTaggedException;
import org.abdmdesk.engine.patient.PatientDetails;
import org.abdmdesk.store.db.Database;
import org.abdmdesk.store.db.SqlTimestamps;

/**
 * Writes patient rows inside the caller's transaction. It does not check tagging itself (that is
 * {@link AbhaTagGuard}'s job, done first), but when a UNIQUE constraint on an ABHA number or address
 * refuses a write anyway it reports the same {@link AbhaAlreadyTaggedException}, naming the holder.
 */
final class PatientWriter {
    private static final String INSERT = """
            INSERT INTO patient (mrn, name, name_normalised, gender, birth_year, birth_month, birth_day, mobile,
                abha_number, preferred_abha_address, address, district, state, pincode, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE patient SET name = ?, name_normalised = ?, gender = ?, birth_year = ?, birth_month = ?,
                birth_day = ?, mobile = ?, abha_number = ?, preferred_abha_address = ?, address = ?, district = ?,
                state = ?, pincode = ?, updated_at = ?
            WHERE id = ?""";

    private final Clock clock;

    PatientWriter(Clock clock) {
        this.clock = clock;
    }

    /** Inserts a new patient with the next MRN and returns its id. */
    long insert(Connection c, PatientDetails details) throws SQLException, AbhaAlreadyTaggedException {
        String now = SqlTimestamps.format(clock.instant());
        String mrn = nextMrn(c);
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, mrn);
            int i = bindDetails(s, 2, details);
            s.setString(i, now);
            s.setString(i + 1, now);
            s.executeUpdate();
        } catch (SQLException e) {
            throw refusalOr(e, c, details, AbhaTagGuard.NEW_PATIENT);
        }
        long id = lastInsertId(c);
        insertAddresses(c, id, details);
        return id;
    }

    /** Replaces everything but id, MRN and creation time of patient {@code id}. */
    void update(Connection c, long id, PatientDetails details) throws SQLException, AbhaAlreadyTaggedException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            int i = bindDetails(s, 1, details);
            s.setString(i, SqlTimestamps.format(clock.instant()));
            s.setLong(i + 1, id);
            if (s.executeUpdate() == 0) {
                throw new NoSuchElementException("no patient with id " + id);
            }
        } catch (SQLException e) {
            throw refusalOr(e, c, details, id);
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM patient_abha_address WHERE patient_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        insertAddresses(c, id, details);
    }

    private static String nextMrn(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE mrn_sequence SET last_value = last_value + 1 WHERE only_row = 1")) {
            if (s.executeUpdate() != 1) {
                throw new SQLException("mrn_sequence has lost its row");
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT last_value FROM mrn_sequence WHERE only_row = 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return String.format("MRN-%06d", rs.getLong(1));
        }
    }

    private static int bindDetails(PreparedStatement s, int first, PatientDetails d) throws SQLException {
        int i = first;
        s.setString(i++, d.name().strip());
        s.setString(i++, NameNormaliser.normalise(d.name()));
        s.setString(i++, d.gender().code());
        Optional<PartialDate> birth = d.birthDate();
        setInt(s, i++, birth.map(PartialDate::year));
        setInt(s, i++, birth.flatMap(PartialDate::month));
        setInt(s, i++, birth.flatMap(PartialDate::day));
        s.setString(i++, d.mobile().map(m -> m.digits()).orElse(null));
        s.setString(i++, d.abhaNumber().map(n -> n.digits()).orElse(null));
        s.setString(i++, d.preferredAbhaAddress().map(AbhaAddress::full).orElse(null));
        s.setString(i++, blankIfNull(d.address()));
        s.setString(i++, blankIfNull(d.districtName()));
        s.setString(i++, blankIfNull(d.stateName()));
        s.setString(i++, blankIfNull(d.pinCode()));
        return i;
    }

    private static void insertAddresses(Connection c, long id, PatientDetails details)
            throws SQLException, AbhaAlreadyTaggedException {
        Set<AbhaAddress> distinct = new LinkedHashSet<>(details.abhaAddresses());
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO patient_abha_address (patient_id, address, username, position) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (AbhaAddress address : distinct) {
                s.setLong(1, id);
                s.setString(2, address.full());
                s.setString(3, address.username());
                s.setInt(4, position++);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw refusalOr(e, c, details, id);
        }
    }

    /**
     * A UNIQUE violation on an ABHA number or address becomes the refusal naming the holder; anything
     * else (and a violation whose holder cannot be found) is returned to be rethrown as is.
     */
    private static SQLException refusalOr(SQLException e, Connection c, PatientDetails details, long selfId)
            throws SQLException, AbhaAlreadyTaggedException {
        if (Database.isUniqueViolation(e)) {
            Optional<TaggedPatient> owner = AbhaTagGuard.otherOwner(c, details, selfId);
            if (owner.isPresent()) {
                AbhaAlreadyTaggedException refusal = owner.get().refusal();
                refusal.initCause(e);
                throw refusal;
            }
        }
        return e;
    }

    private static long lastInsertId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setInt(PreparedStatement s, int index, Optional<Integer> value) throws SQLException {
        if (value.isPresent()) {
            s.setInt(index, value.get());
        } else {
            s.setNull(index, Types.INTEGER);
        }
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }
}
