package org.abdmdesk.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.abdmdesk.engine.callback.InboundCallback;
import org.abdmdesk.engine.callback.InboundSink;
import org.abdmdesk.engine.callback.InboundStore;
import org.abdmdesk.engine.relay.LinkState;
import org.abdmdesk.engine.relay.RelayClient;
import org.abdmdesk.engine.relay.RelaySettings;
import org.abdmdesk.engine.relay.SealingKeys;
import org.abdmdesk.store.LocalStore;

/**
 * A clinic workstation as far as callbacks go: the engine's real {@link RelayClient} storing into the real
 * {@code SqliteInboundStore} of a {@link LocalStore} (store before ack, duplicates by REQUEST-ID ignored).
 * Counts how often each REQUEST-ID was handed over, so tests can tell a redelivery happened.
 */
final class Workstation implements AutoCloseable {
    private static final Duration RECONNECT = Duration.ofMillis(200);

    private final KeyPair keys = SealingKeys.generate();
    private final LocalStore store;
    private final Map<String, AtomicInteger> handedOver = new ConcurrentHashMap<>();
    private volatile Predicate<InboundCallback> refuseAfterStoring = c -> false;
    private RelayClient client;

    Workstation(Path dataDir) {
        store = LocalStore.open(dataDir.resolve(LocalStore.DATABASE_FILE_NAME));
    }

    /** The public key for {@code clinic add --public-key}. */
    String publicKeyBase64() {
        return SealingKeys.publicKeyBase64(keys.getPublic());
    }

    /**
     * Makes the sink store a matching callback and then report "not kept", as if the workstation died between
     * its commit and its ack: the client drops the link and the relay delivers it (and what follows) again.
     */
    void refuseAfterStoring(Predicate<InboundCallback> which) {
        refuseAfterStoring = which;
    }

    /** Connects (or reconnects, with new settings) the relay client; it retries every 200 ms on its own. */
    synchronized void connect(URI webSocket, String credential) {
        stop();
        InboundSink sink = this::accept;
        client = RelayClient.builder(new RelaySettings(webSocket, credential, keys.getPrivate()), sink)
                .backoff(failures -> RECONNECT).build();
        client.start();
    }

    private boolean accept(InboundCallback callback) {
        handedOver.computeIfAbsent(callback.requestId(), id -> new AtomicInteger()).incrementAndGet();
        inbound().storeIfNew(callback);
        return !refuseAfterStoring.test(callback);
    }

    synchronized LinkState state() {
        return client == null ? LinkState.DISCONNECTED : client.state();
    }

    /** Closes the link (unacked messages stay at the relay). */
    synchronized void stop() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    InboundStore inbound() {
        return store.inbound();
    }

    /** Everything stored, in the order it was stored (all RECEIVED: nothing dispatches in these tests). */
    List<InboundCallback> stored() {
        return inbound().pending();
    }

    /** How often the relay client handed this REQUEST-ID to the sink. */
    int timesHandedOver(String requestId) {
        AtomicInteger n = handedOver.get(requestId);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        stop();
        store.close();
    }
}
