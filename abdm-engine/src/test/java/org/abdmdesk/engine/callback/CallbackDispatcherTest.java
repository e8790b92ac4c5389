package org.abdmdesk.engine.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.abdmdesk.engine.callback.InboundStore.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbackDispatcherTest {
    static final String SHARE = "/api/v3/hip/patient/share";

    private final MemoryInboundStore store = new MemoryInboundStore();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private CallbackDispatcher dispatcher;

    static InboundCallback callback(String requestId, String path, long seq) {
        return new InboundCallback(requestId, path, Map.of("REQUEST-ID", requestId, "X-HIP-ID", "IN0001"),
                "{\"intent\":\"PROFILE_SHARE\"}", Instant.parse("2026-11-25T04:00:00Z"), seq);
    }

    @AfterEach
    void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private CallbackDispatcher.Builder builder() {
        return CallbackDispatcher.builder(store).on(SHARE, cb -> handled.add(cb.requestId()));
    }

    @Test
    void storedCallbacksAreRoutedByPathAndMarkedHandled() {
        dispatcher = builder().onPrefix("/push/", cb -> handled.add("push:" + cb.requestId())).build();
        dispatcher.start();
        InboundSink sink = dispatcher.sink();

        assertThat(sink.accept(callback("r1", SHARE, 1))).isTrue();
        assertThat(sink.accept(callback("relay-seq-2", "/push/tok", 2))).isTrue();

        Await.until("both handled", () -> store.counts().get(State.HANDLED) == 2);
        assertThat(handled).containsExactly("r1", "push:relay-seq-2");
        assertThat(store.pending()).isEmpty();
    }

    @Test
    void anUnknownPathIsKeptAsFailedWithTheReason() {
        dispatcher = builder().build();
        dispatcher.start();

        dispatcher.sink().accept(callback("r9", "/api/v3/hiu/unknown", 1));

        Await.until("failed", () -> store.counts().get(State.FAILED) == 1);
        assertThat(store.failure("r9")).isEqualTo("no handler for path /api/v3/hiu/unknown");
        assertThat(store.all()).extracting(InboundCallback::requestId).containsExactly("r9");
    }

    @Test
    void aHandlerThatThrowsMarksTheCallbackFailedAndTheNextOneIsStillHandled() {
        dispatcher = CallbackDispatcher.builder(store).on(SHARE, cb -> {
            if (cb.requestId().equals("bad")) {
                throw new IllegalStateException("care context 7 not found");
            }
            handled.add(cb.requestId());
        }).build();
        dispatcher.start();

        dispatcher.sink().accept(callback("bad", SHARE, 1));
        dispatcher.sink().accept(callback("good", SHARE, 2));

        Await.until("both done", () -> store.pending().isEmpty() && store.counts().get(State.HANDLED) == 1);
        assertThat(store.state("bad")).isEqualTo(State.FAILED);
        assertThat(store.failure("bad")).isEqualTo("IllegalStateException: care context 7 not found");
        assertThat(handled).containsExactly("good");
    }

    @Test
    void aDuplicateIsAcceptedAgainButStoredAndHandledOnce() {
        dispatcher = builder().build();
        dispatcher.start();

        assertThat(dispatcher.sink().accept(callback("r1", SHARE, 1))).isTrue();
        Await.until("handled", () -> store.counts().get(State.HANDLED) == 1);
        assertThat(dispatcher.sink().accept(callback("r1", SHARE, 1))).isTrue();
        dispatcher.sink().accept(callback("r2", SHARE, 2));

        Await.until("second handled", () -> store.counts().get(State.HANDLED) == 2);
        assertThat(handled).containsExactly("r1", "r2");
        assertThat(store.all()).hasSize(2);
    }

    @Test
    void callbacksStoredBeforeStartAreHandledOnStart() {
        store.storeIfNew(callback("before-crash-1", SHARE, 1));
        store.storeIfNew(callback("before-crash-2", SHARE, 2));
        dispatcher = builder().build();
        assertThat(handled).isEmpty();

        dispatcher.start();

        Await.until("handled", () -> store.counts().get(State.HANDLED) == 2);
        assertThat(handled).containsExactly("before-crash-1", "before-crash-2");
    }

    @Test
    void aStoreFailureReachesTheRelayClientSoItDoesNotAck() {
        dispatcher = builder().build();
        store.failing(true);

        assertThatThrownBy(() -> dispatcher.sink().accept(callback("r1", SHARE, 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(handled).isEmpty();
    }

    @Test
    void pathsMustBeAbsoluteAndRegisteredOnce() {
        assertThatThrownBy(() -> builder().on(SHARE, cb -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().on("api/x", cb -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headersIgnoreCaseAndTheBodyStaysOutOfToString() {
        InboundCallback cb = callback("r1", SHARE, 5);

        assertThat(cb.header("x-hip-id")).contains("IN0001");
        assertThat(cb.toString()).contains("r1", SHARE).doesNotContain("PROFILE_SHARE");
        assertThat(InboundCallback.keyForSeq(5)).isEqualTo("relay-seq-5");
    }
}
