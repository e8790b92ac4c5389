package org.abdmdesk.engine.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persistent queue of messages that must reach ABDM (implemented by the local store). A
 * handler enqueues its reply here, in the same breath as it records its own work, and the
 * {@link OutboxSender} delivers it with retries; since everything lives in the store, a crash or a
 * restart loses nothing. Messages are never deleted: sent and dead ones stay for the record.
 */
public interface Outbox {

    /** Where a message is in its life. */
    enum State {
        /** Waiting for its first or next attempt. */
        PENDING,
        /** ABDM accepted it. */
        SENT,
        /** Given up on (refused by ABDM, or too many attempts, or too old); shown to people. */
        DEAD
    }

    /** Stores {@code message} as pending, due at its {@code createdAt}; {@code false} if its id is already stored. */
    boolean enqueue(OutboxMessage message);

    /** Pending messages due at {@code now} (next attempt at or before it), earliest first, at most {@code limit}. */
    List<OutboxEntry> due(Instant now, int limit);

    /** When the earliest pending message is due, if any is pending. */
    Optional<Instant> nextDueAt();

    Optional<OutboxEntry> find(String id);

    /**
     * ABDM accepted the message at {@code at} ({@code attempts} counts this attempt too);
     * {@code requestId} is the REQUEST-ID of the accepted attempt.
     */
    void markSent(String id, String requestId, Instant at);

    /** An attempt at {@code at} failed with {@code reason} (technical, no patient data); try again at {@code nextAttemptAt}. */
    void markAttemptFailed(String id, Instant at, Instant nextAttemptAt, String reason);

    /** No more attempts: the message is dead, with {@code reason}. */
    void markDead(String id, String reason);

    /** How many messages are in each state (every state present, zero included), for the status line. */
    Map<State, Integer> counts();
}
