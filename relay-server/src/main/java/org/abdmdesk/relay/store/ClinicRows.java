package org.abdmdesk.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Maps {@code clinics} rows. */
final class ClinicRows {
    static final String SELECT =
            "SELECT id, name, hip_id, hiu_id, public_key, secret_sha256, created_at, revoked_at FROM clinics";

    private ClinicRows() {
    }

    static ClinicRecord read(ResultSet rs) throws SQLException {
        long revoked = rs.getLong(8);
        Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
        return new ClinicRecord(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                Optional.ofNullable(rs.getString(4)), rs.getBytes(5), rs.getBytes(6),
                Instant.ofEpochMilli(rs.getLong(7)), revokedAt);
    }
}
