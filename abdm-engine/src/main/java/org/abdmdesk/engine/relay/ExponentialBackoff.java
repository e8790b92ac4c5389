package org.abdmdesk.engine.relay;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * {@code initial} doubling per failure up to {@code cap}, each wait shortened by up to 20 % at
 * random ({@code jitter} gives a number in [0, 1)) so that many workstations that lost the relay
 * at once do not all come back in the same second. Never longer than {@code cap}.
 */
public record ExponentialBackoff(Duration initial, Duration cap, DoubleSupplier jitter) implements Backoff {

    public ExponentialBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(jitter, "jitter");
        if (initial.isNegative() || initial.isZero() || cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= cap: " + initial + ", " + cap);
        }
    }

    /** 1 s doubling to 60 s. */
    public static ExponentialBackoff standard() {
        return new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Override
    public Duration delay(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        Duration base = initial.multipliedBy(1L << doublings);
        if (base.compareTo(cap) > 0) {
            base = cap;
        }
        double factor = 1.0 - 0.2 * Math.min(Math.max(jitter.getAsDouble(), 0.0), 1.0);
        return Duration.ofNanos((long) (base.toNanos() * factor));
    }
}
