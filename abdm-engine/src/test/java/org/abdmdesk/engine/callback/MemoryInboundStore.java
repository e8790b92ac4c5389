package org.abdmdesk.engine.callback;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory {@link InboundStore} for engine tests, recording every call; can be told to fail. */
public final class MemoryInboundStore implements InboundStore {
    private record Row(InboundCallback callback, State state, String failure) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    public final AtomicInteger storeCalls = new AtomicInteger();
    private volatile boolean failing;

    public void failing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public synchronized boolean storeIfNew(InboundCallback callback) {
        storeCalls.incrementAndGet();
        if (failing) {
            throw new IllegalStateException("disk full (test)");
        }
        return rows.putIfAbsent(callback.requestId(), new Row(callback, State.RECEIVED, null)) == null;
    }

    @Override
    public synchronized List<InboundCallback> pending() {
        return rows.values().stream().filter(r -> r.state() == State.RECEIVED).map(Row::callback).toList();
    }

    @Override
    public synchronized void markHandled(String requestId) {
        rows.computeIfPresent(requestId, (k, r) -> new Row(r.callback(), State.HANDLED, null));
    }

    @Override
    public synchronized void markFailed(String requestId, String reason) {
        rows.computeIfPresent(requestId, (k, r) -> new Row(r.callback(), State.FAILED, reason));
    }

    @Override
    public synchronized Map<State, Integer> counts() {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0);
        }
        rows.values().forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        return counts;
    }

    public synchronized State state(String requestId) {
        return rows.get(requestId).state();
    }

    public synchronized String failure(String requestId) {
        return rows.get(requestId).failure();
    }

    public synchronized List<InboundCallback> all() {
        return new ArrayList<>(rows.values().stream().map(Row::callback).toList());
    }
}
