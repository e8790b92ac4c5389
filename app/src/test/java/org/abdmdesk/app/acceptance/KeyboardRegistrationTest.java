package org.abdmdesk.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.abdmdesk.app.shell.FrontDeskViewModel;
import org.abdmdesk.app.support.DeskScene;
import org.abdmdesk.app.support.RecordingDialogs;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SeedData;
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
 * The front desk with the keyboard alone: no click anywhere. Shortcuts open the screens, the first
 * field of each step has the cursor, Tab/Shift+Tab move, Space ticks, arrows choose, Enter does the
 * step's main action.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardRegistrationTest {
    @TempDir
    Path dataDir;

    private DeskScene scene;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        scene = DeskScene.show(stage, dataDir, dialogs, Locale.ENGLISH);
    }

    @AfterEach
    void stop() throws Exception {
        scene.services.close();
    }

    @Test
    void aWholeRegistrationWithAbhaCreationByKeyboardOnly(FxRobot robot) throws Exception {
        AbdmSimulator sim = scene.services.simulator().orElseThrow();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitFocus(robot, "consent-patient");
        robot.write("Rahul Kumar Sharma");
        tabTo(robot, "consent-1", false);
        robot.type(KeyCode.SPACE);
        tabTo(robot, "consent-6", false);
        robot.type(KeyCode.SPACE);
        tabTo(robot, "consent-7", false);
        robot.type(KeyCode.SPACE);
        assertThat(fx(() -> robot.lookup("#consent-agree").query().isDisabled())).as("Agree enabled after ticking").isFalse();
        robot.type(KeyCode.ENTER);

        awaitFocus(robot, "aadhaar");
        robot.write(SeedData.AADHAAR_NEW).type(KeyCode.ENTER);

        awaitFocus(robot, "aadhaar-otp");
        String otp = sim.otpInbox().latestFor(SeedData.AADHAAR_NEW_MOBILE).orElseThrow().otp();
        robot.write(otp);
        tabTo(robot, "comm-mobile", false);
        robot.write(SeedData.AADHAAR_NEW_MOBILE).type(KeyCode.ENTER);

        awaitFocus(robot, "address-username");
        @SuppressWarnings("unchecked")
        ListView<String> suggestions = robot.lookup("#address-suggestions").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> suggestions.getItems().size() >= 3));
        tabTo(robot, "address-suggestions", true);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DOWN);
        String chosen = fx(() -> suggestions.getSelectionModel().getSelectedItem());
        assertThat(chosen).as("a suggestion chosen with the arrow keys").isNotNull();
        assertThat(fx(() -> suggestions.getSelectionModel().getSelectedIndex())).isPositive();
        assertThat(text(robot, "#address-username")).isEqualTo(chosen);
        robot.type(KeyCode.ENTER);

        awaitFocus(robot, "result-register");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#result-number").isBlank());
        String abhaNumber = text(robot, "#result-number");
        assertThat(text(robot, "#result-address")).isEqualTo(chosen + "@sbx");
        robot.type(KeyCode.ENTER);

        awaitFocus(robot, "reg-name");
        assertThat(text(robot, "#reg-abha-number")).isEqualTo(abhaNumber);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#reg-mrn").startsWith("MRN: MRN-"));

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + LocalStore.defaultDatabaseFile());
                PreparedStatement ps = c.prepareStatement(
                        "SELECT name, gender, preferred_abha_address, mrn FROM patient WHERE abha_number = ?")) {
            ps.setString(1, abhaNumber.replace("-", ""));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("the patient saved with the new ABHA").isTrue();
                assertThat(rs.getString("name")).isEqualTo("Rahul Kumar Sharma");
                assertThat(rs.getString("preferred_abha_address")).isEqualTo(chosen + "@sbx");
                assertThat(text(robot, "#reg-mrn")).endsWith(rs.getString("mrn"));
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void f2FocusesSearchAndCtrlNOpensABlankRegistration(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitFocus(robot, "consent-patient");
        robot.type(KeyCode.F2);
        awaitFocus(robot, "search-box");
        robot.write("Sharma");

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        awaitFocus(robot, "reg-name");
        assertThat(fx(() -> scene.desk.screenProperty().get())).isEqualTo(FrontDeskViewModel.Screen.REGISTRATION);
        assertThat(text(robot, "#reg-name")).isEmpty();
        robot.write("Walk-in");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#reg-name").isEmpty());
        awaitFocus(robot, "reg-name");
    }

    /** Presses Tab (or Shift+Tab) until the node with {@code id} has the focus; at most 12 presses. */
    private static void tabTo(FxRobot robot, String id, boolean backwards) throws Exception {
        for (int i = 0; i < 12; i++) {
            if (id.equals(focusId(robot))) {
                return;
            }
            if (backwards) {
                robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
            } else {
                robot.type(KeyCode.TAB);
            }
        }
        assertThat(focusId(robot)).as("Tab reaches #%s", id).isEqualTo(id);
    }

    private static void awaitFocus(FxRobot robot, String id) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> id.equals(focusId(robot)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected the focus on #" + id + " but it is on #" + focusId(robot), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String focusId(FxRobot robot) throws Exception {
        return fx(() -> {
            Node focus = robot.listTargetWindows().stream().filter(w -> w.isFocused() && w.getScene() != null)
                    .map(w -> w.getScene().getFocusOwner()).filter(n -> n != null).findFirst().orElse(null);
            return focus == null ? "(none)" : focus.getId() == null ? focus.getClass().getSimpleName() : focus.getId();
        });
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Label l ? l.getText()
                : n instanceof TextInputControl t ? t.getText() : "").orElse("");
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }
}
