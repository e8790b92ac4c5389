package org.abdmdesk.engine.callback;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay client's sink in the running app: stores each delivered callback in the
 * {@link InboundStore} (durably, before the relay is acknowledged) and then wakes the dispatcher.
 * A callback whose REQUEST-ID is already stored is a redelivery: it is accepted again (so it is
 * acknowledged again) and not dispatched a second time. A store failure propagates, so no ack is sent.
 */
final class StoringInboundSink implements InboundSink {
    private static final Logger LOG = LoggerFactory.getLogger(StoringInboundSink.class);

    private final InboundStore store;
    private final Runnable wake;

    StoringInboundSink(InboundStore store, Runnable wake) {
        this.store = Objects.requireNonNull(store, "store");
        this.wake = Objects.requireNonNull(wake, "wake");
    }

    @Override
    public boolean accept(InboundCallback callback) {
        if (store.storeIfNew(callback)) {
            LOG.debug("Stored callback {} (relay seq {})", callback.requestId(), callback.relaySeq());
            wake.run();
        } else {
            LOG.info("Callback {} (relay seq {}) was already stored; acknowledging again", callback.requestId(),
                    callback.relaySeq());
        }
        return true;
    }
}
