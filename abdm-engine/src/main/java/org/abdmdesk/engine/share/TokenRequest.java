package org.abdmdesk.engine.share;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;

/**
 * What {@link ShareTokens#issue} needs: the share's REQUEST-ID, the counter and the clinic's local
 * day, who shared (ABHA and the matched patient), now, and until when a new token would be valid.
 */
public record TokenRequest(String requestId, String counter, LocalDate day, Optional<AbhaNumber> abhaNumber,
        Optional<AbhaAddress> abhaAddress, long patientId, Instant now, Instant expiresAt) {

    public TokenRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(abhaNumber, "abhaNumber");
        Objects.requireNonNull(abhaAddress, "abhaAddress");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("a token must be valid for some time");
        }
    }
}
