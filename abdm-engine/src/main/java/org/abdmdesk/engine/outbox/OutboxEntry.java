package org.abdmdesk.engine.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link OutboxMessage} with its delivery record: state, attempts made so far, when the next
 * attempt is due, the last error (technical), and when and under which REQUEST-ID it was accepted.
 */
public record OutboxEntry(OutboxMessage message, Outbox.State state, int attempts, Instant nextAttemptAt,
        Optional<String> lastError, Optional<Instant> sentAt, Optional<String> sentRequestId) {

    public OutboxEntry {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(sentRequestId, "sentRequestId");
    }

    /** A message just enqueued: pending, no attempt yet, due at once. */
    public static OutboxEntry fresh(OutboxMessage message) {
        return new OutboxEntry(message, Outbox.State.PENDING, 0, message.createdAt(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
