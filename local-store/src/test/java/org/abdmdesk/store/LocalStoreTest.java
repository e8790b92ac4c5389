package org.abdmdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.patient.PatientDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
    @TempDir
    Path folder;

    private static PatientDetails someone(String name) {
        return new PatientDetails(name, Gender.MALE, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), "", "", "", "");
    }

    @Test
    void createsFoldersAndMigratesAFreshFile() throws Exception {
        Path file = folder.resolve("a/b/clinic.db");

        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.databaseFile()).isEqualTo(file.toAbsolutePath());
            assertThat(store.patients().search("", 10)).isEmpty();
            assertThat(store.enrolmentConsents().all()).isEmpty();
            assertThat(store.inbound().pending()).isEmpty();
            assertThat(store.outbox().nextDueAt()).isEmpty();
        }

        assertThat(file).isRegularFile();
        assertThat(queryStrings(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
                .contains("patient", "patient_abha_address", "enrolment_consent", "mrn_sequence",
                        "inbound_callback", "outbox_message", "share_queue", "share_request", "flyway_schema_history");
        assertThat(queryStrings(file, "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank"))
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void reopeningKeepsDataAndAppliesNothingTwice() throws Exception {
        Path file = folder.resolve("clinic.db");
        Patient registered;
        try (LocalStore store = LocalStore.open(file)) {
            registered = store.patients().register(someone("Kept"));
        }
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.patients().findById(registered.id())).contains(registered);
            assertThat(store.patients().register(someone("Next")).mrn()).isEqualTo("MRN-000002");
        }
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.patients().search("", 10)).hasSize(2);
        }
        assertThat(queryStrings(file, "SELECT count(*) FROM flyway_schema_history")).containsExactly("4");
    }

    @Test
    void theSchemaHasNoPlaceForAadhaarOtpsOrTokens() throws Exception {
        Path file = folder.resolve("clinic.db");
        LocalStore.open(file).close();

        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String table : queryStrings(file, "SELECT name FROM sqlite_master WHERE type = 'table'")) {
                names.add(table);
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
                    while (rs.next()) {
                        names.add(table + "." + rs.getString(1));
                    }
                }
            }
        }

        assertThat(names).contains("patient.abha_number", "patient.mobile", "enrolment_consent.text_sha256");
        assertThat(names).allSatisfy(name -> assertThat(name.toLowerCase(Locale.ROOT))
                .doesNotContain("aadhaar").doesNotContain("aadhar").doesNotContain("otp")
                .doesNotContain("token"));
    }

    @Test
    void aClosedStoreRefusesWork() {
        LocalStore store = LocalStore.open(folder.resolve("clinic.db"));
        store.close();
        store.close();

        assertThatThrownBy(() -> store.patients().findById(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFileThatIsNotADatabaseGivesAStoreException() throws Exception {
        Path file = folder.resolve("garbage.db");
        Files.writeString(file, "this is not an SQLite database, just some text that is long enough to be read");

        assertThatThrownBy(() -> LocalStore.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("garbage.db");
    }

    @Test
    void defaultDataDirectoryHonoursTheSystemProperty() {
        String before = System.getProperty(DataDirectory.OVERRIDE_PROPERTY);
        try {
            System.setProperty(DataDirectory.OVERRIDE_PROPERTY, folder.resolve("elsewhere").toString());

            assertThat(LocalStore.defaultDataDirectory()).isEqualTo(folder.resolve("elsewhere").toAbsolutePath());
            assertThat(LocalStore.defaultDatabaseFile())
                    .isEqualTo(folder.resolve("elsewhere").resolve("abdm-desk.db").toAbsolutePath());
        } finally {
            if (before == null) {
                System.clearProperty(DataDirectory.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(DataDirectory.OVERRIDE_PROPERTY, before);
            }
        }
    }

    private static List<String> queryStrings(Path file, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
