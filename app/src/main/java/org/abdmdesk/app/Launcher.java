package org.abdmdesk.app;

import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import org.abdmdesk.store.LocalStore;

/**
 * The plain entry point (not an {@link Application}, so JavaFX runs from the classpath).
 * {@code --demo} starts the built-in ABDM simulator; demo is also the default while no sandbox
 * credentials are given ({@code -Dabdmdesk.client.id=... -Dabdmdesk.client.secret=...}).
 * {@code --lang=hi} shows the desk in Hindi.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Logging.start(LocalStore.defaultDataDirectory());
        Application.launch(DeskApplication.class, args);
    }

    /** What the command line and system properties ask for. */
    record Options(boolean demo, Locale locale, String clientId, String clientSecret) {
        static Options parse(List<String> args) {
            String id = System.getProperty("abdmdesk.client.id", "");
            String secret = System.getProperty("abdmdesk.client.secret", "");
            boolean demo = args.contains("--demo") || id.isBlank() || secret.isBlank();
            Locale locale = args.contains("--lang=hi") ? Locale.of("hi") : Locale.ENGLISH;
            return new Options(demo, locale, id, secret);
        }
    }
}
