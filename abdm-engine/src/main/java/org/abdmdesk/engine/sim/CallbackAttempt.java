package org.abdmdesk.engine.sim;

import java.time.Instant;

/**
 * One try at delivering a gateway callback to the bridge: the callback's REQUEST-ID (the same on
 * every try), its path under the bridge URL, the try number (from 1), the HTTP status the bridge
 * answered or {@link #NO_ANSWER}, why there was no answer (exception class and message, else empty),
 * and when the try started (simulator clock).
 */
public record CallbackAttempt(String requestId, String path, int attempt, int status, String failure, Instant at) {
    /** {@link #status()} when the bridge gave no HTTP answer (refused, reset, timed out). */
    public static final int NO_ANSWER = -1;

    public boolean delivered() {
        return status >= 200 && status < 300;
    }

    /** No answer or a 5xx: worth another try. */
    boolean retryable() {
        return status == NO_ANSWER || status >= 500;
    }
}
