package org.abdmdesk.relay.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The relay's durable store while serving: one SQLite file in the data directory (WAL, {@code synchronous=FULL}).
 * Writes go through a single group-commit writer; every returned future completes only after the commit.
 * Reads use a second connection and see committed data only.
 */
public final class RelayStore implements AutoCloseable {
    private final Connection reader;
    private final GroupCommitWriter writer;

    private RelayStore(Connection reader, GroupCommitWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}.
     *
     * @param onCommitted told, on the writer thread and in seq order, of every message just made durable
     */
    public static RelayStore open(Path dataDir, Consumer<List<StoredMessage>> onCommitted) {
        Connection writeConnection = Database.open(dataDir);
        Connection readConnection = Database.open(dataDir);
        try {
            return new RelayStore(readConnection, new GroupCommitWriter(writeConnection, onCommitted));
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the store writer", e);
        }
    }

    /** The SQLite file inside a data directory. */
    public static Path databaseFile(Path dataDir) {
        return Database.file(dataDir);
    }

    // ---- writes (group-committed) -------------------------------------------------------------------------

    /** Stores a sealed message; completes with its seq after commit, or empty if the clinic is gone. */
    public CompletableFuture<Optional<StoredMessage>> append(String clinicId, MessageKind kind, Instant receivedAt,
                                                            byte[] sealed) {
        return submit(tx -> tx.append(clinicId, kind, receivedAt, sealed));
    }

    /** Deletes an acknowledged message. */
    public CompletableFuture<Void> delete(String clinicId, long seq) {
        return submit(tx -> {
            tx.delete(clinicId, seq);
            return null;
        });
    }

    /** Outcome of a push-token registration. */
    public enum PushRegistration { REGISTERED, HELD_BY_ANOTHER_CLINIC }

    /** Registers (or extends) a push token for a clinic; a token held by another clinic is refused. */
    public CompletableFuture<PushRegistration> registerPushToken(byte[] tokenSha256, String clinicId,
                                                                 Instant expiresAt) {
        return submit(tx -> {
            Connection c = tx.connection();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT clinic_id FROM push_tokens WHERE token_sha256 = ?")) {
                ps.setBytes(1, tokenSha256);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !rs.getString(1).equals(clinicId)) {
                        return PushRegistration.HELD_BY_ANOTHER_CLINIC;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO push_tokens(token_sha256, clinic_id, expires_at) VALUES (?,?,?)"
                            + " ON CONFLICT(token_sha256) DO UPDATE SET expires_at = excluded.expires_at")) {
                ps.setBytes(1, tokenSha256);
                ps.setString(2, clinicId);
                ps.setLong(3, expiresAt.toEpochMilli());
                ps.executeUpdate();
            }
            return PushRegistration.REGISTERED;
        });
    }

    /** Deletes messages received before {@code cutoff} and expired push tokens; completes with messages deleted. */
    public CompletableFuture<Integer> expire(Instant cutoff, Instant now) {
        return submit(tx -> {
            Connection c = tx.connection();
            int deleted;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM messages WHERE received_at < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                deleted = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM push_tokens WHERE expires_at <= ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.executeUpdate();
            }
            return deleted;
        });
    }

    /** Writes and commits a probe row: completes normally only if the store is writable. */
    public CompletableFuture<Void> probe(Instant now) {
        return submit(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "INSERT INTO health(id, checked_at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checked_at = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, now.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private interface Work<T> {
        T run(GroupCommitWriter.Tx tx) throws SQLException;
    }

    private <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        writer.submit(new GroupCommitWriter.Op() {
            private T result;

            @Override
            public void apply(GroupCommitWriter.Tx tx) throws SQLException {
                result = work.run(tx);
            }

            @Override
            public void done() {
                future.complete(result);
            }

            @Override
            public void failed(Throwable error) {
                future.completeExceptionally(error);
            }
        });
        return future;
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /** The clinic with this id (active or revoked). */
    public Optional<ClinicRecord> clinic(String clinicId) {
        return oneClinic(ClinicRows.SELECT + " WHERE id = ?", clinicId);
    }

    /** The active clinic routed by this HIP id, else by this HIU id. */
    public Optional<ClinicRecord> clinicByRoutingId(String hipOrHiuId, boolean hip) {
        return oneClinic(ClinicRows.SELECT + (hip ? " WHERE hip_id = ?" : " WHERE hiu_id = ?")
                + " AND revoked_at IS NULL", hipOrHiuId);
    }

    private Optional<ClinicRecord> oneClinic(String sql, String arg) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ClinicRows.read(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read clinics", e);
            }
        }
    }

    /** Up to {@code limit} stored messages of a clinic with seq greater than {@code afterSeq}, in seq order. */
    public List<StoredMessage> pending(String clinicId, long afterSeq, int limit) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(
                    "SELECT seq, kind, received_at, sealed FROM messages WHERE clinic_id = ? AND seq > ?"
                            + " ORDER BY seq LIMIT ?")) {
                ps.setString(1, clinicId);
                ps.setLong(2, afterSeq);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<StoredMessage> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new StoredMessage(clinicId, rs.getLong(1),
                                MessageKind.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                                Instant.ofEpochMilli(rs.getLong(3)), rs.getBytes(4)));
                    }
                    return out;
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read messages", e);
            }
        }
    }

    /** The clinic holding an unexpired push token with this digest. */
    public Optional<String> pushTokenClinic(byte[] tokenSha256, Instant now) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(
                    "SELECT t.clinic_id FROM push_tokens t JOIN clinics c ON c.id = t.clinic_id"
                            + " WHERE t.token_sha256 = ? AND t.expires_at > ? AND c.revoked_at IS NULL")) {
                ps.setBytes(1, tokenSha256);
                ps.setLong(2, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read push tokens", e);
            }
        }
    }

    /** Stored (unacknowledged) messages per active clinic, zero included. */
    public Map<String, Long> queueDepths() {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(
                    "SELECT c.id, (SELECT count(*) FROM messages m WHERE m.clinic_id = c.id) FROM clinics c"
                            + " WHERE c.revoked_at IS NULL ORDER BY c.id");
                 ResultSet rs = ps.executeQuery()) {
                Map<String, Long> out = new LinkedHashMap<>();
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("cannot count messages", e);
            }
        }
    }

    /** Finishes queued writes, then closes both connections. */
    @Override
    public void close() {
        writer.close();
        synchronized (reader) {
            try {
                reader.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close the store", e);
            }
        }
    }
}
