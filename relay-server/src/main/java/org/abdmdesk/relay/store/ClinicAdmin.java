package org.abdmdesk.relay.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Clinic registration for the {@code clinic add|list|revoke} commands. Works on the data directory directly
 * (also while a relay is serving it: SQLite WAL lets both write, one at a time).
 */
public final class ClinicAdmin implements AutoCloseable {
    private final Connection connection;
    private final Clock clock;

    public ClinicAdmin(Path dataDir, Clock clock) {
        this.connection = Database.open(dataDir);
        this.clock = clock;
    }

    /** What {@link #add} hands back once: the id and the credential {@code <id>.<secret>}. */
    public record Added(String clinicId, String credential) {
    }

    /** Why an add was refused. */
    public static final class DuplicateRoutingIdException extends RuntimeException {
        public DuplicateRoutingIdException(String routingId) {
            super(routingId);
        }
    }

    /**
     * Registers a clinic. Only SHA-256 of the new secret is stored.
     *
     * @throws DuplicateRoutingIdException if an active clinic already has this HIP or HIU id
     */
    public Added add(String name, Optional<String> hipId, Optional<String> hiuId, byte[] publicKey) {
        String id = Secrets.newClinicId();
        String secret = Secrets.newSecret();
        try {
            for (Optional<String> routing : List.of(hipId, hiuId)) {
                if (routing.isPresent() && routingIdTaken(routing.get())) {
                    throw new DuplicateRoutingIdException(routing.get());
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO clinics(id, name, hip_id, hiu_id, public_key, secret_sha256, created_at)"
                            + " VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setString(3, hipId.orElse(null));
                ps.setString(4, hiuId.orElse(null));
                ps.setBytes(5, publicKey);
                ps.setBytes(6, Secrets.sha256(secret));
                ps.setLong(7, clock.millis());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot add the clinic", e);
        }
        return new Added(id, id + "." + secret);
    }

    private boolean routingIdTaken(String routingId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM clinics WHERE revoked_at IS NULL AND (hip_id = ? OR hiu_id = ?)")) {
            ps.setString(1, routingId);
            ps.setString(2, routingId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** All clinics, oldest first. */
    public List<ClinicRecord> list() {
        try (PreparedStatement ps = connection.prepareStatement(ClinicRows.SELECT + " ORDER BY created_at, id");
             ResultSet rs = ps.executeQuery()) {
            List<ClinicRecord> out = new ArrayList<>();
            while (rs.next()) {
                out.add(ClinicRows.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list clinics", e);
        }
    }

    /** Revokes a clinic and drops its push tokens; returns false if no active clinic has this id. */
    public boolean revoke(String clinicId) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE clinics SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
                 PreparedStatement tokens = connection.prepareStatement("DELETE FROM push_tokens WHERE clinic_id = ?")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, clinicId);
                boolean changed = ps.executeUpdate() == 1;
                tokens.setString(1, clinicId);
                tokens.executeUpdate();
                connection.commit();
                return changed;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot revoke the clinic", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the relay store", e);
        }
    }
}
