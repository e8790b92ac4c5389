package org.abdmdesk.engine.callback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes stored callbacks to their {@link CallbackHandler}s by path, one at a time on its own
 * thread, and records the outcome in the {@link InboundStore}: handled, or failed with a reason (a
 * path nobody handles is failed too, never dropped).
 *
 * <p>It always works from the store: each {@link #wake()} makes it go through
 * {@link InboundStore#pending()}, so a callback stored before a crash and never handled is handled
 * after {@link #start()}, and a callback is never handled twice by one running dispatcher. Build it
 * at start-up with its handlers, give {@link #sink()} to the relay client, call {@link #start()},
 * and {@link #close()} it on exit.
 */
public final class CallbackDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);
    static final int MAX_REASON_CHARS = 500;

    private final InboundStore store;
    private final Map<String, CallbackHandler> exact;
    private final Map<String, CallbackHandler> prefixes;
    private final ExecutorService worker;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile boolean closed;

    private CallbackDispatcher(Builder b) {
        this.store = b.store;
        this.exact = Map.copyOf(b.exact);
        this.prefixes = Collections.unmodifiableMap(new LinkedHashMap<>(b.prefixes));
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "callback-dispatcher");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder(InboundStore store) {
        return new Builder(store);
    }

    /** Handles whatever was stored but not handled before (a crash, a previous run). */
    public void start() {
        wake();
    }

    /** Asks the dispatcher to go through the pending callbacks soon; cheap, and calls coalesce. */
    public void wake() {
        if (closed) {
            return;
        }
        if (drainQueued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** The sink for the relay client: stores each delivered callback, then wakes this dispatcher. */
    public InboundSink sink() {
        return new StoringInboundSink(store, this::wake);
    }

    /** Stops after the callback in hand; what is left stays pending in the store for the next start. */
    @Override
    public void close() {
        closed = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        drainQueued.set(false);
        try {
            for (InboundCallback callback : store.pending()) {
                if (closed) {
                    return;
                }
                handle(callback);
            }
        } catch (RuntimeException e) {
            // The store itself failed; the callbacks stay pending and the next wake tries again.
            LOG.error("Going through pending callbacks failed: {}", e.toString());
        }
    }

    private void handle(InboundCallback callback) {
        Optional<CallbackHandler> handler = handlerFor(callback.path());
        if (handler.isEmpty()) {
            LOG.warn("No handler for callback {} on {}; kept as failed", callback.requestId(), callback.path());
            store.markFailed(callback.requestId(), "no handler for path " + callback.path());
            return;
        }
        try {
            handler.get().handle(callback);
        } catch (Exception e) {
            LOG.warn("Handler for {} failed on callback {}: {}", callback.path(), callback.requestId(),
                    e.getClass().getSimpleName());
            store.markFailed(callback.requestId(), reason(e));
            return;
        }
        store.markHandled(callback.requestId());
        LOG.debug("Callback {} on {} handled", callback.requestId(), callback.path());
    }

    private Optional<CallbackHandler> handlerFor(String path) {
        CallbackHandler handler = exact.get(path);
        if (handler != null) {
            return Optional.of(handler);
        }
        return prefixes.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }

    static String reason(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS);
    }

    /** Collects the handlers; paths are matched exactly, prefixes in the order they were added. */
    public static final class Builder {
        private final InboundStore store;
        private final Map<String, CallbackHandler> exact = new LinkedHashMap<>();
        private final Map<String, CallbackHandler> prefixes = new LinkedHashMap<>();

        private Builder(InboundStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** {@code handler} takes the callbacks whose path is exactly {@code path}, e.g. {@code /api/v3/hip/patient/share}. */
        public Builder on(String path, CallbackHandler handler) {
            put(exact, path, handler);
            return this;
        }

        /** {@code handler} takes the callbacks whose path starts with {@code prefix}, e.g. {@code /push/}. */
        public Builder onPrefix(String prefix, CallbackHandler handler) {
            put(prefixes, prefix, handler);
            return this;
        }

        public CallbackDispatcher build() {
            return new CallbackDispatcher(this);
        }

        private static void put(Map<String, CallbackHandler> map, String path, CallbackHandler handler) {
            if (!Objects.requireNonNull(path, "path").startsWith("/")) {
                throw new IllegalArgumentException("a path starts with '/': " + path);
            }
            if (map.putIfAbsent(path, Objects.requireNonNull(handler, "handler")) != null) {
                throw new IllegalArgumentException("a handler is already registered for " + path);
            }
        }
    }
}
