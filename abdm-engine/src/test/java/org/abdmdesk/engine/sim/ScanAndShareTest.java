package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The patient scans the counter QR; the gateway POSTs the profile to the clinic's bridge. */
class ScanAndShareTest extends SimulatorTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestBridge bridge;

    @BeforeEach
    void startBridge() {
        bridge = TestBridge.start();
    }

    @AfterEach
    void stopBridge() {
        bridge.close();
    }

    @Test
    void theBridgeReceivesTheShareWithAllHeadersAndAValidJwt() throws Exception {
        assertThat(client.patchBridgeUrl(bridge.url().toString()).status()).isEqualTo(202);

        String requestId = sim.patientPhone().scanCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);

        TestBridge.Received share = bridge.next(WAIT);
        assertThat(share.method()).isEqualTo("POST");
        assertThat(share.path()).isEqualTo("/api/v3/hip/patient/share");
        assertThat(share.header("REQUEST-ID")).isEqualTo(requestId);
        assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
        assertThat(share.header("TIMESTAMP")).isEqualTo("2026-03-02T05:30:00.000Z");
        assertThat(share.header("X-CM-ID")).isEqualTo("sbx");
        assertThat(share.header("X-HIP-ID")).isEqualTo(SeedData.DEMO_HIP_ID);
        assertThat(share.header("X-HIU-ID")).isNull();
        assertThat(share.header("Content-Type")).isEqualTo("application/json");
        assertThat(share.header("Authorization")).startsWith("Bearer ");

        JWTClaimsSet claims = GatewayJwts.verify(share.header("Authorization").substring(7),
                GatewayJwts.fetch(sim.jwksUrl()));
        assertThat(claims.getAudience()).containsExactly("account");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
        assertThat(sim.callbacks().awaitOutcome(requestId, WAIT)).contains(CallbackLog.Outcome.DELIVERED);
    }

    @Test
    void theBodyCarriesTheIntentTheCounterAndTheProfile() throws Exception {
        client.patchBridgeUrl(bridge.url().toString());

        sim.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);

        JsonNode body = JSON.readTree(bridge.next(WAIT).body());
        assertThat(body.get("intent").asText()).isEqualTo("PROFILE_SHARE");
        JsonNode meta = body.get("metaData");
        assertThat(meta.get("hipId").asText()).isEqualTo(SeedData.DEMO_HIP_ID);
        assertThat(meta.get("context").asText()).isEqualTo(SeedData.DEMO_COUNTER);
        assertThat(meta.get("hprId").asText()).isEmpty();
        assertThat(meta.get("latitude").asText()).isNotBlank();
        assertThat(meta.get("longitude").asText()).isNotBlank();
        JsonNode p = body.get("profile").get("patient");
        assertThat(p.get("abhaNumber").asText()).isEqualTo(SeedData.ABHA_EXISTING);
        assertThat(p.get("abhaAddress").asText()).isEqualTo(SeedData.ABHA_ADDRESS_EXISTING);
        assertThat(p.get("name").asText()).isEqualTo("Asha Verma");
        assertThat(p.get("gender").asText()).isEqualTo("F");
        assertThat(p.get("dayOfBirth").asText() + "-" + p.get("monthOfBirth").asText() + "-"
                + p.get("yearOfBirth").asText()).isEqualTo("05-03-1988");
        assertThat(p.get("address").get("line").asText()).isEqualTo("B-21, Malviya Nagar");
        assertThat(p.get("address").get("district").asText()).isEqualTo("JAIPUR");
        assertThat(p.get("address").get("state").asText()).isEqualTo("RAJASTHAN");
        assertThat(p.get("address").get("pincode").asText()).isEqualTo("302017");
        assertThat(p.get("phoneNumber").asText()).isEqualTo(SeedData.ABHA_EXISTING_MOBILE);
    }

    @Test
    void theLegacyJsonQrAndAnAbhaAddressWork() throws Exception {
        client.patchBridgeUrl(bridge.url() + "/relay/");

        sim.patientPhone().scanCounterQr("{\"hipId\":\"" + SeedData.DEMO_HIP_ID.toLowerCase(Locale.ROOT)
                + "\",\"code\":\"desk2\"}", "sunita_yadav");

        TestBridge.Received share = bridge.next(WAIT);
        assertThat(share.path()).isEqualTo("/relay/api/v3/hip/patient/share");
        assertThat(share.header("X-HIP-ID")).isEqualTo(SeedData.DEMO_HIP_ID);
        JsonNode body = JSON.readTree(share.body());
        assertThat(body.get("metaData").get("context").asText()).isEqualTo("desk2");
        assertThat(body.get("profile").get("patient").get("abhaAddress").asText()).isEqualTo("sunita_yadav@sbx");
        assertThat(body.get("profile").get("patient").get("abhaNumber").asText()).isEqualTo(SeedData.ABHA_FAMILY_SUNITA);
    }

    @Test
    void aPreRegisteredBridgeAndPlainDigitsWork() throws Exception {
        try (AbdmSimulator configured = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock)
                .withBridgeUrl(bridge.url()))) {
            String id = configured.patientScansCounterQr(SeedData.DEMO_COUNTER_QR,
                    SeedData.ABHA_FAMILY_AARAV.replace("-", ""));

            TestBridge.Received share = bridge.next(WAIT);
            assertThat(share.header("REQUEST-ID")).isEqualTo(id);
            assertThat(JSON.readTree(share.body()).get("profile").get("patient").get("name").asText())
                    .isEqualTo("Aarav Yadav");
        }
    }

    @Test
    void refusalsSayWhy() throws Exception {
        assertThatThrownBy(() -> sim.patientPhone().scanCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING))
                .isInstanceOfSatisfying(ScanRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ScanRefusedException.Reason.NO_BRIDGE));
        client.patchBridgeUrl(bridge.url().toString());

        assertThat(reason("{\"hidn\":\"91-1357-2468-0131\"}", SeedData.ABHA_EXISTING))
                .isEqualTo(ScanRefusedException.Reason.NOT_A_COUNTER_QR);
        assertThat(reason("https://phrsbx.abdm.gov.in/share-profile?hip-id=IN0000000000&counter-id=1",
                SeedData.ABHA_EXISTING)).isEqualTo(ScanRefusedException.Reason.UNKNOWN_HIP);
        assertThat(reason(SeedData.DEMO_COUNTER_QR, "nobody.here@sbx"))
                .isEqualTo(ScanRefusedException.Reason.UNKNOWN_ABHA);
        assertThat(reason(SeedData.DEMO_COUNTER_QR, "91-0000-0000-0000"))
                .isEqualTo(ScanRefusedException.Reason.UNKNOWN_ABHA);
        assertThat(bridge.poll(Duration.ofMillis(200))).isEmpty();
        assertThat(sim.callbacks().all()).isEmpty();
    }

    @Test
    void aFacilityThatIsOnlyAnHiuIsNotAHip() {
        try (AbdmSimulator hiuOnly = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock)
                .withServices(List.of(new BridgeService(SeedData.DEMO_HIP_ID, "Lab", List.of("HIU"))))
                .withBridgeUrl(bridge.url()))) {
            assertThatThrownBy(() -> hiuOnly.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING))
                    .isInstanceOfSatisfying(ScanRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(ScanRefusedException.Reason.UNKNOWN_HIP));
        }
    }

    @Test
    void refusalsHaveSentencesForThePhoneInEnglishAndHindi() {
        for (ScanRefusedException.Reason reason : ScanRefusedException.Reason.values()) {
            ScanRefusedException e = new ScanRefusedException(reason, "x");
            assertThat(e.message(Locale.ENGLISH)).isNotBlank();
            assertThat(e.message(Locale.forLanguageTag("hi"))).isNotBlank().isNotEqualTo(e.message(Locale.ENGLISH));
        }
        assertThat(SimText.get(Locale.ENGLISH, "phone.token", "7")).isEqualTo("Your token number is 7");
    }

    @Test
    void aBridgeThatAlreadyMovedStillGetsItsShareAtTheUrlOfTheScan() throws Exception {
        client.patchBridgeUrl(bridge.url().toString());
        String id = sim.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);
        client.patchBridgeUrl("http://127.0.0.1:9");

        assertThat(bridge.next(WAIT).header("REQUEST-ID")).isEqualTo(id);
        assertThat(sim.bridgeUrl()).contains(URI.create("http://127.0.0.1:9"));
    }

    private ScanRefusedException.Reason reason(String qr, String abha) {
        try {
            sim.patientPhone().scanCounterQr(qr, abha);
        } catch (ScanRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("the scan was not refused");
    }
}
