package org.abdmdesk.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abdmdesk.relay.store.ClinicAdmin;
import org.abdmdesk.relay.testing.ClinicKeys;
import org.abdmdesk.relay.testing.FakeGateway;
import org.abdmdesk.relay.testing.TestClinic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "nothing is lost" rule against the real jar: a burst of signed callbacks to two clinics, SIGKILL mid-burst,
 * a restart on the same data dir, and every callback that got a 202 is delivered, in order per clinic, to the
 * right clinic.
 */
class RelayCrashIT {
    private static final Pattern LISTENING = Pattern.compile("(http://[0-9.]+:\\d+)");
    @TempDir
    Path tmp;

    private record Clinic(String hipId, String credential, ClinicKeys keys, List<String> accepted) {
    }

    @Test
    void everyAcceptedCallbackSurvivesAKillAndIsDeliveredInOrder() throws Exception {
        Path data = tmp.resolve("data");
        List<Clinic> clinics = new ArrayList<>();
        try (ClinicAdmin admin = new ClinicAdmin(data, Clock.systemUTC())) {
            for (String hip : List.of("IN-HIP-1", "IN-HIP-2")) {
                ClinicKeys keys = ClinicKeys.generate();
                ClinicAdmin.Added added = admin.add(hip, Optional.of(hip), Optional.empty(), keys.publicRaw());
                clinics.add(new Clinic(hip, added.credential(), keys, Collections.synchronizedList(new ArrayList<>())));
            }
        }
        try (FakeGateway gateway = new FakeGateway()) {
            Process relay = startRelay(data, gateway.jwksUrl());
            URI base = baseUri(relay);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String token = gateway.token();
            AtomicInteger acceptedTotal = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(300);
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (Clinic clinic : clinics) {
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String requestId = UUID.randomUUID().toString();
                        try {
                            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                            base.resolve("/api/v3/hip/patient/share"))
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Authorization", "Bearer " + token)
                                    .header("REQUEST-ID", requestId).header("X-HIP-ID", clinic.hipId())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() == 202) {
                                clinic.accepted().add(requestId);
                                acceptedTotal.incrementAndGet();
                                enough.countDown();
                            }
                        } catch (Exception e) {
                            return; // the relay was killed
                        }
                    }
                }));
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("300 callbacks accepted").isTrue();
            relay.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean close
            assertThat(relay.waitFor(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(acceptedTotal.get()).isGreaterThanOrEqualTo(300);

            Process restarted = startRelay(data, gateway.jwksUrl());
            try {
                URI again = baseUri(restarted);
                for (Clinic clinic : clinics) {
                    assertDeliveredInOrder(again, clinic);
                }
            } finally {
                restarted.destroy();
                restarted.waitFor(15, TimeUnit.SECONDS);
            }
        }
    }

    private static void assertDeliveredInOrder(URI base, Clinic clinic) throws Exception {
        List<String> expected = List.copyOf(clinic.accepted());
        List<String> delivered = new ArrayList<>();
        long lastSeq = 0;
        try (TestClinic ws = TestClinic.connect(base, clinic.credential())) {
            ws.next("welcome");
            while (!delivered.containsAll(expected)) {
                JsonNode frame = ws.next("deliver");
                long seq = frame.path("seq").asLong();
                assertThat(seq).isGreaterThan(lastSeq);
                lastSeq = seq;
                JsonNode envelope = clinic.keys().open(frame.path("sealed").asText());
                assertThat(envelope.path("headers").path("X-HIP-ID").asText()).isEqualTo(clinic.hipId());
                delivered.add(envelope.path("headers").path("REQUEST-ID").asText());
                ws.ack(seq);
            }
        }
        List<String> acceptedInDeliveryOrder = delivered.stream().filter(expected::contains).toList();
        assertThat(acceptedInDeliveryOrder).containsExactlyElementsOf(expected);
    }

    private static Process startRelay(Path data, URI jwks) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("relay.jar");
        assertThat(jar).as("system property relay.jar").isNotNull();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "serve", "--data",
                data.toString(), "--port", "0", "--bind", "127.0.0.1", "--jwks-url", jwks.toString());
        builder.redirectErrorStream(true);
        return builder.start();
    }

    private static URI baseUri(Process relay) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> found = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (line.startsWith("Relay listening") && m.find()) {
                        found.complete(URI.create(m.group(1)));
                    }
                }
                found.completeExceptionally(new AssertionError("relay exited without listening"));
            } catch (Exception e) {
                found.completeExceptionally(e);
            }
        });
        return found.get(30, TimeUnit.SECONDS);
    }
}
