package org.abdmdesk.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Where a workstation keeps its data by default, per operating system; see {@link LocalStore#defaultDataDirectory()}. */
final class DataDirectory {
    static final String OVERRIDE_PROPERTY = "abdmdesk.data.dir";

    private DataDirectory() {
    }

    /**
     * @param property reads a system property (null when unset)
     * @param env reads an environment variable (null when unset)
     */
    static Path resolve(UnaryOperator<String> property, UnaryOperator<String> env) {
        String override = property.apply(OVERRIDE_PROPERTY);
        if (isSet(override)) {
            return Path.of(override.strip()).toAbsolutePath();
        }
        String os = String.valueOf(property.apply("os.name")).toLowerCase(Locale.ROOT);
        Path home = Path.of(property.apply("user.home"));
        if (os.startsWith("windows")) {
            String localAppData = env.apply("LOCALAPPDATA");
            Path base = isSet(localAppData) ? Path.of(localAppData) : home.resolve("AppData").resolve("Local");
            return base.resolve("AbdmDesk");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("AbdmDesk");
        }
        String xdg = env.apply("XDG_DATA_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("abdm-desk");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
