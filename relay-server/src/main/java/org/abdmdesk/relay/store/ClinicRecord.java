package org.abdmdesk.relay.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A registered clinic as the relay knows it: routing ids, the public key its messages are sealed to, and the
 * SHA-256 of its secret (never the secret itself).
 */
public record ClinicRecord(String id, String name, Optional<String> hipId, Optional<String> hiuId,
                           byte[] publicKey, byte[] secretSha256, Instant createdAt, Optional<Instant> revokedAt) {
    /** Whether the clinic may still connect and receive. */
    public boolean active() {
        return revokedAt.isEmpty();
    }
}
