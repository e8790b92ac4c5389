package org.abdmdesk.relay.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts failed logins per remote address in a sliding window; an address over the limit is refused (429)
 * until its old failures leave the window.
 */
public final class FailureRateLimiter {
    private static final int MAX_TRACKED = 100_000;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public FailureRateLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Whether this address has used up its failures. */
    public synchronized boolean blocked(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return false;
        }
        prune(times, clock.instant());
        if (times.isEmpty()) {
            failures.remove(address);
            return false;
        }
        return times.size() >= maxFailures;
    }

    /** Records one failure of this address. */
    public synchronized void failed(String address) {
        if (failures.size() >= MAX_TRACKED) {
            failures.clear();
        }
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        prune(times, clock.instant());
        times.addLast(clock.instant());
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
