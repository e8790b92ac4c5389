package org.abdmdesk.engine.sim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request exactly as it reached the simulator: method, raw path (without the query), query
 * (empty if none), headers (names matched case-insensitively by {@link #header}) and the raw body
 * as UTF-8 text (empty when the body was refused for being too large).
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        String body, Instant at) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** The first value of a header, whatever the case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method.toUpperCase(Locale.ROOT) + " " + path + "]";
    }
}
