package org.abdmdesk.relay.ws;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.i18n.Messages;
import org.abdmdesk.relay.metrics.RelayMetrics;
import org.abdmdesk.relay.store.RelayStore;
import org.abdmdesk.relay.store.StoredMessage;

/**
 * The live WebSockets, one per clinic at most. Hands freshly committed messages to the right clinic's link,
 * pings and closes silent sockets, and carries synchronous calls to a clinic and back. A link only ever sees
 * its own clinic's messages: lookups are by the clinic id the credential proved.
 */
public final class DeliveryHub implements AutoCloseable {
    private final Map<String, ClinicLink> links = new ConcurrentHashMap<>();
    private final Map<String, Long> highestSent = new ConcurrentHashMap<>();
    private final Map<String, PendingSync> pendingSync = new ConcurrentHashMap<>();
    private final RelayStore store;
    private final RelayMetrics metrics;
    private final Messages messages;
    private final RelayConfig.Delivery delivery;
    private final RelayConfig.WebSocket webSocket;
    private final Clock clock;
    private final ScheduledExecutorService ticker;

    private record PendingSync(String clinicId, CompletableFuture<SyncAnswer> answer) {
    }

    public DeliveryHub(RelayStore store, RelayMetrics metrics, Messages messages, RelayConfig.Delivery delivery,
                       RelayConfig.WebSocket webSocket, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.messages = messages;
        this.delivery = delivery;
        this.webSocket = webSocket;
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("relay-ws-keepalive").daemon(true).factory());
        long every = webSocket.pingInterval().toMillis();
        ticker.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** A new WebSocket for an authenticated clinic; not yet open. */
    ClinicLink newLink(String clinicId) {
        return new ClinicLink(clinicId, this, store, metrics, messages, delivery.window(), clock);
    }

    /** Called by the store writer after each commit, in seq order. */
    public void committed(List<StoredMessage> messagesJustStored) {
        for (StoredMessage m : messagesJustStored) {
            ClinicLink link = links.get(m.clinicId());
            if (link != null) {
                link.offer(m);
            }
        }
    }

    void attach(ClinicLink link) {
        ClinicLink previous = links.put(link.clinicId(), link);
        if (previous != null && previous != link) {
            previous.replaced();
        }
    }

    void detach(ClinicLink link) {
        links.remove(link.clinicId(), link);
        pendingSync.values().removeIf(p -> {
            if (p.clinicId().equals(link.clinicId()) && !links.containsKey(p.clinicId())) {
                p.answer().completeExceptionally(new ClinicOfflineException());
                return true;
            }
            return false;
        });
    }

    /** Whether this seq was already sent to the clinic once (for the redelivered counter). */
    boolean sentBefore(String clinicId, long seq) {
        Long highest = highestSent.get(clinicId);
        return highest != null && seq <= highest;
    }

    void markSent(String clinicId, long seq) {
        highestSent.merge(clinicId, seq, Math::max);
    }

    /** Which clinics are connected now. */
    public Map<String, Boolean> connected() {
        return links.keySet().stream().collect(Collectors.toMap(id -> id, id -> Boolean.TRUE));
    }

    /** Whether a clinic is connected now. */
    public boolean isConnected(String clinicId) {
        return links.containsKey(clinicId);
    }

    /** Thrown (inside the future) when the clinic is or goes offline before answering. */
    public static final class ClinicOfflineException extends RuntimeException {
        ClinicOfflineException() {
            super("clinic offline", null, false, false);
        }
    }

    /**
     * Sends a sealed request to the clinic; the future completes with its answer, with
     * {@link ClinicOfflineException} if it is not connected, or with a timeout after {@code deadline}.
     */
    public CompletableFuture<SyncAnswer> request(String clinicId, byte[] sealed, Duration deadline) {
        ClinicLink link = links.get(clinicId);
        if (link == null) {
            return CompletableFuture.failedFuture(new ClinicOfflineException());
        }
        String corr = UUID.randomUUID().toString();
        CompletableFuture<SyncAnswer> answer = new CompletableFuture<>();
        pendingSync.put(corr, new PendingSync(clinicId, answer));
        link.sendRequest(corr, sealed);
        return answer.orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((a, e) -> pendingSync.remove(corr));
    }

    /** A {@code response} frame from {@code clinicId}; ignored unless that clinic was asked under this corr. */
    void answered(String clinicId, String corr, SyncAnswer answer) {
        PendingSync pending = pendingSync.get(corr);
        if (pending != null && pending.clinicId().equals(clinicId) && pendingSync.remove(corr, pending)) {
            pending.answer().complete(answer);
        }
    }

    private void tick() {
        for (ClinicLink link : links.values()) {
            try {
                link.keepAlive(webSocket.idleTimeout());
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DeliveryHub.class).warn("keep-alive of {} failed: {}",
                        link.clinicId(), e.toString());
            }
        }
    }

    /** Checks the clinic is still registered and active (revocation ends a live connection at the next tick). */
    boolean stillActive(String clinicId) {
        return store.clinic(clinicId).map(c -> c.active()).orElse(false);
    }

    /** Closes every socket with 1001 (going away) and stops the keep-alive ticker. */
    @Override
    public void close() {
        ticker.shutdownNow();
        for (ClinicLink link : List.copyOf(links.values())) {
            link.shutdown();
        }
    }

    /** Waits until every socket closed, or the deadline passes. */
    public void awaitClosed(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!links.isEmpty() && System.nanoTime() < end) {
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Optional<ClinicLink> link(String clinicId) {
        return Optional.ofNullable(links.get(clinicId));
    }
}
