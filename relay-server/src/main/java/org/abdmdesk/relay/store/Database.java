package org.abdmdesk.relay.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;

/** Opens connections to the relay's SQLite file and keeps its schema current. */
final class Database {
    static final String FILE_NAME = "relay.db";
    private static final int SCHEMA_VERSION = 1;

    private Database() {
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** A connection in WAL mode with {@code synchronous=FULL}: a commit returns only after fsync. */
    static Connection open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file(dataDir).toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
            }
            migrate(connection);
            return connection;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the relay store in " + dataDir, e);
        }
    }

    private static void migrate(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            int version;
            try (var rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version >= SCHEMA_VERSION) {
                return;
            }
            s.execute("BEGIN IMMEDIATE");
            try {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS clinics (
                          id TEXT PRIMARY KEY,
                          name TEXT NOT NULL,
                          hip_id TEXT,
                          hiu_id TEXT,
                          public_key BLOB NOT NULL,
                          secret_sha256 BLOB NOT NULL,
                          created_at INTEGER NOT NULL,
                          revoked_at INTEGER,
                          next_seq INTEGER NOT NULL DEFAULT 1)""");
                s.execute("CREATE UNIQUE INDEX IF NOT EXISTS clinics_hip ON clinics(hip_id)"
                        + " WHERE hip_id IS NOT NULL AND revoked_at IS NULL");
                s.execute("CREATE UNIQUE INDEX IF NOT EXISTS clinics_hiu ON clinics(hiu_id)"
                        + " WHERE hiu_id IS NOT NULL AND revoked_at IS NULL");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS messages (
                          clinic_id TEXT NOT NULL,
                          seq INTEGER NOT NULL,
                          kind TEXT NOT NULL,
                          received_at INTEGER NOT NULL,
                          sealed BLOB NOT NULL,
                          PRIMARY KEY (clinic_id, seq)) WITHOUT ROWID""");
                s.execute("CREATE INDEX IF NOT EXISTS messages_received ON messages(received_at)");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS push_tokens (
                          token_sha256 BLOB PRIMARY KEY,
                          clinic_id TEXT NOT NULL,
                          expires_at INTEGER NOT NULL)""");
                s.execute("CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY, checked_at INTEGER NOT NULL)");
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                s.execute("COMMIT");
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }
}
