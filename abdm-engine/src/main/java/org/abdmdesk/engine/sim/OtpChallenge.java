package org.abdmdesk.engine.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * One OTP sent for one purpose in one transaction, with ABDM's rules: valid 10 minutes, a resend
 * only after 60 s and at most 2 resends (the 3rd blocks), 5 wrong entries block; a block lasts 30
 * minutes. Mutable; only touched while {@link SimState}'s lock is held.
 */
final class OtpChallenge {
    static final Duration VALIDITY = Duration.ofMinutes(10);
    static final Duration RESEND_GAP = Duration.ofSeconds(60);
    static final Duration BLOCK = Duration.ofMinutes(30);
    static final int MAX_RESENDS = 2;
    static final int MAX_WRONG = 5;

    /** Who checks the OTP: UIDAI ({@code aadhaar}) or ABDM ({@code abdm}); decides the error codes. */
    enum Verifier { AADHAAR, ABDM }

    final String purpose;
    final Verifier verifier;
    final String sentTo;
    private String otp;
    private Instant sentAt;
    private int resends;
    private int wrong;
    private Instant blockedUntil = Instant.MIN;
    private boolean verified;

    OtpChallenge(String purpose, Verifier verifier, String sentTo, String otp, Instant now) {
        this.purpose = purpose;
        this.verifier = verifier;
        this.sentTo = sentTo;
        this.otp = otp;
        this.sentAt = now;
    }

    /** Still worth resending on (not verified, and either still valid or still blocked). */
    boolean live(Instant now) {
        return !verified && (now.isBefore(sentAt.plus(VALIDITY)) || now.isBefore(blockedUntil));
    }

    /** The current OTP, only for handing to the simulated phone. */
    String otp() {
        return otp;
    }

    boolean verified() {
        return verified;
    }

    /** A resend: the new OTP replaces the old one. */
    void resend(String newOtp, Instant now) {
        checkNotBlocked(now);
        Duration since = Duration.between(sentAt, now);
        if (since.compareTo(RESEND_GAP) < 0) {
            throw AbdmErrors.resendTooEarly(RESEND_GAP.minus(since).toSeconds() + 1);
        }
        if (resends >= MAX_RESENDS) {
            blockedUntil = now.plus(BLOCK);
            throw AbdmErrors.blocked();
        }
        resends++;
        otp = newOtp;
        sentAt = now;
    }

    /** Checks an entered OTP; throws ABDM's refusal when wrong, expired, used or blocked. */
    void verify(String entered, Instant now) {
        checkNotBlocked(now);
        if (verified) {
            throw AbdmErrors.invalid("OTP is already verified for this transaction");
        }
        if (!now.isBefore(sentAt.plus(VALIDITY))) {
            throw verifier == Verifier.AADHAAR ? AbdmErrors.uidaiOtpExpired() : AbdmErrors.abdmOtpExpired();
        }
        if (!otp.equals(entered)) {
            wrong++;
            if (wrong >= MAX_WRONG) {
                blockedUntil = now.plus(BLOCK);
            }
            throw verifier == Verifier.AADHAAR ? AbdmErrors.uidaiWrongOtp() : AbdmErrors.abdmWrongOtp();
        }
        verified = true;
    }

    private void checkNotBlocked(Instant now) {
        if (now.isBefore(blockedUntil)) {
            throw AbdmErrors.blocked();
        }
    }
}
