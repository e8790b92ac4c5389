package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /patient-share/v3/on-share}: the clinic's token number reaches the patient's phone. */
class OnShareTest extends SimulatorTestBase {
    private TestBridge bridge;
    private String shareId;

    @BeforeEach
    void share() throws Exception {
        bridge = TestBridge.start();
        client.patchBridgeUrl(bridge.url().toString());
        shareId = sim.patientPhone().scanCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);
        bridge.next(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBridge() {
        bridge.close();
    }

    @Test
    void aSuccessForAKnownShareIsAcceptedRecordedAndShownOnThePhone() {
        List<OnShareReply> heard = new CopyOnWriteArrayList<>();
        sim.addOnShareListener(heard::add);
        List<OnShareReply> phone = new CopyOnWriteArrayList<>();
        sim.patientPhone().addTokenListener(phone::add);
        clock.advance(Duration.ofSeconds(3));

        Reply r = client.onShare(SimClient.onShareSuccess(shareId, SeedData.ABHA_ADDRESS_EXISTING, "desk1", "7"));

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.bytes()).isEmpty();
        OnShareReply reply = new OnShareReply(shareId, "SUCCESS", "7", "desk1", "1800", SeedData.ABHA_ADDRESS_EXISTING,
                "", "", clock.instant());
        assertThat(sim.onShareReplies()).containsExactly(reply);
        assertThat(sim.patientPhone().replies()).containsExactly(reply);
        assertThat(heard).containsExactly(reply);
        assertThat(phone).containsExactly(reply);
        assertThat(reply.success()).isTrue();
    }

    @Test
    void aNumericExpiryIsAcceptedToo() {
        Reply r = client.onShare(Map.of("acknowledgement", Map.of("status", "SUCCESS",
                        "abhaAddress", SeedData.ABHA_ADDRESS_EXISTING,
                        "profile", Map.of("context", "desk1", "tokenNumber", "12", "expiry", 600)),
                "response", Map.of("requestId", shareId)));

        assertThat(r.status()).isEqualTo(202);
        assertThat(sim.onShareReplies().getFirst().expiry()).isEqualTo("600");
    }

    @Test
    void anErrorAnswerIsRecordedAsFailed() {
        Reply r = client.onShare(Map.of("error", Map.of("code", "ABDM-9999", "message", "Registration desk closed"),
                "response", Map.of("requestId", shareId)));

        assertThat(r.status()).isEqualTo(202);
        OnShareReply reply = sim.onShareReplies().getFirst();
        assertThat(reply.success()).isFalse();
        assertThat(reply.status()).isEqualTo("FAILED");
        assertThat(reply.errorCode()).isEqualTo("ABDM-9999");
        assertThat(reply.errorMessage()).isEqualTo("Registration desk closed");
        assertThat(reply.tokenNumber()).isEmpty();
    }

    @Test
    void anUnknownRequestIdIsRefusedWith1030() {
        Reply r = client.onShare(SimClient.onShareSuccess(UUID.randomUUID().toString(), SeedData.ABHA_ADDRESS_EXISTING,
                "desk1", "7"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("ABDM-1030");
        assertThat(sim.onShareReplies()).isEmpty();
    }

    @Test
    void aSecondAnswerToTheSameShareIsRefused() {
        assertThat(client.onShare(SimClient.onShareSuccess(shareId, SeedData.ABHA_ADDRESS_EXISTING, "desk1", "7"))
                .status()).isEqualTo(202);

        Reply again = client.onShare(SimClient.onShareSuccess(shareId, SeedData.ABHA_ADDRESS_EXISTING, "desk1", "8"));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorCode()).isEqualTo("ABDM-1087");
        assertThat(again.errorMessage()).contains("already answered");
        assertThat(sim.onShareReplies()).extracting(OnShareReply::tokenNumber).containsExactly("7");
    }

    @Test
    void missingFieldsAreNamedInOneFieldMap400() {
        Reply noToken = client.onShare(Map.of("acknowledgement", Map.of("status", "SUCCESS",
                "abhaAddress", SeedData.ABHA_ADDRESS_EXISTING, "profile", Map.of("context", "desk1")),
                "response", Map.of("requestId", shareId)));
        Reply empty = client.onShare(Map.of());
        Reply badStatus = client.onShare(Map.of("acknowledgement", Map.of("status", "OK", "abhaAddress", "x@sbx"),
                "response", Map.of("requestId", shareId)));

        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.json().fieldNames()).toIterable().contains("acknowledgement.profile.tokenNumber",
                "acknowledgement.profile.expiry").doesNotContain("acknowledgement.profile.context");
        assertThat(empty.json().fieldNames()).toIterable().contains("response.requestId", "acknowledgement.status",
                "acknowledgement.abhaAddress");
        assertThat(badStatus.json().get("acknowledgement.status").asText()).contains("SUCCESS or FAILED");
        assertThat(sim.onShareReplies()).isEmpty();
    }

    @Test
    void theAbhaAddressMustBeTheOneShared() {
        Reply r = client.onShare(SimClient.onShareSuccess(shareId, "ramesh.yadav@sbx", "desk1", "7"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().has("acknowledgement.abhaAddress")).isTrue();
        assertThat(sim.onShareReplies()).isEmpty();
    }

    @Test
    void onShareNeedsASessionAndTheCmId() {
        Map<String, String> noCm = client.authHeaders();
        Reply withoutCm = client.send("POST", client.gateway("/patient-share/v3/on-share"), noCm,
                SimClient.json(SimClient.onShareSuccess(shareId, SeedData.ABHA_ADDRESS_EXISTING, "desk1", "7")));
        Map<String, String> anonymous = client.standardHeaders();
        anonymous.put("X-CM-ID", "sbx");
        Reply noSession = client.send("POST", client.gateway("/patient-share/v3/on-share"), anonymous,
                SimClient.json(SimClient.onShareSuccess(shareId, SeedData.ABHA_ADDRESS_EXISTING, "desk1", "7")));

        assertThat(withoutCm.errorCode()).isEqualTo("ABDM-2403");
        assertThat(noSession.status()).isEqualTo(401);
        assertThat(sim.onShareReplies()).isEmpty();
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheAnswer() {
        sim.addOnShareListener(r -> {
            throw new IllegalStateException("the demo window is gone");
        });

        Reply r = client.onShare(SimClient.onShareSuccess(shareId, SeedData.ABHA_ADDRESS_EXISTING, "desk1", "7"));

        assertThat(r.status()).isEqualTo(202);
        assertThat(sim.onShareReplies()).hasSize(1);
    }
}
