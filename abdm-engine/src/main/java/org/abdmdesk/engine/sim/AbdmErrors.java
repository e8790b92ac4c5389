package org.abdmdesk.engine.sim;

/**
 * The refusals the simulator gives, with ABDM's wire codes and English wire texts (protocol data,
 * not our UI). Where ABDM's exact text is not public the wording is ours and kept close to ABDM's.
 */
final class AbdmErrors {
    static final String BLOCKED_MESSAGE = "You have requested multiple OTPs or exceeded maximum number of attempts"
            + " for OTP match in this transaction. Please try again after 30 minutes.";
    static final String ADDRESS_IN_USE_MESSAGE =
            "The requested ABHA address is already in use. Please use a different ABHA address.";
    static final String ADDRESS_POLICY_MESSAGE = "ABHA address should have min 8 characters and max 18 characters;"
            + " special characters allowed - 1 dot (.) and/or 1 underscore (_); special characters should not be"
            + " in the beginning or at the end; it cannot be only numbers";

    private AbdmErrors() {
    }

    static SimError invalidTimestamp() {
        return SimError.nested(400, "ABDM-1016: ", "Invalid Timestamp");
    }

    static SimError invalidRequestId() {
        return SimError.nested(400, "ABDM-1032: ", "Invalid REQUEST-ID header: a UUID is required");
    }

    /**
     * A REQUEST-ID already used: the codes NHA lists for these paths (abdm-gateway-v3.md sections 1.2,
     * 2.1, 5), else ABDM-1064.
     */
    static SimError duplicateRequest(String path) {
        if (path.endsWith("/gateway/v3/bridge/url")) {
            return SimError.nested(400, "ABDM-1094", "Duplicate bridge patch request");
        }
        if (path.endsWith("/patient-share/v3/on-share")) {
            return SimError.nested(400, "ABDM-1087", "Duplicate patient share request");
        }
        return SimError.nested(400, "ABDM-1064", "A request with this request id already exists");
    }

    static SimError invalidCmId() {
        return SimError.nested(400, "ABDM-2403", "Invalid X-CM-ID header");
    }

    static SimError unknownRequestId() {
        return SimError.nested(400, "ABDM-1030", "Invalid request id: response.requestId matches no request sent");
    }

    static SimError alreadyAnswered() {
        return SimError.nested(400, "ABDM-1087", "Duplicate patient share request: this share was already answered");
    }

    static SimError gatewayToken(String path) {
        return SimError.gateway("Access failure for API: " + path
                + ". Make sure your have given the correct access token");
    }

    static SimError badClientCredentials() {
        return SimError.nested(401, "ABDM-1015: ", "Invalid client credentials");
    }

    static SimError transactionNotFound() {
        return SimError.array(400, "ABDM-1006: ", "Transaction is not found");
    }

    static SimError invalid(String what) {
        return SimError.array(400, "ABDM-1006: ", what);
    }

    static SimError uidaiWrongOtp() {
        return SimError.nested(400, "ABDM-1204", "UIDAI Error code : 400 : Invalid Aadhaar OTP value.");
    }

    static SimError uidaiOtpExpired() {
        return SimError.nested(400, "ABDM-1204", "UIDAI Error code : 403 : OTP has expired. Please request a new OTP.");
    }

    static SimError uidaiInvalidAadhaar() {
        return SimError.nested(400, "ABDM-1204", "UIDAI Error code : 998 : Invalid Aadhaar Number.");
    }

    static SimError abdmWrongOtp() {
        return SimError.flat(400, "ABDM-1042", "Invalid OTP");
    }

    static SimError abdmOtpExpired() {
        return SimError.flat(400, "ABDM-1042", "OTP expired. Please request a new OTP.");
    }

    static SimError blocked() {
        return SimError.nested(429, "ABDM-1100", BLOCKED_MESSAGE);
    }

    static SimError resendTooEarly(long secondsLeft) {
        return SimError.nested(429, "ABDM-1022: ",
                "Too many requests. Please wait " + secondsLeft + " seconds before requesting a new OTP.");
    }

    static SimError userNotFound() {
        return SimError.flat(404, "ABDM-1114", "User not found.");
    }

    static SimError addressInUse() {
        return SimError.flat(400, "1434", ADDRESS_IN_USE_MESSAGE);
    }

    static SimError xTokenExpired() {
        return SimError.flat(401, "ABDM-1094", "X-token expired");
    }

    static SimError tTokenExpired() {
        return SimError.flat(401, "ABDM-1006", "T-token expired");
    }

    static SimError internal() {
        return SimError.nested(500, "ABDM-9999: ", "Unknown exception");
    }
}
