package org.abdmdesk.engine.abha;

import java.time.Instant;

/**
 * A user's X-token, kept only in memory. {@link Family} says which API family issued it: the
 * ABHA-number family ({@code /v3/profile/...}) or the PHR-web family used by ABHA-address logins.
 */
public record UserToken(String token, Instant expiresAt, Family family) {
    public enum Family { PROFILE, PHR }

    @Override
    public String toString() {
        return "UserToken[" + family + ", expires " + expiresAt + "]";
    }
}
