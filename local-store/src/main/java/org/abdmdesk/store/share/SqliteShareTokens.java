package org.abdmdesk.store.share;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.share.ShareToken;
import org.abdmdesk.engine.share.ShareTokens;
import org.abdmdesk.engine.share.TokenRequest;
import org.abdmdesk.store.db.Database;
import org.abdmdesk.store.db.SqlTimestamps;

/**
 * Scan-and-share tokens on SQLite (tables {@code share_queue} and {@code share_request}); obtain it
 * from {@code LocalStore.shareTokens()}. {@link #issue} runs in one immediate transaction, so two
 * shares at once never get the same number, and UNIQUE (counter, day, number) backs that up.
 */
public final class SqliteShareTokens implements ShareTokens {
    private static final String COLUMNS = "q.id, q.counter, q.day, q.number, q.abha_number, q.abha_address, "
            + "q.patient_id, q.request_id, q.status, q.created_at, q.expires_at";

    private final Database database;

    public SqliteShareTokens(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public ShareToken issue(TokenRequest r) {
        return database.inTransaction(c -> {
            Optional<ShareToken> handled = one(c, "SELECT " + COLUMNS
                    + " FROM share_request s JOIN share_queue q ON q.id = s.queue_id WHERE s.request_id = ?",
                    r.requestId());
            if (handled.isPresent()) {
                return handled.get();
            }
            Optional<ShareToken> live = one(c, "SELECT " + COLUMNS + " FROM share_queue q WHERE q.patient_id = ?"
                    + " AND q.counter = ? AND q.expires_at > ? AND q.status <> 'DONE' ORDER BY q.id DESC LIMIT 1",
                    r.patientId(), r.counter(), SqlTimestamps.format(r.now()));
            ShareToken token = live.isPresent() ? live.get() : insert(c, r);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO share_request (request_id, queue_id, received_at) VALUES (?, ?, ?)")) {
                s.setString(1, r.requestId());
                s.setLong(2, token.id());
                s.setString(3, SqlTimestamps.format(r.now()));
                s.executeUpdate();
            }
            return token;
        });
    }

    @Override
    public List<ShareToken> live(Instant now) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM share_queue q WHERE q.expires_at > ? ORDER BY q.counter, q.day, q.number")) {
                s.setString(1, SqlTimestamps.format(now));
                return readAll(s);
            }
        });
    }

    @Override
    public Optional<ShareToken> find(long id) {
        return database.read(c -> one(c, "SELECT " + COLUMNS + " FROM share_queue q WHERE q.id = ?", id));
    }

    @Override
    public boolean setStatus(long id, ShareToken.Status status) {
        Objects.requireNonNull(status, "status");
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE share_queue SET status = ? WHERE id = ?")) {
                s.setString(1, status.name());
                s.setLong(2, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static ShareToken insert(Connection c, TokenRequest r) throws SQLException {
        int number;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(max(number), 0) + 1 FROM share_queue WHERE counter = ? AND day = ?")) {
            s.setString(1, r.counter());
            s.setString(2, r.day().toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                number = rs.getInt(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO share_queue (counter, day, number, abha_number, abha_address, patient_id, request_id,
                    status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?)""",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setString(1, r.counter());
            s.setString(2, r.day().toString());
            s.setInt(3, number);
            s.setString(4, r.abhaNumber().map(AbhaNumber::digits).orElse(null));
            s.setString(5, r.abhaAddress().map(AbhaAddress::full).orElse(null));
            s.setLong(6, r.patientId());
            s.setString(7, r.requestId());
            s.setString(8, SqlTimestamps.format(r.now()));
            s.setString(9, SqlTimestamps.format(r.expiresAt()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new ShareToken(keys.getLong(1), r.counter(), r.day(), number, r.abhaNumber(), r.abhaAddress(),
                        r.patientId(), r.requestId(), ShareToken.Status.WAITING, r.now(), r.expiresAt());
            }
        }
    }

    private static Optional<ShareToken> one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<ShareToken> all = readAll(s);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }
    }

    private static List<ShareToken> readAll(PreparedStatement s) throws SQLException {
        List<ShareToken> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String number = rs.getString("abha_number");
                String address = rs.getString("abha_address");
                out.add(new ShareToken(rs.getLong("id"), rs.getString("counter"), LocalDate.parse(rs.getString("day")),
                        rs.getInt("number"), Optional.ofNullable(number).map(AbhaNumber::new),
                        Optional.ofNullable(address).map(a -> AbhaAddress.parse(a, "sbx")), rs.getLong("patient_id"),
                        rs.getString("request_id"), ShareToken.Status.valueOf(rs.getString("status")),
                        SqlTimestamps.parse(rs.getString("created_at")),
                        SqlTimestamps.parse(rs.getString("expires_at"))));
            }
        }
        return out;
    }
}
