package org.abdmdesk.engine.sim;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One ABDM transaction ({@code txnId}): what it is for, what it has established so far, and its
 * current OTP. Mutable; only touched while {@link SimState}'s lock is held.
 */
final class Txn {
    enum Flow { ENROL_AADHAAR, ENROL_DRIVING_LICENCE, LOGIN, PHR_LOGIN }

    final String id;
    final Flow flow;
    final Instant createdAt;
    /** For request/otp without a txnId: a repeat for the same identifier is a resend of this txn. */
    final String loginKey;
    OtpChallenge challenge;
    Set<String> scope = Set.of();
    String loginHint;
    /** Aadhaar flows: the (fake) Aadhaar number, kept in memory only for the transaction. */
    String aadhaar;
    /** The ABHA (14 digits) this transaction enrolled or logs into. */
    String abhaNumber;
    /** PHR login: the full ABHA address. */
    String phrAddress;
    /** Mobile login: the ABHAs on that mobile. */
    List<String> candidates = List.of();
    /** Mobile / e-mail being verified; for the driving-licence flow, the verified mobile. */
    String pendingContact;
    boolean contactVerified;

    Txn(String id, Flow flow, String loginKey, Instant createdAt) {
        this.id = id;
        this.flow = flow;
        this.loginKey = loginKey;
        this.createdAt = createdAt;
    }
}
