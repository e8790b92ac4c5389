package org.abdmdesk.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.abdmdesk.app.AppServices;
import org.abdmdesk.app.Desk;
import org.abdmdesk.app.Logging;
import org.abdmdesk.app.Wiring;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.app.shell.ShellView;
import org.abdmdesk.app.shell.ShellViewModel;
import org.abdmdesk.app.support.DeskScene;
import org.abdmdesk.app.support.RecordingDialogs;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SeedData;
import org.abdmdesk.engine.sim.SentOtp;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.abdmdesk.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Acceptance: a receptionist creates an ABHA by Aadhaar OTP in the real JavaFX scene, against the
 * simulator over HTTP, and registers the patient; then nothing secret is left on disk or in logs.
 */
@ExtendWith(ApplicationExtension.class)
class CreateAbhaAcceptanceTest {
    private static final String CHOSEN = "rahul.desk2026";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path tempDir;

    private AppServices services;
    private AbdmSimulator simulator;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        System.setProperty("abdmdesk.data.dir", dataDir.toString());
        System.setProperty("java.io.tmpdir", tempDir.toString());
        Logging.start(dataDir);
        I18n i18n = new I18n(Locale.ENGLISH);
        services = Wiring.demo(SimulatorConfig.defaults(), LocalStore.defaultDatabaseFile(), dialogs, Locale.ENGLISH,
                Clock.systemUTC(), "Reception 1");
        simulator = services.simulator().orElseThrow();
        ShellViewModel shell = new ShellViewModel(i18n, "mode.demo");
        ShellView view = new ShellView(shell, i18n);
        Scene scene = new Scene(view, DeskScene.WIDTH, DeskScene.HEIGHT); // fits the headless screen
        scene.getStylesheets().add(Styles.STYLESHEET);
        view.installShortcuts(scene);
        stage.setScene(scene);
        shell.ready(Desk.frontDesk(services, i18n));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        services.close();
    }

    @Test
    void createsAbhaByAadhaarOtpAndRegistersThePatientLeavingNoSecretsBehind(FxRobot robot) throws Exception {
        List<String> otpsUsed = new ArrayList<>();

        robot.clickOn("#desk-create-abha");
        waitVisible(robot, "#consent-patient");

        // consent: patient's name, statements 1, 6, 7 (2 stays unticked), then Enter
        robot.clickOn("#consent-patient").write("Rahul Kumar Sharma");
        robot.clickOn("#consent-1").clickOn("#consent-6").clickOn("#consent-7");
        robot.clickOn("#consent-agree");
        waitVisible(robot, "#aadhaar");

        // Aadhaar: typed, Enter sends the OTP
        robot.clickOn("#aadhaar").write(SeedData.AADHAAR_NEW).type(KeyCode.ENTER);
        waitVisible(robot, "#aadhaar-otp");
        assertThat(text(robot, "#aadhaar-masked")).contains("XXXX XXXX " + SeedData.AADHAAR_NEW.substring(8));
        assertThat(text(robot, "#aadhaar-sent")).isNotBlank();
        SentOtp sent = simulator.otpInbox().latestFor(SeedData.AADHAAR_NEW_MOBILE).orElseThrow();
        otpsUsed.add(sent.otp());

        // OTP and the communication mobile (same as Aadhaar's), Enter verifies
        robot.clickOn("#comm-mobile").write(SeedData.AADHAAR_NEW_MOBILE);
        robot.clickOn("#aadhaar-otp").write(sent.otp()).type(KeyCode.ENTER);

        // address: at least 3 suggestions; a custom one that follows the policy
        waitVisible(robot, "#address-username");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#address-suggestions").queryAs(ListView.class).getItems().size() >= 3);
        robot.doubleClickOn("#address-username").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(CHOSEN);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#address-feedback").contains(CHOSEN + "@sbx"));
        robot.type(KeyCode.ENTER);

        // result: ABHA Number xx-xxxx-xxxx-xxxx and the chosen ABHA Address
        waitVisible(robot, "#result-number");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#result-number").isBlank());
        String abhaNumber = text(robot, "#result-number");
        assertThat(abhaNumber).matches("\\d{2}-\\d{4}-\\d{4}-\\d{4}");
        assertThat(text(robot, "#result-address")).isEqualTo(CHOSEN + "@sbx");

        // register the patient from the profile and save
        robot.clickOn("#result-register");
        waitVisible(robot, "#reg-save");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#reg-abha-number").equals(abhaNumber));
        robot.clickOn("#reg-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#reg-mrn").startsWith("MRN: MRN-"));

        // the row in the SQLite file, read with plain JDBC
        Path db = LocalStore.defaultDatabaseFile();
        assertThat(db).startsWith(dataDir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                PreparedStatement ps = c.prepareStatement(
                        "SELECT abha_number, preferred_abha_address, name FROM patient WHERE abha_number = ?")) {
            ps.setString(1, abhaNumber.replace("-", ""));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("patient row with the new ABHA Number").isTrue();
                assertThat(rs.getString("preferred_abha_address")).isEqualTo(CHOSEN + "@sbx");
                assertThat(rs.getString("name")).isNotBlank();
                assertThat(rs.next()).isFalse();
            }
        }
        assertThat(services.consents().all()).singleElement()
                .satisfies(consent -> assertThat(consent.tickedStatementIds()).containsExactlyInAnyOrder("1", "6", "7"));

        // no Aadhaar (plain or spaced) and no OTP anywhere on disk: DB (+wal/shm), logs, temp dir
        services.close();
        services = new AppServices(null, null, null, null, null, null, java.util.Optional.empty(), "", "", "",
                java.util.Optional.empty(), java.util.Optional.empty(), () -> { });
        String aadhaar = SeedData.AADHAAR_NEW;
        List<String> secrets = new ArrayList<>(List.of(aadhaar,
                aadhaar.substring(0, 4) + " " + aadhaar.substring(4, 8) + " " + aadhaar.substring(8)));
        secrets.addAll(otpsUsed);
        List<Path> scanned = new ArrayList<>();
        for (Path root : List.of(dataDir, tempDir)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).forEach(scanned::add);
            }
        }
        assertThat(scanned).anySatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo("abdm-desk.log"));
        assertThat(scanned).anySatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".db"));
        for (Path file : scanned) {
            String content = read(file);
            for (String secret : secrets) {
                assertThat(content).as("%s must not contain a secret", file).doesNotContain(secret);
            }
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    private static void waitVisible(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                .filter(Node::isVisible).filter(n -> n.getScene() != null).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Label l ? l.getText()
                : n instanceof javafx.scene.control.TextInputControl t ? t.getText() : "").orElse("");
    }
}
