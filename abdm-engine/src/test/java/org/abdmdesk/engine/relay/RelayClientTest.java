package org.abdmdesk.engine.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.abdmdesk.engine.callback.Await;
import org.abdmdesk.engine.callback.CallbackDispatcher;
import org.abdmdesk.engine.callback.InboundCallback;
import org.abdmdesk.engine.callback.InboundSink;
import org.abdmdesk.engine.callback.InboundStore.State;
import org.abdmdesk.engine.callback.MemoryInboundStore;
import org.abdmdesk.engine.error.AbdmException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelayClientTest {
    static final String SHARE = "/api/v3/hip/patient/share";

    private final KeyPair clinic = SealingKeys.generate();
    private final FakeRelay relay = new FakeRelay(SealingKeys.rawPublicKey(clinic.getPublic()));
    private final MemoryInboundStore store = new MemoryInboundStore();
    private final List<String> dispatched = new CopyOnWriteArrayList<>();
    private final CallbackDispatcher dispatcher = CallbackDispatcher.builder(store)
            .on(SHARE, cb -> dispatched.add(cb.requestId())).build();
    private final List<Integer> backoffAsked = new CopyOnWriteArrayList<>();
    private final List<LinkState> states = new CopyOnWriteArrayList<>();
    private final List<String> failuresSeen = new CopyOnWriteArrayList<>();
    private RelayClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        dispatcher.close();
        relay.close();
    }

    private RelaySettings settings(String credential) {
        return new RelaySettings(relay.url(), credential, clinic.getPrivate());
    }

    private RelayClient start(InboundSink sink, SyncHandler sync) {
        client = RelayClient.builder(settings(FakeRelay.CREDENTIAL), sink).syncHandler(sync)
                .backoff(failures -> {
                    backoffAsked.add(failures);
                    return Duration.ofMillis(5);
                }).build();
        client.addListener((state, failure) -> {
            states.add(state);
            failure.ifPresent(f -> failuresSeen.add(f.userMessage(Locale.ENGLISH)));
        });
        dispatcher.start();
        client.start();
        return client;
    }

    private RelayClient start() {
        return start(dispatcher.sink(), SyncHandler.NONE);
    }

    private String sealedCallback(String requestId) {
        return relay.seal(relay.envelope(requestId, SHARE, "{\"intent\":\"PROFILE_SHARE\"}"));
    }

    private static void assertAck(JsonNode frame, long seq) {
        assertThat(frame.path("type").asText()).isEqualTo("ack");
        assertThat(frame.path("seq").asLong()).isEqualTo(seq);
    }

    @Test
    void connectsWithTheBearerCredentialAndIsConnectedAfterTheWelcome() throws Exception {
        start();

        relay.nextConnection();
        Await.until("connected", () -> client.state() == LinkState.CONNECTED);
        assertThat(relay.upgrades().getFirst().getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + FakeRelay.CREDENTIAL);
        assertThat(states).containsSubsequence(LinkState.CONNECTING, LinkState.CONNECTED);
        assertThat(client.lastFailure()).isEmpty();
    }

    @Test
    void aDeliveredCallbackIsStoredBeforeItIsAckedAndThenDispatched() throws Exception {
        AtomicInteger storedWhenAckArrived = new AtomicInteger(-1);
        relay.onFrame(frame -> storedWhenAckArrived.set(store.all().size()));
        start();
        FakeRelay.Conn conn = relay.nextConnection();

        conn.deliver(1, sealedCallback("5f7a1c2e-0001"));

        assertAck(conn.next(), 1);
        assertThat(storedWhenAckArrived.get()).isEqualTo(1);
        InboundCallback stored = store.all().getFirst();
        assertThat(stored.requestId()).isEqualTo("5f7a1c2e-0001");
        assertThat(stored.path()).isEqualTo(SHARE);
        assertThat(stored.relaySeq()).isEqualTo(1);
        assertThat(stored.header("X-HIP-ID")).contains("IN3210000018");
        assertThat(stored.body()).isEqualTo("{\"intent\":\"PROFILE_SHARE\"}");
        assertThat(stored.receivedAt()).isEqualTo(Instant.parse("2026-11-25T04:00:00.123Z"));
        Await.until("dispatched", () -> dispatched.contains("5f7a1c2e-0001"));
    }

    @Test
    void aCallWithoutRequestIdIsKeyedByItsRelaySequence() throws Exception {
        start();
        FakeRelay.Conn conn = relay.nextConnection();

        conn.deliver(7, relay.seal(relay.envelope(null, "/push/abc", "{}")));

        assertAck(conn.next(), 7);
        assertThat(store.all()).extracting(InboundCallback::requestId).containsExactly("relay-seq-7");
    }

    @Test
    void aSinkThatThrowsGetsNoAckAndTheMessageIsDeliveredAgainAfterReconnecting() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(cb -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database is locked (test)");
            }
            return store.storeIfNew(cb) || true;
        }, SyncHandler.NONE);
        FakeRelay.Conn first = relay.nextConnection();

        first.deliver(1, sealedCallback("r-1"));

        assertThat(first.awaitClosed()).isEqualTo(RelayClient.CLOSE_INTERNAL_ERROR);
        assertThat(first.received).isEmpty();
        FakeRelay.Conn second = relay.nextConnection();
        assertThat(failuresSeen).anySatisfy(m -> assertThat(m).contains("could not be saved on this computer"));
        second.deliver(1, sealedCallback("r-1"));
        assertAck(second.next(), 1);
        assertThat(store.all()).hasSize(1);
        assertThat(backoffAsked).containsExactly(1);
    }

    @Test
    void aSinkThatReturnsFalseGetsNoAck() throws Exception {
        start(cb -> false, SyncHandler.NONE);
        FakeRelay.Conn conn = relay.nextConnection();

        conn.deliver(1, sealedCallback("r-1"));

        assertThat(conn.awaitClosed()).isEqualTo(RelayClient.CLOSE_INTERNAL_ERROR);
        assertThat(conn.received).isEmpty();
    }

    @Test
    void aDuplicateDeliveryIsStoredOnceDispatchedOnceAndAckedTwice() throws Exception {
        start();
        FakeRelay.Conn conn = relay.nextConnection();

        conn.deliver(1, sealedCallback("dup-1"));
        assertAck(conn.next(), 1);
        conn.deliver(1, sealedCallback("dup-1"));
        assertAck(conn.next(), 1);
        conn.deliver(2, sealedCallback("next-2"));
        assertAck(conn.next(), 2);

        assertThat(store.storeCalls.get()).isEqualTo(3);
        assertThat(store.all()).extracting(InboundCallback::requestId).containsExactly("dup-1", "next-2");
        Await.until("both dispatched", () -> store.counts().get(State.HANDLED) == 2);
        assertThat(dispatched).containsExactly("dup-1", "next-2");
    }

    @Test
    void aDroppedSocketReconnectsWithGrowingBackoffResetByTheWelcomeAndRedeliveryIsHarmless() throws Exception {
        relay.refuseNext(503);
        start();
        FakeRelay.Conn first = relay.nextConnection(); // after one refused attempt
        first.deliver(1, sealedCallback("a-1"));
        assertAck(first.next(), 1);
        first.deliver(2, sealedCallback("a-2"));
        assertAck(first.next(), 2);

        relay.refuseNext(503, 503);
        relay.cutNetwork(); // as if the ack of seq 2 never reached the relay
        FakeRelay.Conn second = relay.nextConnection();
        second.deliver(2, sealedCallback("a-2"));
        assertAck(second.next(), 2);
        second.deliver(3, sealedCallback("a-3"));
        assertAck(second.next(), 3);

        assertThat(backoffAsked).containsExactly(1, 1, 2, 3);
        assertThat(store.all()).extracting(InboundCallback::requestId).containsExactly("a-1", "a-2", "a-3");
        Await.until("dispatched", () -> dispatched.size() == 3);
        assertThat(dispatched).containsExactly("a-1", "a-2", "a-3");
        assertThat(client.state()).isEqualTo(LinkState.CONNECTED);
    }

    @Test
    void replacedByAnotherWorkstationStopsAndSaysSo() throws Exception {
        start();
        FakeRelay.Conn conn = relay.nextConnection();

        conn.close(RelayClient.CLOSE_REPLACED, "replaced");

        Await.until("rejected", () -> client.state() == LinkState.REJECTED);
        assertThat(backoffAsked).isEmpty();
        AbdmException failure = client.lastFailure().orElseThrow();
        assertThat(failure.userMessage(Locale.ENGLISH)).contains("Another computer has connected");
        assertThat(failure.userMessage(Locale.forLanguageTag("hi"))).contains("दूसरे कंप्यूटर");
        assertThat(relay.upgrades()).hasSize(1);

        client.start(); // the person chooses to take the link back
        relay.nextConnection();
        Await.until("connected again", () -> client.state() == LinkState.CONNECTED);
        assertThat(client.lastFailure()).isEmpty();
    }

    @Test
    void aBadCredentialStopsAtOnceAndSaysSo() {
        client = RelayClient.builder(settings(FakeRelay.CLINIC_ID + ".wrong-secret"), dispatcher.sink())
                .backoff(failures -> {
                    backoffAsked.add(failures);
                    return Duration.ofMillis(5);
                }).build();
        client.start();

        Await.until("rejected", () -> client.state() == LinkState.REJECTED);
        assertThat(backoffAsked).isEmpty();
        assertThat(relay.upgrades()).hasSize(1);
        AbdmException failure = client.lastFailure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(AbdmException.Kind.SESSION);
        assertThat(failure.userMessage(Locale.ENGLISH)).contains("did not accept this clinic's credential");
        assertThat(failure.getMessage()).doesNotContain("wrong-secret");
    }

    @Test
    void aRateLimitedWorkstationWaitsTheLongestBackoff() throws Exception {
        relay.refuseNext(429);
        start();

        relay.nextConnection();
        assertThat(backoffAsked).containsExactly(Backoff.LONGEST);
    }

    @Test
    void anEnvelopeThatCannotBeOpenedIsNotAckedAndTheLinkGoesOn() throws Exception {
        start();
        FakeRelay.Conn conn = relay.nextConnection();
        Await.until("connected", () -> client.state() == LinkState.CONNECTED);

        String otherClinics = TestSealer.seal(SealingKeys.rawPublicKey(SealingKeys.generate().getPublic()),
                relay.envelope("x-1", SHARE, "{}").getBytes());
        conn.deliver(1, otherClinics);
        conn.deliver(2, sealedCallback("ok-2"));

        assertAck(conn.next(), 2);
        assertThat(conn.received).hasSize(1);
        assertThat(store.all()).extracting(InboundCallback::requestId).containsExactly("ok-2");
        assertThat(client.state()).isEqualTo(LinkState.CONNECTED);
        assertThat(client.lastFailure().orElseThrow().userMessage(Locale.ENGLISH))
                .contains("could not be opened with this computer's key");
    }

    @Test
    void registerPushRoundTripAndRefusal() throws Exception {
        start();
        FakeRelay.Conn conn = relay.nextConnection();
        Await.until("connected", () -> client.state() == LinkState.CONNECTED);
        String token = PushTokens.newToken();
        Instant expires = Instant.parse("2026-11-25T06:00:00Z");

        CompletableFuture<Void> registered = client.registerPush(token, expires).toCompletableFuture();
        JsonNode frame = conn.next();
        assertThat(frame.path("type").asText()).isEqualTo("register-push");
        assertThat(frame.path("token").asText()).isEqualTo(token);
        assertThat(Instant.parse(frame.path("expiresAt").asText())).isEqualTo(expires);
        assertThat(registered).isNotDone();
        conn.send("{\"type\":\"push-registered\",\"token\":\"" + token + "\"}");
        registered.get(10, TimeUnit.SECONDS);

        CompletableFuture<Void> refused = client.registerPush(PushTokens.newToken(), expires).toCompletableFuture();
        conn.next();
        conn.send("{\"type\":\"error\",\"code\":\"RELAY-409\",\"message\":\"token held by another clinic\"}");
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AbdmException.class)
                .satisfies(e -> assertThat(((AbdmException) e).code()).contains("RELAY-409"));

        assertThatThrownBy(() -> client.registerPush("short", expires)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PushTokens.newToken()).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void registerPushFailsAtOnceWhenTheLinkIsDown() {
        relay.refuseNext(401);
        start();
        Await.until("rejected", () -> client.state() == LinkState.REJECTED);

        CompletableFuture<Void> result = client.registerPush(PushTokens.newToken(), Instant.now()).toCompletableFuture();

        assertThat(result).isCompletedExceptionally();
        assertThatThrownBy(result::join).cause().isInstanceOf(AbdmException.class)
                .satisfies(e -> assertThat(((AbdmException) e).userMessage(Locale.ENGLISH))
                        .contains("Not connected to the relay"));
    }

    @Test
    void aSynchronousRequestIsAnsweredWithAResponseFrame() throws Exception {
        start(dispatcher.sink(), request -> new SyncResponse(200, "application/json",
                "{\"path\":\"" + request.path() + "\",\"id\":\"" + request.requestId().orElse("") + "\"}"));
        FakeRelay.Conn conn = relay.nextConnection();

        conn.send("{\"type\":\"request\",\"corr\":\"c-123\",\"sealed\":\""
                + relay.seal(relay.envelope("sync-1", "/api/v3/sync/thing", "{}")) + "\"}");

        JsonNode response = conn.next();
        assertThat(response.path("type").asText()).isEqualTo("response");
        assertThat(response.path("corr").asText()).isEqualTo("c-123");
        assertThat(response.path("status").asInt()).isEqualTo(200);
        assertThat(response.path("contentType").asText()).isEqualTo("application/json");
        assertThat(response.path("body").asText()).isEqualTo("{\"path\":\"/api/v3/sync/thing\",\"id\":\"sync-1\"}");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void aFailingSynchronousHandlerAnswers500() throws Exception {
        start(dispatcher.sink(), request -> {
            throw new IllegalStateException("boom");
        });
        FakeRelay.Conn conn = relay.nextConnection();

        conn.send("{\"type\":\"request\",\"corr\":\"c-9\",\"sealed\":\""
                + relay.seal(relay.envelope("sync-9", "/x", "{}")) + "\"}");

        JsonNode response = conn.next();
        assertThat(response.path("corr").asText()).isEqualTo("c-9");
        assertThat(response.path("status").asInt()).isEqualTo(500);
    }

    @Test
    void closingEndsTheLinkNormally() throws Exception {
        start();
        FakeRelay.Conn conn = relay.nextConnection();

        client.close();

        assertThat(conn.awaitClosed()).isEqualTo(RelayClient.CLOSE_NORMAL);
        assertThat(client.state()).isEqualTo(LinkState.DISCONNECTED);
        assertThat(backoffAsked).isEmpty();
    }

    @Test
    void settingsHideTheSecretAndTheKey() {
        RelaySettings settings = settings(FakeRelay.CREDENTIAL);

        assertThat(settings.clinicId()).isEqualTo(FakeRelay.CLINIC_ID);
        assertThat(settings.toString()).contains(FakeRelay.CLINIC_ID).doesNotContain("c2VjcmV0");
        assertThatThrownBy(() -> new RelaySettings(relay.url(), "no-dot", clinic.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelaySettings(java.net.URI.create("ftp://x/ws"), FakeRelay.CREDENTIAL,
                clinic.getPrivate())).isInstanceOf(IllegalArgumentException.class);
    }
}
