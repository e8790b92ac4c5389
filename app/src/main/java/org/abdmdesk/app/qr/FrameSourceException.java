package org.abdmdesk.app.qr;

/** A camera or file could not give a picture; {@link #messageKey()} names the sentence for the desk. */
public final class FrameSourceException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String messageKey;

    public FrameSourceException(String messageKey, String technical, Throwable cause) {
        super(technical, cause);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
