package org.abdmdesk.engine.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulator redelivers a callback the bridge did not take: up to {@code maxAttempts} tries in
 * all, retrying only on no answer (connection refused, reset, timeout) or a 5xx, waiting
 * {@code firstDelay}, then twice as long each time, at most {@code maxDelay}. A 2xx ends it
 * (delivered); any other status ends it too (refused: retrying would not help). ABDM does not publish
 * its own retry behaviour; this is the simulator's choice. Delays are real time (not the injected
 * clock), so tests use short ones.
 */
public record CallbackRetry(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public CallbackRetry {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need maxAttempts >= 1 and 0 <= firstDelay <= maxDelay");
        }
    }

    /** 4 tries: after 1 s, 2 s and 4 s. */
    public static CallbackRetry defaults() {
        return new CallbackRetry(4, Duration.ofSeconds(1), Duration.ofSeconds(8));
    }

    /** The wait before try number {@code attempt + 1} ({@code attempt} >= 1). */
    Duration delayAfter(int attempt) {
        Duration d = firstDelay;
        for (int i = 1; i < attempt && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
