package org.abdmdesk.relay.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.testing.RelayFixture;
import org.abdmdesk.relay.testing.TestClinic;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebSocket side of the protocol (§4): delivery, acks, redelivery, window, isolation, logins. */
class DeliveryTest {
    @TempDir
    Path tmp;
    private RelayFixture f;

    @BeforeEach
    void start() throws Exception {
        f = RelayFixture.start(tmp, c -> c
                .withDelivery(new RelayConfig.Delivery(3, Duration.ofDays(7), Duration.ofHours(1)))
                .withRateLimits(new RelayConfig.RateLimits(3, Duration.ofMinutes(1))));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static String body(int n) {
        return "{\"n\":" + n + "}";
    }

    private List<String> sendCallbacks(String hipId, int count) throws Exception {
        List<String> requestIds = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            var response = f.callback(hipId, body(i));
            assertThat(response.statusCode()).isEqualTo(202);
            requestIds.add(String.valueOf(i));
        }
        return requestIds;
    }

    /** A barrier: the relay answers an unknown frame with an error frame after all it had already sent. */
    private static void assertNothingMoreThenError(TestClinic clinic) throws InterruptedException {
        clinic.send("{\"type\":\"barrier\"}");
        JsonNode frame = clinic.next();
        assertThat(frame.path("type").asText()).as("frame before the barrier: " + frame).isEqualTo("error");
        assertThat(frame.path("code").asText()).isEqualTo("RELAY-400");
    }

    @Test
    void deliversInSeqOrderSealedToTheClinicAndDeletesOnAck() throws Exception {
        sendCallbacks("IN-HIP-A", 2);
        try (TestClinic clinic = f.connect(f.a)) {
            JsonNode welcome = clinic.next("welcome");
            assertThat(welcome.path("clinicId").asText()).isEqualTo(f.a.id());
            assertThat(welcome.path("protocol").asInt()).isEqualTo(1);

            for (int seq = 1; seq <= 2; seq++) {
                JsonNode deliver = clinic.next("deliver");
                assertThat(deliver.path("seq").asLong()).isEqualTo(seq);
                assertThat(deliver.path("kind").asText()).isEqualTo("callback");
                JsonNode envelope = f.a.keys().open(deliver.path("sealed").asText());
                assertThat(envelope.path("body").asText()).isEqualTo(body(seq));
                assertThat(envelope.path("path").asText()).isEqualTo("/api/v3/hip/patient/share");
                assertThat(envelope.path("headers").path("X-HIP-ID").asText()).isEqualTo("IN-HIP-A");
                assertThat(envelope.path("headers").has("Authorization")).isFalse();
                assertThat(envelope.path("headers").path("REQUEST-ID").asText()).isNotEmpty();
            }
            clinic.ack(1);
            clinic.ack(2);
            assertNothingMoreThenError(clinic);
            f.awaitRows(f.a.id(), 0);

            sendCallbacks("IN-HIP-A", 1);
            assertThat(clinic.next("deliver").path("seq").asLong()).isEqualTo(3);
        }
    }

    @Test
    void unackedMessagesAreRedeliveredFromTheLowestSeqOnReconnect() throws Exception {
        sendCallbacks("IN-HIP-A", 3);
        try (TestClinic first = f.connect(f.a)) {
            first.next("welcome");
            for (int seq = 1; seq <= 3; seq++) {
                assertThat(first.next("deliver").path("seq").asLong()).isEqualTo(seq);
            }
            first.ack(2);
            assertNothingMoreThenError(first);
            // The ack's delete is committed by the group-commit writer; a reconnect racing it may see seq 2
            // once more, which at-least-once allows (the workstation ignores duplicates). Wait for it here so
            // the assertion below is about redelivery of what was NOT acked.
            f.awaitRows(f.a.id(), 2);
        }
        try (TestClinic second = f.connect(f.a)) {
            second.next("welcome");
            assertThat(second.next("deliver").path("seq").asLong()).isEqualTo(1);
            assertThat(second.next("deliver").path("seq").asLong()).isEqualTo(3);
            assertNothingMoreThenError(second);
        }
        assertThat(f.get("/metrics").body()).contains("relay_redelivered_total 2");
    }

