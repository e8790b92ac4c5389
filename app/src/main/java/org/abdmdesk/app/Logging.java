package org.abdmdesk.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Points the app's log file at {@code <data dir>/logs} and (re)loads {@code logback.xml}. */
public final class Logging {
    public static final String LOG_DIR_PROPERTY = "abdmdesk.log.dir";

    private Logging() {
    }

    public static Path logDirectory(Path dataDirectory) {
        return dataDirectory.resolve("logs");
    }

    /** Call before anything logs; safe to call again (tests point it at a temp folder). */
    public static void start(Path dataDirectory) {
        System.setProperty(LOG_DIR_PROPERTY, logDirectory(dataDirectory).toString());
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            URL config = Logging.class.getResource("/logback.xml");
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(config);
            } catch (JoranException e) {
                throw new IllegalStateException("logback.xml is broken", e);
            }
        }
    }
}
