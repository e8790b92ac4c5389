package org.abdmdesk.relay.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The relay's counters and gauges, rendered in the Prometheus text format by {@link #render}. Labels carry
 * clinic ids and reasons only: never bodies, names or health ids.
 */
public final class RelayMetrics {
    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
    private final LongAdder stored = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder redelivered = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> sync = new ConcurrentHashMap<>();

    /** A message (callback or push) reached the relay. */
    public void received(String kind) {
        received.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public void stored() {
        stored.increment();
    }

    public void delivered(boolean again) {
        delivered.increment();
        if (again) {
            redelivered.increment();
        }
    }

    public void acked() {
        acked.increment();
    }

    public void expired(long count) {
        expired.add(count);
    }

    /** A request or login was refused for {@code reason} (a short lower-case label). */
    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /** A synchronous call ended with {@code outcome} ({@code answered}, {@code offline}, {@code timeout}). */
    public void sync(String outcome) {
        sync.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    public long rejectedCount(String reason) {
        LongAdder adder = rejected.get(reason);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * Prometheus text exposition.
     *
     * @param queueDepths stored messages per clinic
     * @param connected   whether each clinic has a live WebSocket
     */
    public String render(Map<String, Long> queueDepths, Supplier<Map<String, Boolean>> connected) {
        StringBuilder out = new StringBuilder(1024);
        labelled(out, "relay_received_total", "Messages received (before checks), by kind.", "kind", received);
        counter(out, "relay_stored_total", "Messages durably stored.", stored);
        counter(out, "relay_delivered_total", "Deliver frames sent (including redeliveries).", delivered);
        counter(out, "relay_acked_total", "Messages acknowledged by clinics and deleted.", acked);
        counter(out, "relay_redelivered_total", "Deliver frames for a seq already sent before.", redelivered);
        counter(out, "relay_expired_total", "Undelivered messages deleted after the retention period.", expired);
        labelled(out, "relay_rejected_total", "Requests and logins refused, by reason.", "reason", rejected);
        labelled(out, "relay_sync_total", "Synchronous calls, by outcome.", "outcome", sync);
        out.append("# HELP relay_queue_depth Stored, unacknowledged messages per clinic.\n")
                .append("# TYPE relay_queue_depth gauge\n");
        Map<String, Boolean> live = connected.get();
        new TreeMap<>(queueDepths).forEach((clinic, depth) -> out.append("relay_queue_depth{clinic=\"")
                .append(clinic).append("\"} ").append(depth).append('\n'));
        out.append("# HELP relay_clinic_connected 1 if the clinic's workstation is connected.\n")
                .append("# TYPE relay_clinic_connected gauge\n");
        for (String clinic : new TreeMap<>(queueDepths).keySet()) {
            out.append("relay_clinic_connected{clinic=\"").append(clinic).append("\"} ")
                    .append(Boolean.TRUE.equals(live.get(clinic)) ? 1 : 0).append('\n');
        }
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, LongAdder value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value.sum()).append('\n');
    }

    private static void labelled(StringBuilder out, String name, String help, String label,
                                 Map<String, LongAdder> values) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n");
        new TreeMap<>(values).forEach((key, value) -> out.append(name).append('{').append(label).append("=\"")
                .append(key).append("\"} ").append(value.sum()).append('\n'));
    }
}
