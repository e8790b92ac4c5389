package org.abdmdesk.store.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.patient.AbhaAlreadyTaggedException;
import org.abdmdesk.engine.patient.PatientDetails;

/**
 * TAGGING_UNIQUEPATIENTID_UNIQUEABHANUMBER: before a patient is created or changed, finds whether its
 * ABHA number or any of its ABHA addresses is already tagged to another patient.
 */
final class AbhaTagGuard {
    /** The id no patient has, for checks made before a new patient exists. */
    static final long NEW_PATIENT = 0;

    private AbhaTagGuard() {
    }

    /** @throws AbhaAlreadyTaggedException naming the other patient, if there is one */
    static void requireUntagged(Connection c, PatientDetails details, long selfId)
            throws SQLException, AbhaAlreadyTaggedException {
        Optional<TaggedPatient> owner = otherOwner(c, details, selfId);
        if (owner.isPresent()) {
            throw owner.get().refusal();
        }
    }

    /** The first patient other than {@code selfId} holding the details' ABHA number or one of its addresses. */
    static Optional<TaggedPatient> otherOwner(Connection c, PatientDetails details, long selfId) throws SQLException {
        if (details.abhaNumber().isPresent()) {
            Optional<TaggedPatient> owner = query(c, "SELECT id, mrn FROM patient WHERE abha_number = ? AND id <> ?",
                    details.abhaNumber().get().digits(), selfId);
            if (owner.isPresent()) {
                return owner;
            }
        }
        for (AbhaAddress address : details.abhaAddresses()) {
            Optional<TaggedPatient> owner = query(c, """
                    SELECT p.id, p.mrn FROM patient_abha_address a JOIN patient p ON p.id = a.patient_id
                    WHERE a.address = ? AND p.id <> ?""", address.full(), selfId);
            if (owner.isPresent()) {
                return owner;
            }
        }
        return Optional.empty();
    }

    private static Optional<TaggedPatient> query(Connection c, String sql, String value, long selfId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.setLong(2, selfId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new TaggedPatient(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }
}
