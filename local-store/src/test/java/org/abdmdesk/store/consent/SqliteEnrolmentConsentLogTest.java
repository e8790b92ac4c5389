package org.abdmdesk.store.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.abdmdesk.engine.abha.EnrolmentConsent;
import org.abdmdesk.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEnrolmentConsentLogTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path folder;

    private static EnrolmentConsent consent(Set<String> ids, String patient, String at) {
        return new EnrolmentConsent(ids, "abdm-2024-11", SHA, "hi", "reception-1", patient, Instant.parse(at));
    }

    @Test
    void recordsAndReadsBackInOrderAcrossAReopen() {
        Path file = folder.resolve("clinic.db");
        EnrolmentConsent first = consent(Set.of("s1", "s2", "s3", "s4", "s5"), "Asha Devi", "2026-03-01T09:00:00.5Z");
        EnrolmentConsent second = consent(Set.of("s1", "s2"), "Ravi Kumar", "2026-03-01T09:05:00.000000123Z");
        long firstId;
        long secondId;
        try (LocalStore store = LocalStore.open(file)) {
            firstId = store.enrolmentConsents().record(first);
            secondId = store.enrolmentConsents().record(second);
        }
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(secondId).isGreaterThan(firstId);
            assertThat(store.enrolmentConsents().all()).containsExactly(first, second);
        }
    }

    @Test
    void anUpperCaseHashIsStoredInLowerCaseAndOtherHashesAreRefused() {
        try (LocalStore store = LocalStore.open(folder.resolve("clinic.db"))) {
            store.enrolmentConsents().record(new EnrolmentConsent(Set.of(), "v1", SHA.toUpperCase(), "en", "op", "P",
                    Instant.parse("2026-03-01T09:00:00Z")));

            assertThat(store.enrolmentConsents().all()).singleElement()
                    .satisfies(c -> assertThat(c.textSha256()).isEqualTo(SHA))
                    .satisfies(c -> assertThat(c.tickedStatementIds()).isEmpty());
            assertThatThrownBy(() -> store.enrolmentConsents().record(new EnrolmentConsent(Set.of(), "v1", "abc", "en",
                    "op", "P", Instant.now()))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.enrolmentConsents().record(consent(Set.of("a,b"), "P",
                    "2026-03-01T09:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.enrolmentConsents().all()).hasSize(1);
        }
    }

    @Test
    void recordsCannotBeChangedOrDeletedEvenWithSql() throws Exception {
        Path file = folder.resolve("clinic.db");
        try (LocalStore store = LocalStore.open(file)) {
            store.enrolmentConsents().record(consent(Set.of("s1"), "Asha Devi", "2026-03-01T09:00:00Z"));
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE enrolment_consent SET operator = 'someone else'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM enrolment_consent"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.enrolmentConsents().all()).singleElement()
                    .satisfies(c -> assertThat(c.operator()).isEqualTo("reception-1"));
        }
    }
}
