package org.abdmdesk.engine.relay;

/**
 * A sealed envelope from the relay could not be opened: wrong version byte, too short, altered on
 * the way, sealed to another key, or not the JSON the protocol promises. The message says which,
 * and never carries any of the envelope's content.
 */
public final class SealedEnvelopeException extends Exception {
    private static final long serialVersionUID = 1L;

    SealedEnvelopeException(String message) {
        super(message);
    }

    SealedEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
