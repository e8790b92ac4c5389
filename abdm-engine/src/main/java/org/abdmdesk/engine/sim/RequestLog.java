package org.abdmdesk.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every request that reached the simulator, in arrival order, recorded before any validation, so
 * tests can assert what a client really sent (e.g. "exactly 3 request/otp calls"). Thread-safe.
 */
public final class RequestLog {
    private final List<RecordedRequest> entries = new ArrayList<>();

    RequestLog() {
    }

    synchronized void add(RecordedRequest request) {
        entries.add(request);
    }

    /** All requests so far, oldest first. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    /** How many requests had this method (any case) and a path ending with {@code pathSuffix}. */
    public synchronized long count(String method, String pathSuffix) {
        return entries.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.path().endsWith(pathSuffix))
                .count();
    }

    /** The most recent request with this method and path suffix, if any. */
    public synchronized Optional<RecordedRequest> last(String method, String pathSuffix) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            RecordedRequest r = entries.get(i);
            if (r.method().equalsIgnoreCase(method) && r.path().endsWith(pathSuffix)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Forgets everything recorded so far (for tests that reuse one simulator). */
    public synchronized void clear() {
        entries.clear();
    }
}
