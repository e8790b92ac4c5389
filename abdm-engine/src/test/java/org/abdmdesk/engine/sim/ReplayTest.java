package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway refuses a REQUEST-ID it has already accepted, on every endpoint. */
class ReplayTest extends SimulatorTestBase {

    @Test
    void aReplayedSessionRequestIsRefused() {
        Map<String, String> h = client.standardHeaders();
        byte[] body = SimClient.json(Map.of("clientId", SimulatorConfig.DEMO_CLIENT_ID,
                "clientSecret", SimulatorConfig.DEMO_CLIENT_SECRET, "grantType", "client_credentials"));

        Reply first = client.send("POST", client.gateway("/gateway/v3/sessions"), h, body);
        Reply replay = client.send("POST", client.gateway("/gateway/v3/sessions"), h, body);

        assertThat(first.status()).isEqualTo(202);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.errorCode()).isEqualTo("ABDM-1064");
        assertThat(replay.json().has("accessToken")).isFalse();
    }

    @Test
    void aReplayedAbhaCallIsRefusedEvenWithAFreshTimestamp() {
        Map<String, String> h = client.authHeaders();
        assertThat(client.send("GET", client.abha("/v3/profile/public/certificate"), h, null).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(30));
        h.put("TIMESTAMP", SimClient.TIMESTAMP.format(clock.instant()));
        Reply replay = client.send("GET", client.abha("/v3/profile/public/certificate"), h, null);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.errorCode()).isEqualTo("ABDM-1064");
    }

    @Test
    void aReplayedBridgePatchGets1094AndChangesNothing() {
        Map<String, String> h = client.gatewayHeaders();
        assertThat(client.send("PATCH", client.gateway("/gateway/v3/bridge/url"), h,
                SimClient.json(Map.of("url", "https://one.example"))).status()).isEqualTo(202);

        Reply replay = client.send("PATCH", client.gateway("/gateway/v3/bridge/url"), h,
                SimClient.json(Map.of("url", "https://two.example")));

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.errorCode()).isEqualTo("ABDM-1094");
        assertThat(replay.errorMessage()).isEqualTo("Duplicate bridge patch request");
        assertThat(sim.bridgeUrl()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("https://one.example"));
    }

    @Test
    void aReplayedOnShareGets1087() throws Exception {
        try (TestBridge bridge = TestBridge.start()) {
            client.patchBridgeUrl(bridge.url().toString());
            String share = sim.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);
            Map<String, String> h = client.gatewayHeaders();
            byte[] body = SimClient.json(SimClient.onShareSuccess(share, SeedData.ABHA_ADDRESS_EXISTING, "desk1", "4"));

            assertThat(client.send("POST", client.gateway("/patient-share/v3/on-share"), h, body).status())
                    .isEqualTo(202);
            Reply replay = client.send("POST", client.gateway("/patient-share/v3/on-share"), h, body);

            assertThat(replay.status()).isEqualTo(400);
            assertThat(replay.errorCode()).isEqualTo("ABDM-1087");
            assertThat(replay.errorMessage()).isEqualTo("Duplicate patient share request");
            assertThat(sim.onShareReplies()).hasSize(1);
        }
    }

    @Test
    void aRequestRefusedForItsSessionDoesNotUseUpItsRequestId() {
        Map<String, String> h = client.standardHeaders();
        h.put("Authorization", "Bearer not-a-token");
        assertThat(client.send("GET", client.abha("/v3/profile/public/certificate"), h, null).status()).isEqualTo(401);

        h.put("Authorization", "Bearer " + client.session());
        assertThat(client.send("GET", client.abha("/v3/profile/public/certificate"), h, null).status()).isEqualTo(200);
    }

    @Test
    void theJwksMayBeFetchedAgainAndAgain() {
        Map<String, String> h = client.standardHeaders();
        for (int i = 0; i < 3; i++) {
            assertThat(client.send("GET", sim.jwksUrl(), h, null).status()).isEqualTo(200);
        }
    }
}
