package org.abdmdesk.engine.share;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;

/**
 * A queue token given to a patient who shared their profile at a counter ("Scan &amp; Share"):
 * {@code number} is sequential per counter per local {@code day}; the token is valid until
 * {@code expiresAt}. {@code requestId} is the REQUEST-ID of the share that created it (a repeat
 * share within validity gets this same token). {@link #toString()} leaves the ABHA out.
 */
public record ShareToken(long id, String counter, LocalDate day, int number, Optional<AbhaNumber> abhaNumber,
        Optional<AbhaAddress> abhaAddress, long patientId, String requestId, Status status, Instant createdAt,
        Instant expiresAt) {

    /** Where the patient is in the queue. */
    public enum Status {
        /** Shared, waiting to be called. */
        WAITING,
        /** Called to the counter. */
        CALLED,
        /** Seen; a new share at this counter gets a new token. */
        DONE
    }

    public ShareToken {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(abhaNumber, "abhaNumber");
        Objects.requireNonNull(abhaAddress, "abhaAddress");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (number < 1) {
            throw new IllegalArgumentException("token numbers start at 1");
        }
    }

    /** Still valid at {@code now}. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "ShareToken[id=" + id + ", counter=" + counter + ", day=" + day + ", number=" + number + ", patient="
                + patientId + ", status=" + status + ", expiresAt=" + expiresAt + "]";
    }
}
