package org.abdmdesk.app.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.abdmdesk.app.Exchange;
import org.abdmdesk.app.support.Await;
import org.abdmdesk.app.support.DeskScene;
import org.abdmdesk.app.support.RecordingDialogs;
import org.abdmdesk.engine.relay.LinkState;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SeedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scan-and-share screen in the real demo wiring (simulator, in-process relay, SQLite): a scan on
 * the patient phone shows up as a token row; F5 calls it and F6 marks it done; the status line names
 * the relay link.
 */
@ExtendWith(ApplicationExtension.class)
class ShareQueueScreenTest {
    static final Duration DEADLINE = Duration.ofSeconds(20);

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
        fx(() -> {
            scene.desk.backToRegistration();
            return null;
        });
        scene.services.close();
    }

    @Test
    void aScanShowsATokenRowThatCanBeCalledAndDone(FxRobot robot) throws Exception {
        Exchange exchange = scene.services.exchange().orElseThrow();
        Await.until(DEADLINE, "relay link up", () -> exchange.status().link() == LinkState.CONNECTED);
        Await.until(DEADLINE, "status line says connected", () -> text(robot, "#status-exchange")
                .startsWith("Relay connected"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        Await.until(DEADLINE, "share screen open", () -> !robot.lookup("#share-table").queryAll().isEmpty());
        assertThat(text(robot, "#share-qr-text")).isEqualTo(SeedData.DEMO_COUNTER_QR);

        AbdmSimulator sim = scene.services.simulator().orElseThrow();
        sim.patientPhone().scanCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);

        Await.until(DEADLINE, "token row shown", () -> rows(robot) == 1);
        QueueRow row = fx(() -> table(robot).getItems().get(0));
        assertThat(row.number()).isEqualTo(1);
        assertThat(row.name()).isEqualTo("Asha Verma");
        assertThat(row.abha()).isEqualTo("xx-xxxx-xxxx-0131");
        assertThat(row.statusText()).isEqualTo("Waiting");
        Await.until(DEADLINE, "the phone shows the token", () -> sim.onShareReplies().size() == 1);
        assertThat(sim.onShareReplies().get(0).tokenNumber()).isEqualTo("1");

        robot.type(KeyCode.F5);
        Await.until(DEADLINE, "called", () -> "Called".equals(statusOfFirst(robot)));
        assertThat(text(robot, "#share-message")).isEqualTo("Token 1 called.");

        robot.type(KeyCode.F6);
        Await.until(DEADLINE, "done", () -> "Done".equals(statusOfFirst(robot)));
    }

    private static String statusOfFirst(FxRobot robot) {
        return call(() -> table(robot).getItems().isEmpty() ? "" : table(robot).getItems().get(0).statusText());
    }

    private static int rows(FxRobot robot) {
        return call(() -> table(robot).getItems().size());
    }

    @SuppressWarnings("unchecked")
    private static TableView<QueueRow> table(FxRobot robot) {
        return (TableView<QueueRow>) robot.lookup("#share-table").query();
    }

    private static String text(FxRobot robot, String query) {
        return call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static <T> T call(Callable<T> action) {
        try {
            return fx(action);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }
}
