package org.abdmdesk.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads figures out of the relay's Prometheus text ({@code GET /metrics}). */
final class RelayMetricsText {
    private static final Pattern DEPTH = Pattern.compile("^relay_queue_depth\\{clinic=\"([^\"]+)\"} (\\d+)$",
            Pattern.MULTILINE);

    private RelayMetricsText() {
    }

    /** {@code relay_queue_depth} per clinic. */
    static Map<String, Long> queueDepths(String metrics) {
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher m = DEPTH.matcher(metrics);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }

    /** An unlabelled counter, e.g. {@code relay_redelivered_total}; 0 if absent. */
    static long counter(String metrics, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + " (\\d+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
