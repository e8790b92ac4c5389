package org.abdmdesk.engine.relay;

/**
 * Answers the relay's synchronous calls (protocol §4.3: a path the relay holds open and forwards as
 * a {@code request} frame). Runs on a worker thread; it must answer within the relay's deadline
 * (10 s by default). Throwing answers 500.
 */
@FunctionalInterface
public interface SyncHandler {
    /** Answers 404 to everything: for a clinic with no synchronous paths (the relay's default). */
    SyncHandler NONE = request -> new SyncResponse(404, "application/json", "{}");

    SyncResponse handle(RelayEnvelope request) throws Exception;
}
