package org.abdmdesk.store.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.abdmdesk.engine.callback.CallbackDispatcher;
import org.abdmdesk.engine.callback.InboundCallback;
import org.abdmdesk.engine.callback.InboundStore.State;
import org.abdmdesk.engine.outbox.OutboxMessage;
import org.abdmdesk.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A callback stored just before the workstation stopped is handled after the restart, and only once. */
class DispatcherRestartTest {
    static final String SHARE = "/api/v3/hip/patient/share";
    static final Instant T0 = Instant.parse("2026-11-25T04:00:00Z");

    @TempDir
    Path folder;

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    static InboundCallback share(String requestId, long seq) {
        return new InboundCallback(requestId, SHARE, Map.of("REQUEST-ID", requestId), "{\"intent\":\"PROFILE_SHARE\"}",
                T0, seq);
    }

    @Test
    void pendingCallbacksAreHandledOnStartAfterARestartAndHandledOnesAreNot() {
        Path file = folder.resolve("clinic.db");
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        List<String> firstRun = new CopyOnWriteArrayList<>();
        try (LocalStore store = LocalStore.open(file, clock)) {
            CallbackDispatcher dispatcher = CallbackDispatcher.builder(store.inbound())
                    .on(SHARE, cb -> firstRun.add(cb.requestId())).build();
            dispatcher.start();
            assertThat(dispatcher.sink().accept(share("handled-before", 1))).isTrue();
            await("handled in the first run", () -> store.inbound().counts().get(State.HANDLED) == 1);

            dispatcher.close(); // the workstation stops: what arrives now is stored (and acked) but not handled
            assertThat(dispatcher.sink().accept(share("stored-1", 2))).isTrue();
            assertThat(dispatcher.sink().accept(share("stored-2", 3))).isTrue();
            assertThat(dispatcher.sink().accept(share("stored-1", 2))).isTrue(); // a redelivery
        }
        assertThat(firstRun).containsExactly("handled-before");

        List<String> secondRun = new CopyOnWriteArrayList<>();
        try (LocalStore store = LocalStore.open(file, clock)) {
            assertThat(store.inbound().pending()).extracting(InboundCallback::requestId)
                    .containsExactly("stored-1", "stored-2");
            CallbackDispatcher dispatcher = CallbackDispatcher.builder(store.inbound()).on(SHARE, cb -> {
                secondRun.add(cb.requestId());
                store.outbox().enqueue(OutboxMessage.replyTo(cb.requestId(), "patient-share/v3/on-share",
                        Map.of(), "{\"response\":{\"requestId\":\"" + cb.requestId() + "\"}}", T0));
            }).build();
            try (dispatcher) {
                dispatcher.start();
                await("handled after the restart", () -> store.inbound().counts().get(State.HANDLED) == 3);
            }

            assertThat(secondRun).containsExactly("stored-1", "stored-2");
            assertThat(store.inbound().pending()).isEmpty();
            assertThat(store.outbox().due(T0, 10)).extracting(e -> e.message().correlation())
                    .containsExactlyInAnyOrder("stored-1", "stored-2");
        }
    }
}
