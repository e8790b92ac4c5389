package org.abdmdesk.engine.abha;

/**
 * The result of {@code enrol/byAadhaar}. {@code isNew} is false when this Aadhaar already had an
 * ABHA: ABDM then returns the existing one, and the desk offers to use it.
 * {@code mobileMatches} is false when the communication mobile differs from the one on the ABHA,
 * which means the mobile must be verified with its own OTP before going on.
 */
public record Enrolment(String txnId, AbhaProfile profile, UserToken token, boolean isNew, boolean mobileMatches) {
}
