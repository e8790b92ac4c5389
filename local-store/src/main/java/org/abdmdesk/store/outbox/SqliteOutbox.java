package org.abdmdesk.store.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.outbox.Outbox;
import org.abdmdesk.engine.outbox.OutboxEntry;
import org.abdmdesk.engine.outbox.OutboxMessage;
import org.abdmdesk.store.db.Database;
import org.abdmdesk.store.db.SqlTimestamps;
import org.abdmdesk.store.inbox.JsonHeaders;

/**
 * The outbox on SQLite (table {@code outbox_message}); obtain it from {@code LocalStore.outbox()}.
 * Every change commits before it returns, so the {@code OutboxSender} can stop at any moment and
 * carry on after a restart. Messages are kept after they are sent or dead, for the record.
 */
public final class SqliteOutbox implements Outbox {
    private static final String COLUMNS = "id, target, headers, body, correlation, created_at, state, attempts, "
            + "next_attempt_at, last_error, sent_at, sent_request_id";

    private final Database database;

    public SqliteOutbox(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean enqueue(OutboxMessage message) {
        String headers = JsonHeaders.write(message.headers());
        String createdAt = SqlTimestamps.format(message.createdAt());
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO outbox_message (id, target, headers, body, correlation, created_at, state, attempts,
                        next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?) ON CONFLICT (id) DO NOTHING""")) {
                s.setString(1, message.id());
                s.setString(2, message.target());
                s.setString(3, headers);
                s.setString(4, message.body());
                s.setString(5, message.correlation());
                s.setString(6, createdAt);
                s.setString(7, createdAt);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<OutboxEntry> due(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message"
                    + " WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ?")) {
                s.setString(1, SqlTimestamps.format(now));
                s.setInt(2, limit);
                return readAll(s);
            }
        });
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT min(next_attempt_at) FROM outbox_message WHERE state = 'PENDING'");
                    ResultSet rs = s.executeQuery()) {
                String next = rs.next() ? rs.getString(1) : null;
                return Optional.ofNullable(next).map(SqlTimestamps::parse);
            }
        });
    }

    @Override
    public Optional<OutboxEntry> find(String id) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message WHERE id = ?")) {
                s.setString(1, id);
                return readAll(s).stream().findFirst();
            }
        });
    }

    @Override
    public void markSent(String id, String requestId, Instant at) {
        Objects.requireNonNull(requestId, "requestId");
        update(id, """
                UPDATE outbox_message SET state = 'SENT', attempts = attempts + 1, sent_at = ?, sent_request_id = ?
                WHERE id = ? AND state = 'PENDING'""", SqlTimestamps.format(at), requestId);
    }

    @Override
    public void markAttemptFailed(String id, Instant at, Instant nextAttemptAt, String reason) {
        Objects.requireNonNull(at, "at");
        update(id, """
                UPDATE outbox_message SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                WHERE id = ? AND state = 'PENDING'""", SqlTimestamps.format(nextAttemptAt),
                Objects.requireNonNull(reason, "reason"));
    }

    @Override
    public void markDead(String id, String reason) {
        update(id, "UPDATE outbox_message SET state = 'DEAD', last_error = ? WHERE id = ? AND state = 'PENDING'",
                Objects.requireNonNull(reason, "reason"));
    }

    @Override
    public Map<State, Integer> counts() {
        return database.read(c -> {
            Map<State, Integer> counts = new EnumMap<>(State.class);
            for (State state : State.values()) {
                counts.put(state, 0);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT state, count(*) FROM outbox_message GROUP BY state");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(State.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    /** Runs an UPDATE whose last parameter is the id; only a pending message may change. */
    private void update(String id, String sql, String... values) {
        Objects.requireNonNull(id, "id");
        int updated = database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                for (String value : values) {
                    s.setString(i++, value);
                }
                s.setString(i, id);
                return s.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalStateException("no pending outbox message " + id);
        }
    }

    private static List<OutboxEntry> readAll(PreparedStatement s) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                OutboxMessage message = new OutboxMessage(rs.getString(1), rs.getString(2),
                        JsonHeaders.read(rs.getString(3)), rs.getString(4), rs.getString(5),
                        SqlTimestamps.parse(rs.getString(6)));
                entries.add(new OutboxEntry(message, State.valueOf(rs.getString(7)), rs.getInt(8),
                        SqlTimestamps.parse(rs.getString(9)), Optional.ofNullable(rs.getString(10)),
                        Optional.ofNullable(rs.getString(11)).map(SqlTimestamps::parse),
                        Optional.ofNullable(rs.getString(12))));
            }
        }
        return entries;
    }
}
