package org.abdmdesk.engine.fidelius;

import java.util.Objects;

/**
 * Why a Fidelius key could not be used or a payload could not be encrypted or decrypted. Thrown instead of
 * returning any partial output. The message is English for logs and never contains key or payload bytes;
 * {@link #reason()} lets a user interface say it in the user's language.
 */
public final class FideliusException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The kind of failure, stable for user-facing sentences and tests. */
    public enum Reason {
        /** A value is not valid standard base64. */
        BAD_BASE64,
        /** The private key is not a scalar in [1, n-1] of the curve. */
        BAD_PRIVATE_KEY,
        /** The public key is neither a 65-byte uncompressed point nor the 309-byte X.509 form. */
        BAD_PUBLIC_KEY_ENCODING,
        /** The public key's coordinates are not a usable point of the curve. */
        PUBLIC_KEY_OFF_CURVE,
        /** A nonce is not 32 bytes. */
        BAD_NONCE,
        /** The ciphertext is shorter than the 16-byte tag, or its tag does not match (wrong keys, nonces or data). */
        TAG_MISMATCH
    }

    private final Reason reason;

    FideliusException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    FideliusException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }
}
