package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redelivery on no answer and 5xx, with back-off; never holding up the simulator's own HTTP threads. */
class CallbackDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = MutableClock.at("2026-03-02T05:30:00.000Z");
    private TestBridge bridge;
    private AbdmSimulator sim;

    @BeforeEach
    void start() {
        bridge = TestBridge.start();
        sim = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock).withBridgeUrl(bridge.url())
                .withCallbackRetry(new CallbackRetry(4, Duration.ofMillis(10), Duration.ofMillis(40))));
    }

    @AfterEach
    void stop() {
        sim.close();
        bridge.close();
    }

    @Test
    void fiveHundredsAreRetriedWithTheSameRequestIdAndAFreshJwtUntilDelivered() throws Exception {
        bridge.answer(503, 500);

        String id = sim.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);

        assertThat(sim.callbacks().awaitOutcome(id, WAIT)).contains(CallbackLog.Outcome.DELIVERED);
        assertThat(sim.callbacks().attempts(id)).extracting(CallbackAttempt::status).containsExactly(503, 500, 202);
        assertThat(sim.callbacks().attempts(id)).extracting(CallbackAttempt::attempt).containsExactly(1, 2, 3);
        assertThat(sim.callbacks().attempts(id)).allSatisfy(a -> {
            assertThat(a.path()).isEqualTo("/api/v3/hip/patient/share");
            assertThat(a.at()).isEqualTo(clock.instant());
        });
        List<TestBridge.Received> tries = bridge.received();
        assertThat(tries).hasSize(3).extracting(r -> r.header("REQUEST-ID")).containsOnly(id);
        assertThat(tries).extracting(r -> SignedJWT.parse(r.header("Authorization").substring(7))
                .getJWTClaimsSet().getJWTID()).doesNotHaveDuplicates();
        assertThat(tries).extracting(TestBridge.Received::body).containsOnly(tries.getFirst().body());
    }

    @Test
    void aFourHundredIsNotRetried() throws Exception {
        bridge.answer(401);

        String id = sim.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);

        assertThat(sim.callbacks().awaitOutcome(id, WAIT)).contains(CallbackLog.Outcome.REFUSED);
        assertThat(sim.callbacks().attempts(id)).extracting(CallbackAttempt::status).containsExactly(401);
        assertThat(bridge.received()).hasSize(1);
    }

    @Test
    void noAnswerAtAllGivesUpAfterTheLastTry() throws Exception {
        try (AbdmSimulator nowhere = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock)
                .withBridgeUrl(URI.create("http://127.0.0.1:" + freePort()))
                .withCallbackRetry(new CallbackRetry(3, Duration.ofMillis(5), Duration.ofMillis(10))))) {
            String id = nowhere.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);

            assertThat(nowhere.callbacks().awaitOutcome(id, WAIT)).contains(CallbackLog.Outcome.GAVE_UP);
            assertThat(nowhere.callbacks().attempts(id)).hasSize(3).allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(CallbackAttempt.NO_ANSWER);
                assertThat(a.delivered()).isFalse();
                assertThat(a.failure()).isNotBlank();
            });
        }
    }

    @Test
    void aSlowBridgeDoesNotHoldUpTheSimulator() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        bridge.holdAnswersUntil(release);
        SimClient client = new SimClient(sim, clock);

        String id = sim.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);
        assertThat(bridge.next(WAIT).header("REQUEST-ID")).isEqualTo(id);

        assertThat(client.bridgeServices().status()).isEqualTo(200);
        Reply answered = client.onShare(SimClient.onShareSuccess(id, SeedData.ABHA_ADDRESS_EXISTING, "desk1", "3"));
        assertThat(answered.status()).isEqualTo(202);
        assertThat(sim.callbacks().outcome(id)).isEmpty();

        release.countDown();
        assertThat(sim.callbacks().awaitOutcome(id, WAIT)).contains(CallbackLog.Outcome.DELIVERED);
    }

    @Test
    void backOffDoublesUpToTheCap() {
        CallbackRetry retry = CallbackRetry.defaults();

        assertThat(retry.maxAttempts()).isEqualTo(4);
        assertThat(List.of(retry.delayAfter(1), retry.delayAfter(2), retry.delayAfter(3), retry.delayAfter(4),
                retry.delayAfter(9))).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8));
    }

    @Test
    void closingTheSimulatorAbandonsADeliveryInProgress() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        bridge.holdAnswersUntil(never);
        String id = sim.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);
        bridge.next(WAIT);

        sim.close();

        assertThat(sim.callbacks().awaitOutcome(id, WAIT)).contains(CallbackLog.Outcome.ABANDONED);
        never.countDown();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
