package org.abdmdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    private static Path resolve(Map<String, String> properties, Map<String, String> env) {
        return DataDirectory.resolve(properties::get, env::get);
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(resolve(Map.of("os.name", "Windows 11", "user.home", "/home/u"),
                Map.of("LOCALAPPDATA", "/appdata/local")))
                .isEqualTo(Path.of("/appdata/local", "AbdmDesk"));
        assertThat(resolve(Map.of("os.name", "Windows 11", "user.home", "/home/u"), Map.of()))
                .isEqualTo(Path.of("/home/u", "AppData", "Local", "AbdmDesk"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(resolve(Map.of("os.name", "Mac OS X", "user.home", "/Users/u"), Map.of()))
                .isEqualTo(Path.of("/Users/u", "Library", "Application Support", "AbdmDesk"));
    }

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertThat(resolve(Map.of("os.name", "Linux", "user.home", "/home/u"), Map.of("XDG_DATA_HOME", "/data")))
                .isEqualTo(Path.of("/data", "abdm-desk"));
        assertThat(resolve(Map.of("os.name", "Linux", "user.home", "/home/u"), Map.of("XDG_DATA_HOME", "relative")))
                .isEqualTo(Path.of("/home/u", ".local", "share", "abdm-desk"));
        assertThat(resolve(Map.of("os.name", "Linux", "user.home", "/home/u"), Map.of()))
                .isEqualTo(Path.of("/home/u", ".local", "share", "abdm-desk"));
    }

    @Test
    void thePropertyOverridesEveryOperatingSystem() {
        assertThat(resolve(Map.of("os.name", "Windows 11", "user.home", "/home/u", DataDirectory.OVERRIDE_PROPERTY,
                "/srv/abdm"), Map.of("LOCALAPPDATA", "/appdata")))
                .isEqualTo(Path.of("/srv/abdm").toAbsolutePath());
        assertThat(resolve(Map.of("os.name", "Linux", "user.home", "/home/u", DataDirectory.OVERRIDE_PROPERTY, "  "),
                Map.of()))
                .isEqualTo(Path.of("/home/u", ".local", "share", "abdm-desk"));
    }
}
