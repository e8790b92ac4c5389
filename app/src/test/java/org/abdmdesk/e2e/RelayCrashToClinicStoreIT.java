package org.abdmdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.abdmdesk.engine.callback.InboundCallback;
import org.abdmdesk.engine.relay.LinkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing is lost" end to end, from ABDM's 202 to the clinic's own database: a burst of signed callbacks goes to
 * the real relay jar while the engine's {@code RelayClient} stores them in a real {@code SqliteInboundStore}; the
 * relay is SIGKILLed mid-burst and restarted on the same data directory. Every callback that got a 2xx must end up
 * in the clinic's store exactly once; one that got no answer may or may not be there, but never twice.
 */
class RelayCrashToClinicStoreIT {
    private static final String HIP = "IN3210000018";
    private static final int ACCEPTED_BEFORE_KILL = 150;

    @TempDir
    Path tmp;

    @Test
    void everyAcceptedCallbackReachesTheClinicStoreExactlyOnceAcrossARelayKill() throws Exception {
        Path relayData = tmp.resolve("relay");
        try (FakeAbdmGateway gateway = new FakeAbdmGateway();
             Workstation clinic = new Workstation(tmp.resolve("clinic"))) {
            String credential = RelayProcess.addClinic(relayData, "Sharma Clinic", HIP, clinic.publicKeyBase64());
            RelayProcess relay = RelayProcess.serve(relayData, gateway.jwksUrl(), 0);
            clinic.connect(relay.webSocketUri(), credential);
            Await.until(Duration.ofSeconds(20), () -> clinic.state() == LinkState.CONNECTED, clinic::state);

            Set<String> accepted = ConcurrentHashMap.newKeySet();
            Set<String> unanswered = ConcurrentHashMap.newKeySet();
            Set<String> refused = ConcurrentHashMap.newKeySet();
            CountDownLatch enough = new CountDownLatch(ACCEPTED_BEFORE_KILL);
            AtomicBoolean stop = new AtomicBoolean();
            Thread burst = Thread.ofPlatform().name("gateway-burst").start(() -> {
                for (int n = 0; !stop.get() && n < 20_000; n++) {
                    String requestId = UUID.randomUUID().toString();
                    try {
                        int status = gateway.sendShare(relay.baseUri(), HIP, requestId, n);
                        (status / 100 == 2 ? accepted : refused).add(requestId);
                        if (status / 100 == 2) {
                            enough.countDown();
                        }
                    } catch (IOException e) {
                        unanswered.add(requestId); // sent, no answer: the relay died under it
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("%d callbacks accepted", ACCEPTED_BEFORE_KILL)
                    .isTrue();
            relay.kill();
            // keep sending into the dead port for a moment: those get no answer
            Await.until(Duration.ofSeconds(10), () -> unanswered.size() >= 3, unanswered::size);
            stop.set(true);
            burst.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(burst.isAlive()).isFalse();
            assertThat(refused).as("refused callbacks").isEmpty();

            RelayProcess restarted = restartOnSamePortIfPossible(relayData, gateway, relay.port());
            try {
                if (restarted.port() != relay.port()) {
                    clinic.connect(restarted.webSocketUri(), credential);
                }
                Await.until(Duration.ofSeconds(60), () -> storedIds(clinic).containsAll(accepted),
                        () -> "stored " + storedIds(clinic).size() + " of " + accepted.size() + " accepted");
                // the relay deletes what the clinic acked: nothing is left for this clinic
                Await.until(Duration.ofSeconds(20), () -> queueDepth(gateway, restarted) == 0,
                        () -> "queue depth " + queueDepth(gateway, restarted));

                List<InboundCallback> stored = clinic.stored();
                var timesStored = stored.stream()
                        .collect(Collectors.groupingBy(InboundCallback::requestId, Collectors.counting()));
                assertThat(timesStored.values()).as("no REQUEST-ID stored twice").allMatch(n -> n == 1L);
                assertThat(timesStored.keySet()).as("every accepted callback stored").containsAll(accepted);
                Set<String> sent = new HashSet<>(accepted);
                sent.addAll(unanswered);
                assertThat(sent).as("nothing stored that was not sent").containsAll(timesStored.keySet());
                assertThat(stored).allSatisfy(c -> {
                    assertThat(c.path()).isEqualTo(FakeAbdmGateway.SHARE_PATH);
                    assertThat(c.header("X-HIP-ID")).hasValue(HIP);
                    assertThat(c.header("Authorization")).isEmpty();
                });
            } finally {
                restarted.close();
            }
        }
    }

    private static RelayProcess restartOnSamePortIfPossible(Path data, FakeAbdmGateway gateway, int port)
            throws Exception {
        try {
            return RelayProcess.serve(data, gateway.jwksUrl(), port);
        } catch (IOException taken) {
            return RelayProcess.serve(data, gateway.jwksUrl(), 0);
        }
    }

    private static Set<String> storedIds(Workstation clinic) {
        return clinic.stored().stream().map(InboundCallback::requestId).collect(Collectors.toSet());
    }

    private static long queueDepth(FakeAbdmGateway gateway, RelayProcess relay) {
        try {
            return RelayMetricsText.queueDepths(gateway.metrics(relay.baseUri())).values().stream()
                    .mapToLong(Long::longValue).sum();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

}