    @Test
    void atMostWindowMessagesAreInFlight() throws Exception {
        sendCallbacks("IN-HIP-A", 5);
        try (TestClinic clinic = f.connect(f.a)) {
            clinic.next("welcome");
            for (int seq = 1; seq <= 3; seq++) {
                assertThat(clinic.next("deliver").path("seq").asLong()).isEqualTo(seq);
            }
            assertNothingMoreThenError(clinic);

            clinic.ack(2);
            assertThat(clinic.next("deliver").path("seq").asLong()).isEqualTo(4);
            assertNothingMoreThenError(clinic);
            clinic.ack(1);
            assertThat(clinic.next("deliver").path("seq").asLong()).isEqualTo(5);
        }
    }

    @Test
    void messagesThatArriveWhileConnectedAreDeliveredWithinTheWindow() throws Exception {
        try (TestClinic clinic = f.connect(f.a)) {
            clinic.next("welcome");
            sendCallbacks("IN-HIP-A", 4);
            for (int seq = 1; seq <= 3; seq++) {
                assertThat(clinic.next("deliver").path("seq").asLong()).isEqualTo(seq);
            }
            assertNothingMoreThenError(clinic);
            clinic.ack(1);
            assertThat(clinic.next("deliver").path("seq").asLong()).isEqualTo(4);
        }
    }

    @Test
    void aClinicNeverReceivesAnotherClinicsMessages() throws Exception {
        sendCallbacks("IN-HIP-B", 2);
        sendCallbacks("IN-HIP-A", 1);
        try (TestClinic a = f.connect(f.a); TestClinic b = f.connect(f.b)) {
            a.next("welcome");
            b.next("welcome");
            JsonNode forA = a.next("deliver");
            assertThat(f.a.keys().open(forA.path("sealed").asText()).path("headers").path("X-HIP-ID").asText())
                    .isEqualTo("IN-HIP-A");
            assertNothingMoreThenError(a);
            for (int seq = 1; seq <= 2; seq++) {
                JsonNode forB = b.next("deliver");
                assertThat(forB.path("seq").asLong()).isEqualTo(seq);
                assertThat(f.b.keys().open(forB.path("sealed").asText()).path("headers").path("X-HIP-ID")
                        .asText()).isEqualTo("IN-HIP-B");
            }
            a.ack(1);
            a.ack(2); // B's seq numbers mean nothing on A's socket
            assertNothingMoreThenError(a);
            assertThat(f.storedRows(f.b.id())).isEqualTo(2);
        }
    }

    @Test
    void aWrongCredentialIs401BeforeTheUpgradeAndRepeatedFailuresAre429() throws Exception {
        String wrongSecret = f.a.id() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        for (int i = 0; i < 3; i++) {
            assertThat(upgradeStatus(wrongSecret)).isEqualTo(401);
        }
        assertThat(upgradeStatus(wrongSecret)).isEqualTo(429);
        assertThat(upgradeStatus(f.a.credential())).as("the limit is per address, even for a right one")
                .isEqualTo(429);
        assertThat(f.get("/metrics").body()).contains("relay_rejected_total{reason=\"ws_credential\"} 3");
    }

