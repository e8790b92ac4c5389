package org.abdmdesk.engine.callback;

/**
 * Receives each callback the relay delivers, before the relay is acknowledged. The relay client
 * acknowledges only when {@link #accept} returns {@code true}; {@code false} or an exception means
 * "not kept", and the relay will deliver it again.
 */
@FunctionalInterface
public interface InboundSink {

    /**
     * Stores {@code callback} durably (or recognises it as already stored, by REQUEST-ID) and returns
     * {@code true}; returns {@code false} or throws when it could not be kept.
     */
    boolean accept(InboundCallback callback);
}
