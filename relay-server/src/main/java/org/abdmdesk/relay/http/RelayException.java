package org.abdmdesk.relay.http;

/**
 * A request the relay refuses. {@link #reason} is both the metrics label and the key of the sentence
 * ({@code error.<reason>}) in the messages bundle; {@link ErrorResponses} turns it into the protocol's error body.
 */
public final class RelayException extends RuntimeException {
    private final int status;
    private final String reason;
    private final String allow;
    private final String metricLabel;

    public RelayException(int status, String reason) {
        this(status, reason, null, reason);
    }

    private RelayException(int status, String reason, String allow, String metricLabel) {
        super(status + " " + reason, null, false, false);
        this.status = status;
        this.reason = reason;
        this.allow = allow;
        this.metricLabel = metricLabel;
    }

    /** The same refusal, counted in metrics under a finer label (e.g. {@code jwt_expired}). */
    public RelayException countedAs(String label) {
        return new RelayException(status, reason, allow, label);
    }

    /** The {@code reason} label of {@code relay_rejected_total}. */
    public String metricLabel() {
        return metricLabel;
    }

    /** 405 for a path that takes only {@code allowedMethod}. */
    public static RelayException methodNotAllowed(String allowedMethod) {
        return new RelayException(405, "method", allowedMethod, "method");
    }

    /** The {@code Allow} header value of a 405, else null. */
    public String allow() {
        return allow;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
