package org.abdmdesk.relay.auth;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that passed every check, remembered by their exact text until they expire, so the gateway's reused
 * 20-minute token costs one RSA verification instead of one per callback. An entry is trusted only up to
 * {@code min(exp + skew, verifiedAt + maxAge)} (so a key withdrawn from the JWKS stops working within
 * {@code maxAge}); the cache is bounded and simply emptied when full.
 */
final class VerifiedTokens {
    private final ConcurrentHashMap<String, Instant> validUntil = new ConcurrentHashMap<>();
    private final int capacity;

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
    }

    /** Whether this exact token was verified and is still within its trusted time. */
    boolean contains(String token, Instant now) {
        Instant until = validUntil.get(token);
        if (until == null) {
            return false;
        }
        if (!now.isBefore(until)) {
            validUntil.remove(token, until);
            return false;
        }
        return true;
    }

    void remember(String token, Instant until) {
        if (validUntil.size() >= capacity) {
            validUntil.clear();
        }
        validUntil.put(token, until);
    }
}
