package org.abdmdesk.relay.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.store.ClinicAdmin;
import org.abdmdesk.relay.testing.RelayFixture;
import org.abdmdesk.relay.testing.TestClinic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synchronous paths (§4.3: 200 / 503 / 504), keep-alive pings and revocation of a live connection. */
class SyncAndKeepAliveTest {
    private static final String DISCOVER = "/api/v3/hip/patient/care-context/discover";
    @TempDir
    Path tmp;
    private RelayFixture f;

    @BeforeEach
    void start() throws Exception {
        f = RelayFixture.start(tmp, c -> c
                .withSync(new RelayConfig.Sync(List.of(DISCOVER), Duration.ofMillis(800)))
                .withWebSocket(new RelayConfig.WebSocket(Duration.ofMillis(100), Duration.ofMillis(500))));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private HttpResponse<String> discover() throws Exception {
        return f.post(DISCOVER, f.gateway.token(), "X-HIP-ID", "IN-HIP-A", "{\"patient\":{\"id\":\"p@sbx\"}}");
    }

    @Test
    void anOfflineClinicIs503AndNothingIsStored() throws Exception {
        HttpResponse<String> response = discover();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("RELAY-503");
        assertThat(f.storedRows(f.a.id())).isZero();
    }

    @Test
    void theClinicsResponseIsTheAnswer() throws Exception {
        try (TestClinic clinic = f.connect(f.a)) {
            clinic.next("welcome");
            CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> {
                try {
                    return discover();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonNode request = clinic.next("request");
            JsonNode envelope = f.a.keys().open(request.path("sealed").asText());
            assertThat(envelope.path("path").asText()).isEqualTo(DISCOVER);
            clinic.send("{\"type\":\"response\",\"corr\":\"" + request.path("corr").asText()
                    + "\",\"status\":200,\"contentType\":\"application/json\",\"body\":\"{\\\"found\\\":true}\"}");

            HttpResponse<String> response = pending.get();

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"found\":true}");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/json"));
        }
        assertThat(f.storedRows(f.a.id())).isZero();
    }

    @Test
    void noAnswerBeforeTheDeadlineIs504AndAnotherClinicCannotAnswer() throws Exception {
        try (TestClinic a = f.connect(f.a); TestClinic b = f.connect(f.b)) {
            a.next("welcome");
            b.next("welcome");
            CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> {
                try {
                    return discover();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String corr = a.next("request").path("corr").asText();
            b.send("{\"type\":\"response\",\"corr\":\"" + corr + "\",\"status\":200,\"body\":\"{}\"}");

            assertThat(pending.get().statusCode()).isEqualTo(504);
        }
    }

    @Test
    void pingsKeepAnAnsweringClinicConnectedPastTheIdleTimeout() throws Exception {
        try (TestClinic clinic = f.connect(f.a)) {
            clinic.next("welcome");
            Thread.sleep(1_200); // more than twice the idle timeout: only pongs keep it open
            assertThat(f.callback("IN-HIP-A", "{\"late\":true}").statusCode()).isEqualTo(202);
            assertThat(clinic.next("deliver").path("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void revokingAClinicClosesItsLiveConnection() throws Exception {
        try (TestClinic clinic = f.connect(f.a)) {
            clinic.next("welcome");
            try (ClinicAdmin admin = new ClinicAdmin(f.dataDir, Clock.systemUTC())) {
                assertThat(admin.revoke(f.a.id())).isTrue();
            }
            assertThat(clinic.awaitClose()).isEqualTo(1008);
        }
        assertThat(f.callback("IN-HIP-A", "{}").statusCode()).isEqualTo(404);
    }
}
