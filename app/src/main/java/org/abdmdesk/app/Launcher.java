package org.abdmdesk.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import org.abdmdesk.store.LocalStore;

/**
 * The plain entry point (not an {@link Application}, so JavaFX runs from the classpath).
 * {@code --demo} starts the built-in ABDM simulator; demo is also the default while no sandbox
 * credentials are given ({@code -Dabdmdesk.client.id=... -Dabdmdesk.client.secret=...}).
 * {@code --lang=hi} shows the desk in Hindi. {@code --exit-when-ready} prints one line
 * {@code startup-ms=<N>} once the front desk is interactive and exits (start-up measurement).
 */
public final class Launcher {
    /** Set before the FX toolkit exits when start-up failed under {@code --exit-when-ready}. */
    static volatile int exitCode;

    private Launcher() {
    }

    public static void main(String[] args) {
        Logging.start(LocalStore.defaultDataDirectory());
        Application.launch(DeskApplication.class, args);
        if (Options.parse(List.of(args)).exitWhenReady()) {
            System.exit(exitCode);
        }
    }

    /** The start-up measurement's one line on standard output. */
    static void reportStartup(long millisSinceJvmStart) {
        PrintStream out = System.out;
        out.println("startup-ms=" + millisSinceJvmStart);
        out.flush();
    }

    /** What the command line and system properties ask for. */
    record Options(boolean demo, Locale locale, String clientId, String clientSecret, boolean exitWhenReady) {
        static Options parse(List<String> args) {
            String id = System.getProperty("abdmdesk.client.id", "");
            String secret = System.getProperty("abdmdesk.client.secret", "");
            boolean demo = args.contains("--demo") || id.isBlank() || secret.isBlank();
            Locale locale = args.contains("--lang=hi") ? Locale.of("hi") : Locale.ENGLISH;
            return new Options(demo, locale, id, secret, args.contains("--exit-when-ready"));
        }
    }
}
