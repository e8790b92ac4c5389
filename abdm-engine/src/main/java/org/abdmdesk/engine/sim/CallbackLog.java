package org.abdmdesk.engine.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every try the simulator made at delivering a callback to the bridge, in order, and how each
 * callback ended, for tests and the demo. {@link #awaitOutcome} blocks until a callback's delivery
 * is over (tries and back-off included). Thread-safe.
 */
public final class CallbackLog {

    /** How the delivery of one callback ended. */
    public enum Outcome {
        /** The bridge answered 2xx. */
        DELIVERED,
        /** The bridge answered a status that another try would not change (4xx, 3xx). */
        REFUSED,
        /** Every try failed with no answer or a 5xx. */
        GAVE_UP,
        /** The simulator was closed before the delivery ended. */
        ABANDONED
    }

    private final List<CallbackAttempt> attempts = new ArrayList<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();

    CallbackLog() {
    }

    synchronized void add(CallbackAttempt attempt) {
        attempts.add(attempt);
    }

    synchronized void finish(String requestId, Outcome outcome) {
        outcomes.put(requestId, outcome);
        notifyAll();
    }

    /** All tries so far, oldest first. */
    public synchronized List<CallbackAttempt> all() {
        return List.copyOf(attempts);
    }

    /** The tries of one callback, by its REQUEST-ID. */
    public synchronized List<CallbackAttempt> attempts(String requestId) {
        return attempts.stream().filter(a -> a.requestId().equals(requestId)).toList();
    }

    /** How the callback ended, or empty while it is still being delivered (or was never sent). */
    public synchronized Optional<Outcome> outcome(String requestId) {
        return Optional.ofNullable(outcomes.get(requestId));
    }

    /** Waits at most {@code timeout} for the callback's delivery to end; empty if it has not by then. */
    public synchronized Optional<Outcome> awaitOutcome(String requestId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!outcomes.containsKey(requestId)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Duration wait = Duration.ofNanos(left);
            wait(Math.max(1, wait.toMillis()));
        }
        return Optional.of(outcomes.get(requestId));
    }
}
