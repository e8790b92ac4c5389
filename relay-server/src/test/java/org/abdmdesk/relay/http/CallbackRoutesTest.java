package org.abdmdesk.relay.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.testing.RelayFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP side of the protocol (§2): routing, durability before 202, bad input, operators' endpoints. */
class CallbackRoutesTest {
    private static final String PATIENT_NAME = "Savitri Devi Kumari";
    private static final String ABHA_NUMBER = "91-5432-1098-7654";
    private static final String SHARE = "{\"intent\":\"PROFILE_SHARE\",\"profile\":{\"patient\":{\"name\":\""
            + PATIENT_NAME + "\",\"abhaNumber\":\"" + ABHA_NUMBER + "\",\"abhaAddress\":\"savitri@sbx\"}}}";
    @TempDir
    Path tmp;
    private RelayFixture f;

    @BeforeEach
    void start() throws Exception {
        f = RelayFixture.start(tmp, c -> c
                .withLimits(new RelayConfig.Limits(4096, 8192))
                .withListen(new RelayConfig.Listen("127.0.0.1", 0, Duration.ofMillis(700))));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aCallbackIsReadableFromTheFileByAnotherConnectionAsSoonAsTheRelayAnswers202() throws Exception {
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> response = f.callback("IN-HIP-A", SHARE);

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(f.storedRows(f.a.id())).isEqualTo(i);
        }
        assertThat(f.storedRows(f.b.id())).isZero();
    }

    @Test
    void routesByHipIdElseByHiuId() throws Exception {
        assertThat(f.callback("IN-HIP-B", SHARE).statusCode()).isEqualTo(202);
        assertThat(f.post("/api/v3/hiu/consent/request/notify", f.gateway.token(), "X-HIU-ID", "IN-HIU-A", SHARE)
                .statusCode()).isEqualTo(202);

        assertThat(f.storedRows(f.b.id())).isEqualTo(1);
        assertThat(f.storedRows(f.a.id())).isEqualTo(1);
    }

    @Test
    void anUnknownFacilityIs404AndNothingIsStored() throws Exception {
        HttpResponse<String> unknown = f.callback("IN-HIP-NOBODY", SHARE);
        HttpResponse<String> none = f.post("/api/v3/hip/patient/share", f.gateway.token(), null, null, SHARE);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":{\"code\":\"RELAY-404\","
                + "\"message\":\"No registered clinic has this HIP or HIU id.\"}}");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(f.storedRows(f.a.id()) + f.storedRows(f.b.id())).isZero();
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrStreamed() throws Exception {
        String big = "{\"pad\":\"" + "x".repeat(5000) + "\"}";
        HttpResponse<String> declared = f.callback("IN-HIP-A", big);
        HttpResponse<String> streamed = f.send(HttpRequest.newBuilder(f.base().resolve("/api/v3/hip/patient/share"))
                .header("Authorization", "Bearer " + f.gateway.token()).header("X-HIP-ID", "IN-HIP-A")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(streamed.body()).contains("RELAY-413");
        assertThat(f.storedRows(f.a.id())).isZero();
        assertThat(f.callback("IN-HIP-A", SHARE).statusCode()).isEqualTo(202);
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        for (String bad : new String[] {"{\"intent\":", "not json", "", "42", "{} {}"}) {
            HttpResponse<String> response = f.callback("IN-HIP-A", bad);

            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("RELAY-400");
        }
        assertThat(f.storedRows(f.a.id())).isZero();
    }

    @Test
    void wrongMethodsAndPathsAreRefused() throws Exception {
        HttpResponse<String> get = f.get("/api/v3/hip/patient/share");
        HttpResponse<String> postHealth = f.send(HttpRequest.newBuilder(f.base().resolve("/healthz"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(postHealth.statusCode()).isEqualTo(405);
        assertThat(f.get("/elsewhere").statusCode()).isEqualTo(404);
    }

    @Test
    void aSlowClientIsTimedOutAndTheRelayKeepsServing() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", f.base().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v3/hip/patient/share HTTP/1.1\r\nHost: relay\r\nAuthorization: Bearer "
                    + f.gateway.token() + "\r\nX-HIP-ID: IN-HIP-A\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 500\r\n\r\n{\"intent\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes(); // returns when the relay closes the connection

            String text = new String(answer, StandardCharsets.US_ASCII);
            assertThat(text).satisfiesAnyOf(t -> assertThat(t).isEmpty(), t -> assertThat(t).startsWith("HTTP/1.1 4"));
        }
        assertThat(f.storedRows(f.a.id())).isZero();
        assertThat(f.callback("IN-HIP-A", SHARE).statusCode()).isEqualTo(202);
    }

    @Test
    void theDataFolderHoldsNoPlaintextOfPatientData() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(f.callback("IN-HIP-A", SHARE).statusCode()).isEqualTo(202);
        }
        f.relay().close();

        try (Stream<Path> files = Files.walk(f.dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(PATIENT_NAME).doesNotContain(ABHA_NUMBER)
                        .doesNotContain("savitri@sbx").doesNotContain("PROFILE_SHARE");
            }
        }
        f.restart();
    }

    @Test
    void healthAndMetricsAnswerOperators() throws Exception {
        f.callback("IN-HIP-A", SHARE);
        f.callback("IN-HIP-NOBODY", SHARE);

        HttpResponse<String> health = f.get("/healthz");
        HttpResponse<String> metrics = f.get("/metrics");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("relay_received_total{kind=\"callback\"} 2")
                .contains("relay_stored_total 1")
                .contains("relay_rejected_total{reason=\"unknown_facility\"} 1")
                .contains("relay_queue_depth{clinic=\"" + f.a.id() + "\"} 1")
                .contains("relay_clinic_connected{clinic=\"" + f.a.id() + "\"} 0")
                .doesNotContain(PATIENT_NAME);
    }
}
