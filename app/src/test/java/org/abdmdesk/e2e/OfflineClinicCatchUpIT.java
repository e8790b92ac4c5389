package org.abdmdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.abdmdesk.engine.callback.InboundCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clinic that was offline while callbacks arrived catches up when it connects: everything is stored in the
 * clinic's database in arrival order (relay seq), and a forced redelivery (the workstation drops its link after
 * storing a message but before acking it) leaves nothing stored twice.
 */
class OfflineClinicCatchUpIT {
    private static final String HIP = "IN3210000042";
    private static final int CALLBACKS = 300;

    @TempDir
    Path tmp;

    @Test
    void anOfflineClinicGetsEverythingInOrderExactlyOnceDespiteARedelivery() throws Exception {
        Path relayData = tmp.resolve("relay");
        try (FakeAbdmGateway gateway = new FakeAbdmGateway();
             Workstation clinic = new Workstation(tmp.resolve("clinic"))) {
            String credential = RelayProcess.addClinic(relayData, "Offline Clinic", HIP, clinic.publicKeyBase64());
            try (RelayProcess relay = RelayProcess.serve(relayData, gateway.jwksUrl(), 0)) {
                List<String> sent = new ArrayList<>();
                for (int n = 0; n < CALLBACKS; n++) {
                    String requestId = UUID.randomUUID().toString();
                    assertThat(gateway.sendShare(relay.baseUri(), HIP, requestId, n)).as("callback %d", n)
                            .isEqualTo(202);
                    sent.add(requestId);
                }
                String crashPoint = sent.get(CALLBACKS / 2);
                clinic.refuseAfterStoring(c -> c.requestId().equals(crashPoint)
                        && clinic.timesHandedOver(crashPoint) == 1);

                clinic.connect(relay.webSocketUri(), credential);
                Await.until(Duration.ofSeconds(60), () -> clinic.stored().size() >= CALLBACKS,
                        () -> clinic.stored().size() + " of " + CALLBACKS + " stored");
                Await.until(Duration.ofSeconds(20), () -> depth(gateway, relay) == 0,
                        () -> "queue depth " + depth(gateway, relay));

                List<InboundCallback> stored = clinic.stored();
                assertThat(stored).extracting(InboundCallback::requestId).as("all, once each, in arrival order")
                        .containsExactlyElementsOf(sent);
                assertThat(stored).extracting(InboundCallback::relaySeq).isSorted().doesNotHaveDuplicates();
                assertThat(clinic.timesHandedOver(crashPoint)).as("the relay delivered it again")
                        .isGreaterThanOrEqualTo(2);
                assertThat(RelayMetricsText.counter(gateway.metrics(relay.baseUri()), "relay_redelivered_total"))
                        .isGreaterThanOrEqualTo(1);
            }
        }
    }

    private static long depth(FakeAbdmGateway gateway, RelayProcess relay) {
        try {
            return RelayMetricsText.queueDepths(gateway.metrics(relay.baseUri())).values().stream()
                    .mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            return -1;
        }
    }
}
