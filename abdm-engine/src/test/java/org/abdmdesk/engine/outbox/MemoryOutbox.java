package org.abdmdesk.engine.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link Outbox} for engine tests that also records every failed attempt. */
final class MemoryOutbox implements Outbox {
    record Failure(String id, Instant at, Instant next, String reason) {
    }

    private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();
    final List<Failure> failures = new ArrayList<>();

    @Override
    public synchronized boolean enqueue(OutboxMessage message) {
        return entries.putIfAbsent(message.id(), OutboxEntry.fresh(message)) == null;
    }

    @Override
    public synchronized List<OutboxEntry> due(Instant now, int limit) {
        return entries.values().stream().filter(e -> e.state() == State.PENDING && !e.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt)).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Instant> nextDueAt() {
        return entries.values().stream().filter(e -> e.state() == State.PENDING).map(OutboxEntry::nextAttemptAt)
                .min(Comparator.naturalOrder());
    }

    @Override
    public synchronized Optional<OutboxEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized void markSent(String id, String requestId, Instant at) {
        OutboxEntry e = entries.get(id);
        entries.put(id, new OutboxEntry(e.message(), State.SENT, e.attempts() + 1, e.nextAttemptAt(), e.lastError(),
                Optional.of(at), Optional.of(requestId)));
    }

    @Override
    public synchronized void markAttemptFailed(String id, Instant at, Instant nextAttemptAt, String reason) {
        OutboxEntry e = entries.get(id);
        failures.add(new Failure(id, at, nextAttemptAt, reason));
        entries.put(id, new OutboxEntry(e.message(), e.state(), e.attempts() + 1, nextAttemptAt,
                Optional.of(reason), e.sentAt(), e.sentRequestId()));
    }

    @Override
    public synchronized void markDead(String id, String reason) {
        OutboxEntry e = entries.get(id);
        entries.put(id, new OutboxEntry(e.message(), State.DEAD, e.attempts(), e.nextAttemptAt(), Optional.of(reason),
                e.sentAt(), e.sentRequestId()));
    }

    @Override
    public synchronized Map<State, Integer> counts() {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0);
        }
        entries.values().forEach(e -> counts.merge(e.state(), 1, Integer::sum));
        return counts;
    }

    synchronized List<Failure> failures() {
        return new ArrayList<>(failures);
    }
}
