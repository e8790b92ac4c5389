package org.abdmdesk.engine.relay;

import java.time.Duration;

/** How long the relay client waits before reconnecting; injected so tests run in milliseconds. */
@FunctionalInterface
public interface Backoff {
    /** Asked for when the relay is rate-limiting this workstation: the longest wait. */
    int LONGEST = 64;

    /** The wait before reconnection attempt number {@code failures} (1 after the first failure, reset by a welcome). */
    Duration delay(int failures);
}
