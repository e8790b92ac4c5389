package org.abdmdesk.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AbdmConfigTest {
    @Test
    void urlsAreJoinedWithOrWithoutATrailingSlash() {
        AbdmConfig plain = new AbdmConfig(URI.create("https://dev.abdm.gov.in/api/hiecm"),
                URI.create("https://abhasbx.abdm.gov.in/abha/api"), "sbx", "id", "secret");
        AbdmConfig slashed = new AbdmConfig(URI.create("https://dev.abdm.gov.in/api/hiecm/"),
                URI.create("https://abhasbx.abdm.gov.in/abha/api/"), "sbx", "id", "secret");
        for (AbdmConfig c : new AbdmConfig[] {plain, slashed}) {
            assertThat(c.sessionsUrl()).hasToString("https://dev.abdm.gov.in/api/hiecm/gateway/v3/sessions");
            assertThat(c.abhaUrl("v3/profile/account")).hasToString("https://abhasbx.abdm.gov.in/abha/api/v3/profile/account");
            assertThat(c.abhaUrl("/v3/profile/account")).hasToString("https://abhasbx.abdm.gov.in/abha/api/v3/profile/account");
        }
    }

    @Test
    void sandboxDefaultsAndTimeout() {
        AbdmConfig c = AbdmConfig.sandbox("id", "secret");
        assertThat(c.cmId()).isEqualTo("sbx");
        assertThat(c.callTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.withCallTimeout(Duration.ofSeconds(3)).callTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.withCallTimeout(null).callTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void toStringMasksTheSecret() {
        AbdmConfig c = AbdmConfig.sandbox("clinic-7", "very-secret-value");
        assertThat(c.toString()).contains("clinic-7", "****").doesNotContain("very-secret-value");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new AbdmConfig(URI.create("ftp://x"), AbdmConfig.SANDBOX_ABHA, "sbx", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gatewayBaseUrl");
        assertThatThrownBy(() -> new AbdmConfig(AbdmConfig.SANDBOX_GATEWAY, AbdmConfig.SANDBOX_ABHA, " ", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AbdmConfig.sandbox("a", "b").withCallTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
