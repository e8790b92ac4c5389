package org.abdmdesk.app.support;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.abdmdesk.app.AppServices;
import org.abdmdesk.app.Desk;
import org.abdmdesk.app.Logging;
import org.abdmdesk.app.Wiring;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.app.shell.FrontDeskViewModel;
import org.abdmdesk.app.shell.ShellView;
import org.abdmdesk.app.shell.ShellViewModel;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.abdmdesk.store.LocalStore;

/**
 * The real main window for TestFX tests: simulator over HTTP, SQLite under {@code dataDir}, the
 * given dialogs. The scene fits Monocle's headless screen (1280 x 800): a bigger window makes
 * JavaFX's headless painter throw {@code BufferOverflowException} on every pulse.
 */
public final class DeskScene {
    public static final double WIDTH = 1200;
    public static final double HEIGHT = 780;

    public final AppServices services;
    public final ShellView view;
    public final FrontDeskViewModel desk;

    private DeskScene(AppServices services, ShellView view, FrontDeskViewModel desk) {
        this.services = services;
        this.view = view;
        this.desk = desk;
    }

    /** Call from a TestFX {@code @Start} method. */
    public static DeskScene show(Stage stage, Path dataDir, RecordingDialogs dialogs, Locale locale) {
        System.setProperty("abdmdesk.data.dir", dataDir.toString());
        Logging.start(dataDir);
        I18n i18n = new I18n(locale);
        AppServices services = Wiring.demo(SimulatorConfig.defaults(), LocalStore.defaultDatabaseFile(), dialogs,
                locale, Clock.systemUTC(), "Reception 1");
        ShellViewModel shell = new ShellViewModel(i18n, "mode.demo");
        ShellView view = new ShellView(shell, i18n);
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(Styles.STYLESHEET);
        view.installShortcuts(scene);
        stage.setScene(scene);
        FrontDeskViewModel desk = Desk.frontDesk(services, i18n);
        shell.ready(desk);
        Desk.watchExchange(services, shell, javafx.application.Platform::runLater);
        stage.show();
        view.focusSearch();
        return new DeskScene(services, view, desk);
    }
}
