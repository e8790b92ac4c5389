package org.abdmdesk.store.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abdmdesk.engine.callback.InboundCallback;
import org.abdmdesk.engine.callback.InboundStore;
import org.abdmdesk.store.db.Database;
import org.abdmdesk.store.db.SqlTimestamps;

/**
 * The relay's callbacks on SQLite (table {@code inbound_callback}); obtain it from
 * {@code LocalStore.inbound()}. {@link #storeIfNew} commits before it returns (SQLite's FULL
 * synchronous mode), so the relay client may acknowledge as soon as it returns; the UNIQUE
 * REQUEST-ID makes a redelivery a no-op even across processes. Rows are kept after handling.
 */
public final class SqliteInboundStore implements InboundStore {
    private static final String COLUMNS = "request_id, path, headers, body, received_at, relay_seq";

    private final Database database;
    private final Clock clock;

    public SqliteInboundStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean storeIfNew(InboundCallback callback) {
        String headers = JsonHeaders.write(callback.headers());
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO inbound_callback (" + COLUMNS
                    + ", state, stored_at) VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED', ?) ON CONFLICT (request_id) DO NOTHING")) {
                s.setString(1, callback.requestId());
                s.setString(2, callback.path());
                s.setString(3, headers);
                s.setString(4, callback.body());
                s.setString(5, SqlTimestamps.format(callback.receivedAt()));
                s.setLong(6, callback.relaySeq());
                s.setString(7, SqlTimestamps.format(clock.instant()));
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<InboundCallback> pending() {
        return database.read(c -> {
            List<InboundCallback> pending = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM inbound_callback WHERE state = 'RECEIVED' ORDER BY id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pending.add(new InboundCallback(rs.getString(1), rs.getString(2),
                            JsonHeaders.read(rs.getString(3)), rs.getString(4), SqlTimestamps.parse(rs.getString(5)),
                            rs.getLong(6)));
                }
            }
            return pending;
        });
    }

    @Override
    public void markHandled(String requestId) {
        update(requestId, State.HANDLED, null);
    }

    @Override
    public void markFailed(String requestId, String reason) {
        update(requestId, State.FAILED, Objects.requireNonNull(reason, "reason"));
    }

    @Override
    public Map<State, Integer> counts() {
        return database.read(c -> {
            Map<State, Integer> counts = new EnumMap<>(State.class);
            for (State state : State.values()) {
                counts.put(state, 0);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT state, count(*) FROM inbound_callback GROUP BY state");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(State.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    private void update(String requestId, State state, String failure) {
        Objects.requireNonNull(requestId, "requestId");
        int updated = database.inTransaction(c -> updateRow(c, requestId, state, failure));
        if (updated == 0) {
            throw new IllegalArgumentException("no inbound callback with REQUEST-ID " + requestId);
        }
    }

    private int updateRow(Connection c, String requestId, State state, String failure) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE inbound_callback SET state = ?, failure = ?, handled_at = ? WHERE request_id = ?")) {
            s.setString(1, state.name());
            s.setString(2, failure);
            s.setString(3, SqlTimestamps.format(clock.instant()));
            s.setString(4, requestId);
            return s.executeUpdate();
        }
    }
}
