package org.abdmdesk.engine.sim;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.abdmdesk.engine.sim.OtpChallenge.Verifier;

/**
 * What the endpoint families share: the state, sending OTPs to the simulated phones (outside the
 * state lock, so a slow listener never holds up other requests), and the user-token headers.
 */
final class EndpointSupport {
    final SimState state;
    private final MemoryOtpInbox inbox;
    private final Supplier<String> otpGenerator;

    EndpointSupport(SimState state, MemoryOtpInbox inbox, Supplier<String> otpGenerator) {
        this.state = state;
        this.inbox = inbox;
        this.otpGenerator = otpGenerator;
    }

    private record Sent(Txn txn, SentOtp otp) {
    }

    /**
     * request/otp for an identifier: a live transaction for the same {@code loginKey} and purpose
     * gets a resend (ABDM's resend rules apply); otherwise a new transaction starts.
     */
    Txn sendOtp(String loginKey, Txn.Flow flow, String purpose, Verifier verifier, String sentTo, Instant now,
            Consumer<Txn> init) {
        Sent sent = state.locked(() -> {
            Txn txn = state.liveTxnFor(loginKey, purpose, now).orElse(null);
            if (txn != null) {
                txn.challenge.resend(newOtp(), now);
            } else {
                txn = state.newTxn(flow, loginKey, now);
                init.accept(txn);
                txn.challenge = new OtpChallenge(purpose, verifier, sentTo, newOtp(), now);
            }
            return new Sent(txn, new SentOtp(sentTo, txn.challenge.otp(), purpose, now));
        });
        inbox.deliver(sent.otp());
        return sent.txn();
    }

    /**
     * request/otp inside an existing transaction (e.g. mobile verification during enrolment): the
     * same purpose and destination again is a resend, anything else a new OTP. Runs under the lock
     * already held by the caller's step; returns the OTP to deliver once the lock is released.
     */
    SentOtp sendOtpWithin(Txn txn, String purpose, Verifier verifier, String sentTo, Instant now) {
        OtpChallenge current = txn.challenge;
        if (current != null && current.purpose.equals(purpose) && current.sentTo.equals(sentTo)
                && current.live(now)) {
            current.resend(newOtp(), now);
        } else {
            txn.challenge = new OtpChallenge(purpose, verifier, sentTo, newOtp(), now);
        }
        return new SentOtp(sentTo, txn.challenge.otp(), purpose, now);
    }

    void deliver(SentOtp otp) {
        inbox.deliver(otp);
    }

    /** The user's X-token of this family, or 401 ABDM-1094 "X-token expired". */
    Grant xToken(SimRequest request, Grant.Kind family) {
        String token = bearer(request, "X-token");
        return state.locked(() -> state.grantFor(token, request.now()))
                .filter(g -> g.kind() == family)
                .orElseThrow(AbdmErrors::xTokenExpired);
    }

    /** The mobile login's T-token, or 401 "T-token expired". */
    Grant tToken(SimRequest request) {
        String token = bearer(request, "T-token");
        return state.locked(() -> state.grantFor(token, request.now()))
                .filter(g -> g.kind() == Grant.Kind.TRANSFER)
                .orElseThrow(AbdmErrors::tTokenExpired);
    }

    /** ABDM's "OTP sent" sentence, naming the masked destination. */
    static String otpSentMessage(Verifier verifier, String sentTo) {
        return verifier == Verifier.AADHAAR
                ? "OTP is sent to Aadhaar registered mobile number ending with " + Masks.mobile(sentTo)
                : "OTP is sent to Mobile number ending with " + Masks.mobile(sentTo);
    }

    private String newOtp() {
        String otp = otpGenerator.get();
        if (otp == null || !otp.matches("\\d{6}")) {
            throw new IllegalStateException("the OTP generator must give 6 digits");
        }
        return otp;
    }

    private static String bearer(SimRequest request, String header) {
        String value = request.header(header).orElse("");
        return value.startsWith("Bearer ") ? value.substring("Bearer ".length()).strip() : "";
    }
}
