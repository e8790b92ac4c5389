package org.abdmdesk.engine.sim;

import java.time.Instant;

/** What a user token stands for: an X-token of one API family, or a mobile login's T-token. */
record Grant(Kind kind, String abhaNumber, String phrAddress, String txnId, Instant expiresAt) {
    enum Kind { PROFILE, PHR, TRANSFER }

    boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
