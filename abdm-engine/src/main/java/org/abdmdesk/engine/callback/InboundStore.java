package org.abdmdesk.engine.callback;

import java.util.List;
import java.util.Map;

/**
 * Where inbound callbacks are kept durably (implemented by the local store). The relay client stores
 * a callback here before it acknowledges it, so a crash can lose nothing; the
 * {@link CallbackDispatcher} then works through {@link #pending()}.
 */
public interface InboundStore {

    /** What became of a stored callback. */
    enum State {
        /** Stored, not yet handled (or handling was interrupted by a crash). */
        RECEIVED,
        /** A handler took care of it. */
        HANDLED,
        /** No handler, or the handler failed; kept with the reason, never dropped. */
        FAILED
    }

    /**
     * Stores {@code callback} durably (committed before returning) unless one with the same
     * {@code requestId} is already stored. Returns {@code false} for such a duplicate, which is left as it was.
     */
    boolean storeIfNew(InboundCallback callback);

    /** The callbacks still {@link State#RECEIVED}, oldest first. */
    List<InboundCallback> pending();

    /** Marks the callback handled. */
    void markHandled(String requestId);

    /** Marks the callback failed, keeping {@code reason} (technical: ids, never patient data). */
    void markFailed(String requestId, String reason);

    /** How many callbacks are in each state (every state present, zero included), for the status line. */
    Map<State, Integer> counts();
}
