package org.abdmdesk.relay.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.abdmdesk.relay.store.ClinicRecord;
import org.abdmdesk.relay.store.RelayStore;

/**
 * Routes a callback's {@code X-HIP-ID} / {@code X-HIU-ID} to its active clinic, remembering each found clinic for
 * {@link #TTL}: the lookup was a query on the one shared read connection for every callback. A clinic added by
 * {@code clinic add} is found at once (misses are not remembered); a clinic revoked by {@code clinic revoke} (another
 * process) may still be routed for up to {@link #TTL}, much as its open socket lives until the next ping tick.
 */
final class ClinicRoutes {
    /** How long a found clinic is trusted without asking the store again. */
    static final Duration TTL = Duration.ofSeconds(5);
    private static final int CAPACITY = 100_000;

    private record Entry(ClinicRecord clinic, long loadedAtNanos) {
    }

    private final RelayStore store;
    private final ConcurrentHashMap<String, Entry> byHip = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> byHiu = new ConcurrentHashMap<>();

    ClinicRoutes(RelayStore store) {
        this.store = store;
    }

    /** The active clinic with this HIP id ({@code hip}) or HIU id. */
    Optional<ClinicRecord> find(String routingId, boolean hip) {
        ConcurrentHashMap<String, Entry> cache = hip ? byHip : byHiu;
        long now = System.nanoTime();
        Entry entry = cache.get(routingId);
        if (entry != null && now - entry.loadedAtNanos() < TTL.toNanos()) {
            return Optional.of(entry.clinic());
        }
        Optional<ClinicRecord> found = store.clinicByRoutingId(routingId, hip);
        if (found.isPresent()) {
            if (cache.size() >= CAPACITY) {
                cache.clear();
            }
            cache.put(routingId, new Entry(found.get(), now));
        } else {
            cache.remove(routingId);
        }
        return found;
    }
}
