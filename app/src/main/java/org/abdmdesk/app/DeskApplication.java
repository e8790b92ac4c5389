package org.abdmdesk.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.abdmdesk.app.common.DialogService;
import org.abdmdesk.app.common.FxDialogService;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.app.demo.PatientPhoneWindow;
import org.abdmdesk.app.demo.PhonePlacement;
import org.abdmdesk.app.shell.ShellView;
import org.abdmdesk.app.shell.ShellViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. The window is shown first; the store, the ABHA client and (in demo mode)
 * the simulator start on a background thread, and the front desk appears when they are ready, with
 * the search box focused. With {@code --exit-when-ready} it then prints {@code startup-ms=<N>} (N =
 * milliseconds since the JVM started) and exits: the start-up measurement hook.
 */
public final class DeskApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DeskApplication.class);
    static final double PREFERRED_WIDTH = 1280;
    static final double MINIMUM_WIDTH = 960;
    static final double PREFERRED_HEIGHT = 820;

    private volatile AppServices services;
    private Launcher.Options options;

    @Override
    public void start(Stage stage) {
        long started = System.nanoTime();
        options = Launcher.Options.parse(getParameters().getRaw());
        Locale locale = options.locale();
        I18n i18n = new I18n(locale);
        DialogService dialogs = new FxDialogService(() -> stage, i18n);
        ShellViewModel shell = new ShellViewModel(i18n, options.demo() ? "mode.demo" : "mode.sandbox");
        ShellView view = new ShellView(shell, i18n);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = PhonePlacement.mainWidth(screen, PREFERRED_WIDTH, MINIMUM_WIDTH,
                options.demo() ? PatientPhoneWindow.WIDTH : 0);
        Scene scene = new Scene(view, width, Math.min(PREFERRED_HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(Styles.STYLESHEET);
        view.installShortcuts(scene);
        stage.setTitle(i18n.get("app.title"));
        stage.setScene(scene);
        if (options.demo()) {
            stage.setX(screen.getMinX()); // leaves room on the right for the patient phone
            stage.setY(screen.getMinY());
        }
        stage.show();
        LOG.info("window shown after {} ms", (System.nanoTime() - started) / 1_000_000);

        String operator = System.getProperty("user.name", "operator");
        Thread.ofVirtual().name("desk-start").start(() -> {
            try {
                AppServices ready = options.demo() ? Wiring.demo(dialogs, locale, operator)
                        : Wiring.sandbox(options.clientId(), options.clientSecret(), dialogs, locale, operator);
                services = ready;
                Platform.runLater(() -> {
                    shell.ready(Desk.frontDesk(ready, i18n));
                    Desk.watchExchange(ready, shell, Platform::runLater);
                    Desk.openPatientPhone(ready, i18n, stage);
                    stage.requestFocus();
                    view.focusSearch();
                    LOG.info("front desk ready after {} ms", (System.nanoTime() - started) / 1_000_000);
                    if (options.exitWhenReady()) {
                        exitWhenInteractive(scene);
                    }
                });
            } catch (RuntimeException | LinkageError e) {
                // A broken installation (missing class, bad jar) must also end in words on screen, not a frozen window.
                LOG.error("start-up failed: {}", e.getClass().getName(), e);
                Platform.runLater(() -> shell.failed(i18n.get("status.startFailed", e.getClass().getSimpleName())));
                if (options.exitWhenReady()) {
                    Launcher.exitCode = 1;
                    Platform.runLater(Platform::exit);
                }
            }
        });
    }

    /** On the first frame that shows the desk with the search box focused: report and leave. */
    private static void exitWhenInteractive(Scene scene) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                Node focus = scene.getFocusOwner();
                if (focus != null && "search-box".equals(focus.getId()) && scene.getWindow().isShowing()) {
                    stop();
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    Launcher.reportStartup(ms);
                    Platform.exit();
                }
            }
        }.start();
    }

    @Override
    public void stop() throws Exception {
        AppServices s = services;
        if (s != null) {
            s.close();
        }
        Platform.exit();
    }
}
