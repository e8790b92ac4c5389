package org.abdmdesk.engine.abha;

/** ABDM sent an OTP: the transaction to continue and ABDM's sentence (it names the masked mobile). */
public record OtpSent(String txnId, String message) {
}
