package org.abdmdesk.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.abdmdesk.engine.gateway.GatewayHttp;
import org.abdmdesk.engine.outbox.Outbox.State;
import org.abdmdesk.engine.outbox.OutboxEntry;
import org.abdmdesk.engine.outbox.OutboxMessage;
import org.abdmdesk.engine.outbox.OutboxSender;
import org.abdmdesk.engine.outbox.RetryPolicy;
import org.abdmdesk.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real SQLite file survives the workstation stopping at any point. */
class OutboxSenderRestartTest {
    static final Instant T0 = Instant.parse("2026-11-25T04:00:00Z");
    static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 5,
            Duration.ofHours(1));

    @TempDir
    Path folder;
    private final FakeGateway gateway = new FakeGateway();

    @AfterEach
    void stop() {
        gateway.close();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    static OutboxMessage reply(String correlation) {
        return OutboxMessage.replyTo(correlation, FakeGateway.ON_SHARE, Map.of("X-HIP-ID", "IN3210000018"),
                "{\"response\":{\"requestId\":\"" + correlation + "\"}}", T0);
    }

    @Test
    void aFailedAttemptAndAnUnsentReplyAreCarriedOnAfterARestart() {
        Path file = folder.resolve("clinic.db");
        OutboxMessage tried = reply("cb-tried");
        OutboxMessage queuedOnly = reply("cb-queued");
        gateway.onShareAnswers(() -> 500);

        Clock first = Clock.fixed(T0, ZoneOffset.UTC);
        try (LocalStore store = LocalStore.open(file, first);
                GatewayHttp http = GatewayHttp.create(gateway.config(), first);
                OutboxSender sender = new OutboxSender(store.outbox(), http, first, POLICY)) {
            sender.start();
            sender.enqueue(tried);
            await("one failed attempt", () -> store.outbox().find(tried.id()).orElseThrow().attempts() == 1);
        }
        try (LocalStore store = LocalStore.open(file, first)) {
            store.outbox().enqueue(queuedOnly); // the workstation stops right after this enqueue
        }

        gateway.onShareAnswers(() -> 202);
        Clock second = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
        try (LocalStore store = LocalStore.open(file, second);
                GatewayHttp http = GatewayHttp.create(gateway.config(), second);
                OutboxSender sender = new OutboxSender(store.outbox(), http, second, POLICY)) {
            sender.start();
            await("both sent", () -> store.outbox().counts().get(State.SENT) == 2);

            OutboxEntry sent = store.outbox().find(tried.id()).orElseThrow();
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(sent.lastError().orElseThrow()).contains("HTTP 500");
            assertThat(sent.sentAt()).contains(T0.plusSeconds(60));
            assertThat(gateway.onShareCalls()).hasSize(3);
            assertThat(gateway.onShareCalls()).extracting(FakeGateway.Call::requestId).doesNotHaveDuplicates()
                    .doesNotContainNull();
            assertThat(gateway.onShareCalls()).extracting(FakeGateway.Call::hipId).containsOnly("IN3210000018");
            assertThat(gateway.onShareCalls().stream().map(FakeGateway.Call::requestId))
                    .contains(sent.sentRequestId().orElseThrow(),
                            store.outbox().find(queuedOnly.id()).orElseThrow().sentRequestId().orElseThrow());
            assertThat(gateway.onShareCalls().get(0).requestId()).isNotEqualTo(sent.sentRequestId().orElseThrow());
        }
    }
}