    private int upgradeStatus(String credential) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> TestClinic.connect(f.base(),
                credential).close());
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        return ((UpgradeException) thrown.getCause()).getResponseStatusCode();
    }

    @Test
    void aNewerConnectionReplacesTheOlderWith4409() throws Exception {
        sendCallbacks("IN-HIP-A", 1);
        try (TestClinic older = f.connect(f.a)) {
            older.next("welcome");
            older.next("deliver");
            try (TestClinic newer = f.connect(f.a)) {
                assertThat(older.awaitClose()).isEqualTo(4409);
                newer.next("welcome");
                assertThat(newer.next("deliver").path("seq").asLong()).isEqualTo(1);
            }
        }
    }

    @Test
    void pushTokensRouteDataPushesToTheClinicThatRegisteredThem() throws Exception {
        String token = "tok_" + "a".repeat(45);
        String expires = Instant.now().plus(Duration.ofHours(2)).toString();
        assertThat(f.post("/push/" + token, null, null, null, "{\"entries\":[]}").statusCode()).isEqualTo(401);
        try (TestClinic a = f.connect(f.a); TestClinic b = f.connect(f.b)) {
            a.next("welcome");
            b.next("welcome");
            a.send("{\"type\":\"register-push\",\"token\":\"" + token + "\",\"expiresAt\":\"" + expires + "\"}");
            assertThat(a.next("push-registered").path("token").asText()).isEqualTo(token);
            b.send("{\"type\":\"register-push\",\"token\":\"" + token + "\",\"expiresAt\":\"" + expires + "\"}");
            assertThat(b.next("error").path("code").asText()).isEqualTo("RELAY-409");
            b.send("{\"type\":\"register-push\",\"token\":\"short\",\"expiresAt\":\"" + expires + "\"}");
            assertThat(b.next("error").path("code").asText()).isEqualTo("RELAY-400");

            var pushed = f.post("/push/" + token, null, null, null, "{\"transactionId\":\"t-1\",\"entries\":[]}");

            assertThat(pushed.statusCode()).isEqualTo(202);
            JsonNode deliver = a.next("deliver");
            assertThat(deliver.path("kind").asText()).isEqualTo("push");
            assertThat(f.a.keys().open(deliver.path("sealed").asText()).path("body").asText())
                    .contains("t-1");
            assertNothingMoreThenError(b);
        }
        assertThat(f.post("/push/other" + token, null, null, null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredPushTokenIs401() throws Exception {
        String token = "exp_" + "b".repeat(45);
        try (TestClinic a = f.connect(f.a)) {
            a.next("welcome");
            a.send("{\"type\":\"register-push\",\"token\":\"" + token + "\",\"expiresAt\":\""
                    + Instant.now().plusMillis(300) + "\"}");
            a.next("push-registered");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status;
        do {
            status = f.post("/push/" + token, null, null, null, "{}").statusCode();
        } while (status == 202 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(401);
    }

    @Test
    void badFramesGetErrorFramesAndTheSocketStaysUsable() throws Exception {
        sendCallbacks("IN-HIP-A", 1);
        try (TestClinic clinic = f.connect(f.a)) {
            clinic.next("welcome");
            clinic.next("deliver");
            clinic.send("not json");
            assertThat(clinic.next("error").path("code").asText()).isEqualTo("RELAY-400");
            clinic.send("{\"type\":\"ack\",\"seq\":\"x\"}");
            assertThat(clinic.next("error").path("code").asText()).isEqualTo("RELAY-400");
            clinic.ack(99);
            clinic.ack(1);
            assertNothingMoreThenError(clinic);
        }
        f.awaitRows(f.a.id(), 0);
    }

    @Test
    void shutdownClosesClinicsWith1001AndKeepsUnackedMessages() throws Exception {
        sendCallbacks("IN-HIP-A", 2);
        TestClinic clinic = f.connect(f.a);
        clinic.next("welcome");
        clinic.next("deliver");
        clinic.next("deliver");

        f.relay().close();

        assertThat(clinic.awaitClose()).isEqualTo(1001);
        clinic.close();
        f.restart();
        assertThat(f.storedRows(f.a.id())).isEqualTo(2);
        try (TestClinic again = f.connect(f.a)) {
            again.next("welcome");
            assertThat(again.next("deliver").path("seq").asLong()).isEqualTo(1);
        }
        assertThatThrownBy(() -> f.connect(new RelayFixture.Clinic("c_nobody", "c_nobody.x", f.a.keys())))
                .isInstanceOf(ExecutionException.class);
    }
}
