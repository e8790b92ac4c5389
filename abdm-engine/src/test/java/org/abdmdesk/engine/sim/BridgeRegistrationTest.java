package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code PATCH /gateway/v3/bridge/url} and {@code GET /gateway/v3/bridge-services}. */
class BridgeRegistrationTest extends SimulatorTestBase {

    @Test
    void patchRegistersTheBridgeUrlFor202WithNoBody() {
        assertThat(sim.bridgeUrl()).isEmpty();

        Reply r = client.patchBridgeUrl("https://bridge.clinic.example/abdm");

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.bytes()).isEmpty();
        assertThat(sim.bridgeUrl()).contains(URI.create("https://bridge.clinic.example/abdm"));
        assertThat(client.patchBridgeUrl("http://127.0.0.1:9/other").status()).isEqualTo(202);
        assertThat(sim.bridgeUrl()).contains(URI.create("http://127.0.0.1:9/other"));
    }

    @Test
    void bridgeServicesListsTheDemoClinicAsHipAndHiuWithTheBridge() {
        client.patchBridgeUrl("https://bridge.clinic.example");

        Reply r = client.bridgeServices();

        assertThat(r.status()).isEqualTo(200);
        JsonNode bridge = r.json().get("bridge");
        assertThat(bridge.get("id").asText()).isEqualTo(SimulatorConfig.DEMO_CLIENT_ID);
        assertThat(bridge.get("url").asText()).isEqualTo("https://bridge.clinic.example");
        assertThat(bridge.get("active").asBoolean()).isTrue();
        assertThat(bridge.get("blocklisted").asBoolean()).isFalse();
        JsonNode services = r.json().get("services");
        assertThat(services).hasSize(1);
        assertThat(services.get(0).get("id").asText()).isEqualTo(SeedData.DEMO_HIP_ID);
        assertThat(services.get(0).get("name").asText()).isEqualTo("ABDM Desk Demo Clinic");
        assertThat(services.get(0).get("types")).extracting(JsonNode::asText).containsExactly("HIP", "HIU");
        assertThat(services.get(0).get("active").asBoolean()).isTrue();
    }

    @Test
    void beforeAnyPatchTheBridgeUrlIsNull() {
        assertThat(client.bridgeServices().json().get("bridge").get("url").isNull()).isTrue();
    }

    @Test
    void servicesAndABridgeCanBeConfigured() {
        List<BridgeService> services = List.of(new BridgeService("IN9910000001", "Lab", List.of("HIU")),
                BridgeService.hipAndHiu("IN9910000002", "Hospital"));
        try (AbdmSimulator configured = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock)
                .withServices(services).withBridgeUrl(URI.create("http://127.0.0.1:7070")))) {
            SimClient c = new SimClient(configured, clock);

            assertThat(configured.bridgeUrl()).contains(URI.create("http://127.0.0.1:7070"));
            JsonNode r = c.bridgeServices().json();
            assertThat(r.get("services")).extracting(s -> s.get("id").asText())
                    .containsExactly("IN9910000001", "IN9910000002");
            assertThat(r.get("bridge").get("url").asText()).isEqualTo("http://127.0.0.1:7070");
        }
        try (AbdmSimulator none = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock)
                .withServices(List.of()))) {
            assertThat(new SimClient(none, clock).bridgeServices().status()).isEqualTo(204);
        }
    }

    @Test
    void aUrlThatIsNotHttpIsAFieldMap400() {
        for (String bad : new String[] {"", "not a url", "ftp://bridge.example", "/relative"}) {
            Reply r = client.patchBridgeUrl(bad);

            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("url").asText()).as(bad).isNotBlank();
        }
        assertThat(sim.bridgeUrl()).isEmpty();
    }

    @Test
    void bridgeCallsNeedASessionAndTheCmId() {
        Map<String, String> noSession = client.standardHeaders();
        noSession.put("X-CM-ID", "sbx");
        Reply anonymous = client.send("PATCH", client.gateway("/gateway/v3/bridge/url"), noSession,
                SimClient.json(Map.of("url", "https://x.example")));
        Map<String, String> noCm = client.authHeaders();
        Reply withoutCm = client.send("PATCH", client.gateway("/gateway/v3/bridge/url"), noCm,
                SimClient.json(Map.of("url", "https://x.example")));
        Map<String, String> wrongCm = client.gatewayHeaders();
        wrongCm.put("X-CM-ID", "abdm");
        Reply otherCm = client.send("GET", client.gateway("/gateway/v3/bridge-services"), wrongCm, null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("900901");
        assertThat(withoutCm.status()).isEqualTo(400);
        assertThat(withoutCm.errorCode()).isEqualTo("ABDM-2403");
        assertThat(otherCm.errorCode()).isEqualTo("ABDM-2403");
        assertThat(sim.bridgeUrl()).isEmpty();
    }
}
