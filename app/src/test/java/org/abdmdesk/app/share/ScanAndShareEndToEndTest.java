package org.abdmdesk.app.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.abdmdesk.app.support.Await;
import org.abdmdesk.engine.callback.CallbackDispatcher;
import org.abdmdesk.engine.callback.InboundStore;
import org.abdmdesk.engine.gateway.AbdmConfig;
import org.abdmdesk.engine.gateway.GatewayHttp;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.outbox.OutboxSender;
import org.abdmdesk.engine.outbox.RetryPolicy;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.relay.LinkState;
import org.abdmdesk.engine.relay.RelayClient;
import org.abdmdesk.engine.relay.RelaySettings;
import org.abdmdesk.engine.relay.SealingKeys;
import org.abdmdesk.engine.share.BridgeRegistration;
import org.abdmdesk.engine.share.ProfileShareHandler;
import org.abdmdesk.engine.share.ShareSettings;
import org.abdmdesk.engine.share.ShareToken;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.OnShareReply;
import org.abdmdesk.engine.sim.SeedData;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.server.RelayServer;
import org.abdmdesk.relay.store.ClinicAdmin;
import org.abdmdesk.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 1 of scan and share, end to end over real sockets: the simulator's patient phone scans the
 * counter QR; the simulator's gateway posts the share (signed JWT) to the bridge URL registered through
 * the gateway API, which is a real relay on loopback; the relay stores it sealed and delivers it over
 * the WebSocket to the engine's relay client; the dispatcher hands it to the share handler, which
 * registers the patient and gives a token in the real SQLite store; the outbox sender posts the
 * on-share to the simulator's gateway, where the patient's phone sees the token.
 */
class ScanAndShareEndToEndTest {
    static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private AbdmSimulator sim;
    private LocalStore store;
    private RelayServer relay;
    private GatewayHttp http;
    private OutboxSender sender;
    private CallbackDispatcher dispatcher;
    private RelayClient client;

    @BeforeEach
    void wire() throws Exception {
        sim = AbdmSimulator.start(SimulatorConfig.defaults());
        store = LocalStore.open(dir.resolve("desk.db"), clock);
        relay = RelayServer.start(RelayConfig.defaults(dir.resolve("relay"), sim.jwksUrl()), clock);
        KeyPair keys = SealingKeys.generate();
        String credential;
        try (ClinicAdmin admin = new ClinicAdmin(dir.resolve("relay"), clock)) {
            credential = admin.add("Test clinic", Optional.of(SeedData.DEMO_HIP_ID), Optional.of(SeedData.DEMO_HIP_ID),
                    Base64.getDecoder().decode(SealingKeys.publicKeyBase64(keys.getPublic()))).credential();
        }
        AbdmConfig config = new AbdmConfig(sim.gatewayBaseUrl(), sim.abhaBaseUrl(), "sbx",
                SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET, Duration.ofSeconds(10));
        new BridgeRegistration(config, clock).register(relay.baseUri());
        assertThat(sim.bridgeUrl()).contains(relay.baseUri());

        http = GatewayHttp.create(config, clock);
        sender = new OutboxSender(store.outbox(), http, clock, RetryPolicy.standard());
        ProfileShareHandler handler = new ProfileShareHandler(
                ShareSettings.of(SeedData.DEMO_HIP_ID, SeedData.DEMO_COUNTER, ZoneOffset.UTC), store.patients(),
                store.shareTokens(), sender::enqueue, clock, "sbx");
        dispatcher = CallbackDispatcher.builder(store.inbound()).on(ProfileShareHandler.PATH, handler).build();
        client = RelayClient.builder(new RelaySettings(URI.create(relay.baseUri() + "/ws"), credential,
                keys.getPrivate()), dispatcher.sink()).build();
        dispatcher.start();
        sender.start();
        client.start();
        Await.until(DEADLINE, "relay link up", () -> client.state() == LinkState.CONNECTED);
    }

    @AfterEach
    void close() {
        client.close();
        dispatcher.close();
        sender.close();
        http.close();
        relay.close();
        store.close();
        sim.close();
    }

    @Test
    void aScanReachesTheQueueAndTheTokenReachesThePhoneAndARepeatGetsTheSameToken() throws Exception {
        String first = sim.patientPhone().scanCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);

        OnShareReply reply = replyTo(first);
        assertThat(reply.status()).isEqualTo(OnShareReply.SUCCESS);
        assertThat(reply.tokenNumber()).isEqualTo("1");
        assertThat(reply.context()).isEqualTo(SeedData.DEMO_COUNTER);
        assertThat(reply.abhaAddress()).isEqualTo(SeedData.ABHA_ADDRESS_EXISTING);
        assertThat(Long.parseLong(reply.expiry())).isBetween(1790L, 1800L);

        Patient asha = store.patients().findByAbhaNumber(AbhaNumber.of(SeedData.ABHA_EXISTING)).orElseThrow();
        assertThat(asha.name()).isEqualTo("Asha Verma");
        List<ShareToken> queue = store.shareTokens().live(clock.instant());
        assertThat(queue).singleElement().satisfies(t -> {
            assertThat(t.number()).isEqualTo(1);
            assertThat(t.counter()).isEqualTo(SeedData.DEMO_COUNTER);
            assertThat(t.patientId()).isEqualTo(asha.id());
            assertThat(t.requestId()).isEqualTo(first);
        });

        String again = sim.patientPhone().scanCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);
        assertThat(replyTo(again).tokenNumber()).isEqualTo("1");
        String other = sim.patientPhone().scanCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_FAMILY_RAMESH);
        assertThat(replyTo(other).tokenNumber()).isEqualTo("2");

        assertThat(store.shareTokens().live(clock.instant())).extracting(ShareToken::number).containsExactly(1, 2);
        assertThat(store.patients().search("", 10)).hasSize(2);
        assertThat(store.inbound().counts()).containsEntry(InboundStore.State.HANDLED, 3)
                .containsEntry(InboundStore.State.FAILED, 0);
    }

    private OnShareReply replyTo(String requestId) throws InterruptedException {
        Await.until(DEADLINE, "on-share for " + requestId,
                () -> sim.onShareReplies().stream().anyMatch(r -> r.requestId().equals(requestId)));
        return sim.onShareReplies().stream().filter(r -> r.requestId().equals(requestId)).findFirst().orElseThrow();
    }
}
