package org.abdmdesk.engine.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When the {@link OutboxSender} tries again: {@code initial} after the first failure, doubling up to
 * {@code cap}; it gives up (the message goes dead) after {@code maxAttempts} attempts, or when the
 * next attempt would fall later than {@code maxAge} after the message was created.
 */
public record RetryPolicy(Duration initial, Duration cap, int maxAttempts, Duration maxAge) {

    public RetryPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(maxAge, "maxAge");
        if (initial.isNegative() || initial.isZero() || cap.compareTo(initial) < 0 || maxAttempts < 1
                || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("need 0 < initial <= cap, maxAttempts >= 1, maxAge > 0");
        }
    }

    /** 2 s doubling to 10 min; at most 30 attempts within 12 hours (about 3.5 hours of attempts). */
    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 30, Duration.ofHours(12));
    }

    /** The wait after failed attempt number {@code attemptsMade} (1, 2, ...). */
    public Duration delayAfter(int attemptsMade) {
        int doublings = Math.min(Math.max(attemptsMade, 1) - 1, 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** When to try again after {@code attemptsMade} failed attempts, or empty to give up. */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant createdAt, Instant now) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Instant next = now.plus(delayAfter(attemptsMade));
        return next.isAfter(createdAt.plus(maxAge)) ? Optional.empty() : Optional.of(next);
    }
}
