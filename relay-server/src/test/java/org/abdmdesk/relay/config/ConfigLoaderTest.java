package org.abdmdesk.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final ConfigLoader.Flags FLAGS = new ConfigLoader.Flags(Optional.empty(), Path.of("data"),
            Optional.of(URI.create("https://gw/certs")), Optional.empty(), Optional.empty());

    @Test
    void defaultsMatchTheDocumentedValues() {
        RelayConfig c = ConfigLoader.fromProperties(new Properties(), FLAGS);

        assertThat(c.listen().port()).isEqualTo(8080);
        assertThat(c.limits().callbackBytes()).isEqualTo(1 << 20);
        assertThat(c.limits().pushBytes()).isEqualTo(16 << 20);
        assertThat(c.delivery().window()).isEqualTo(64);
        assertThat(c.delivery().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(c.sync().deadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.tls()).isEmpty();
    }

    @Test
    void fileValuesAreParsedAndFlagsWin() {
        Properties p = new Properties();
        p.setProperty("listen.port", "9000");
        p.setProperty("limits.pushBytes", "32MiB");
        p.setProperty("delivery.retention", "3d");
        p.setProperty("sync.paths", "/api/v3/a, /api/v3/b");
        ConfigLoader.Flags flags = new ConfigLoader.Flags(Optional.of(9100), Path.of("d"),
                Optional.of(URI.create("https://gw/certs")), Optional.empty(), Optional.empty());

        RelayConfig c = ConfigLoader.fromProperties(p, flags);

        assertThat(c.listen().port()).isEqualTo(9100);
        assertThat(c.limits().pushBytes()).isEqualTo(32 << 20);
        assertThat(c.delivery().retention()).isEqualTo(Duration.ofDays(3));
        assertThat(c.sync().paths()).containsExactly("/api/v3/a", "/api/v3/b");
    }

    @Test
    void typosAndBadValuesAreRefused() {
        Properties typo = new Properties();
        typo.setProperty("delivery.windw", "5");
        Properties bad = new Properties();
        bad.setProperty("delivery.retention", "a week");

        assertThatThrownBy(() -> ConfigLoader.fromProperties(typo, FLAGS)).isInstanceOf(ConfigException.class)
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("config.unknownKey");
        assertThatThrownBy(() -> ConfigLoader.fromProperties(bad, FLAGS)).isInstanceOf(ConfigException.class);
    }
}
