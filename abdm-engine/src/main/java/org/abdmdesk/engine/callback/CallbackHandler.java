package org.abdmdesk.engine.callback;

/**
 * Handles one kind of stored callback (one path), e.g. a profile share: reads the body, does the
 * clinic's work and usually enqueues the reply in the outbox. Register it with
 * {@link CallbackDispatcher.Builder#on(String, CallbackHandler)}.
 *
 * <p>A callback is handled at least once: after a crash between handling and marking it handled it
 * is handled again, so a handler should be idempotent (e.g. derive its outbox message id from the
 * callback's REQUEST-ID). Throwing marks the callback failed with the exception's message, which
 * must therefore carry ids, never patient data.
 */
@FunctionalInterface
public interface CallbackHandler {
    void handle(InboundCallback callback) throws Exception;
}
