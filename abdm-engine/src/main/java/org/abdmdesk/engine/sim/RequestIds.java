package org.abdmdesk.engine.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REQUEST-IDs the simulator has accepted, so a replay is refused as ABDM's gateway refuses it.
 * Bounded: the oldest are forgotten past {@link #CAPACITY} (a replay that old also fails the TIMESTAMP
 * check, unless the replayer forges a fresh TIMESTAMP). Thread-safe.
 */
final class RequestIds {
    static final int CAPACITY = 100_000;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time {@code requestId} is offered (it is remembered from then on), false on a replay. */
    synchronized boolean firstUse(String requestId) {
        return seen.putIfAbsent(requestId, Boolean.TRUE) == null;
    }
}
