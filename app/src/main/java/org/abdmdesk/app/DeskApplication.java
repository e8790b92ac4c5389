package org.abdmdesk.app;

import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.abdmdesk.app.common.DialogService;
import org.abdmdesk.app.common.FxDialogService;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.app.shell.ShellView;
import org.abdmdesk.app.shell.ShellViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. The window is shown first; the store, the ABHA client and (in demo mode)
 * the simulator start on a background thread, and the front desk appears when they are ready.
 */
public final class DeskApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DeskApplication.class);

    private volatile AppServices services;

    @Override
    public void start(Stage stage) {
        long started = System.nanoTime();
        Launcher.Options options = Launcher.Options.parse(getParameters().getRaw());
        Locale locale = options.locale();
        I18n i18n = new I18n(locale);
        DialogService dialogs = new FxDialogService(() -> stage, i18n);
        ShellViewModel shell = new ShellViewModel(i18n, options.demo() ? "mode.demo" : "mode.sandbox");
        ShellView view = new ShellView(shell, i18n);
        Scene scene = new Scene(view, 1280, 820);
        scene.getStylesheets().add(Styles.STYLESHEET);
        view.installShortcuts(scene);
        stage.setTitle(i18n.get("app.title"));
        stage.setScene(scene);
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
                    LOG.info("front desk ready after {} ms", (System.nanoTime() - started) / 1_000_000);
                    Desk.openPatientPhone(ready, i18n);
                });
            } catch (RuntimeException e) {
                LOG.error("start-up failed: {}", e.getClass().getName(), e);
                Platform.runLater(() -> shell.failed(i18n.get("status.startFailed", e.getClass().getSimpleName())));
            }
        });
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
