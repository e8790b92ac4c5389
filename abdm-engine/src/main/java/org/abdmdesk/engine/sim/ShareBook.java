package org.abdmdesk.engine.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile shares the simulator sent to bridges and the HIPs' on-share answers, with the
 * listeners (the demo's patient phone) told of each answer. Thread-safe; listeners run outside the
 * lock, on the thread that accepted the answer.
 */
final class ShareBook {
    private static final Logger LOG = LoggerFactory.getLogger(ShareBook.class);

    /** A share sent: its REQUEST-ID, to which HIP and counter, for which ABHA address. */
    record SentShare(String requestId, String hipId, String counterId, String abhaAddress, Instant at) {
    }

    private final Map<String, SentShare> sent = new HashMap<>();
    private final Map<String, OnShareReply> answered = new HashMap<>();
    private final List<OnShareReply> replies = new ArrayList<>();
    private final List<Consumer<OnShareReply>> listeners = new CopyOnWriteArrayList<>();

    synchronized void sent(SentShare share) {
        sent.put(share.requestId(), share);
    }

    /**
     * Records {@code reply} if it answers a share sent and not yet answered, for the same ABHA address;
     * otherwise throws the gateway's refusal. Then tells the listeners.
     */
    void accept(OnShareReply reply) {
        synchronized (this) {
            SentShare share = sent.get(reply.requestId());
            if (share == null) {
                throw AbdmErrors.unknownRequestId();
            }
            if (answered.containsKey(reply.requestId())) {
                throw AbdmErrors.alreadyAnswered();
            }
            if (!reply.abhaAddress().isEmpty() && !reply.abhaAddress().equals(share.abhaAddress())) {
                throw SimError.fieldMap("acknowledgement.abhaAddress", "does not match the ABHA address shared");
            }
            answered.put(reply.requestId(), reply);
            replies.add(reply);
        }
        for (Consumer<OnShareReply> listener : listeners) {
            try {
                listener.accept(reply);
            } catch (RuntimeException e) {
                LOG.warn("an on-share listener failed: {}", Failures.describe(e));
            }
        }
    }

    synchronized List<OnShareReply> replies() {
        return List.copyOf(replies);
    }

    void addListener(Consumer<OnShareReply> listener) {
        listeners.add(listener);
    }
}
