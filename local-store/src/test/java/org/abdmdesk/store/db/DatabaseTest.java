package org.abdmdesk.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path folder;

    @Test
    void theConnectionUsesWalForeignKeysBusyTimeoutAndSecureDelete() {
        try (Database db = Database.open(folder.resolve("t.db"))) {
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "busy_timeout")).isEqualTo(Integer.toString(Database.BUSY_TIMEOUT_MILLIS));
            assertThat(pragma(db, "secure_delete")).isEqualTo("1");
        }
    }

    @Test
    void aFailingTransactionIsRolledBackAndItsOwnExceptionPassesThrough() {
        try (Database db = Database.open(folder.resolve("t.db"))) {
            assertThatThrownBy(() -> db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE mrn_sequence SET last_value = 41");
                }
                throw new IOException("boom");
            })).isInstanceOf(IOException.class).hasMessage("boom");

            assertThat(lastMrn(db)).isEqualTo("0");
            // and the connection is usable (auto-commit) again
            db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE mrn_sequence SET last_value = 7"));
            assertThat(lastMrn(db)).isEqualTo("7");
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Database db = Database.open(folder.resolve("t.db"))) {
            assertThatThrownBy(() -> db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO patient_abha_address (patient_id, address, username, position) VALUES (42, 'a@sbx', 'a', 0)")))
                    .hasRootCauseMessage("[SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key constraint failed (FOREIGN KEY constraint failed)");
        }
    }

    @Test
    void transactionsDoNotNest() {
        try (Database db = Database.open(folder.resolve("t.db"))) {
            assertThatThrownBy(() -> db.inTransaction(c -> db.inTransaction(inner -> 1)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void timestampsAreFixedWidthAndRoundTripToTheNanosecond() {
        Instant t = Instant.parse("2026-03-01T09:15:00Z");
        assertThat(SqlTimestamps.format(t)).isEqualTo("2026-03-01T09:15:00.000000000Z");
        Instant precise = Instant.parse("2026-03-01T09:15:00.000000001Z");
        assertThat(SqlTimestamps.parse(SqlTimestamps.format(precise))).isEqualTo(precise);
        assertThat(SqlTimestamps.format(precise)).isGreaterThan(SqlTimestamps.format(t));
    }

    private static String lastMrn(Database db) {
        return db.read(c -> query(c.createStatement(), "SELECT last_value FROM mrn_sequence"));
    }

    private static String pragma(Database db, String name) {
        return db.read(c -> query(c.createStatement(), "PRAGMA " + name));
    }

    private static String query(Statement s, String sql) throws java.sql.SQLException {
        try (s; ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
