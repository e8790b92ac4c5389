package org.abdmdesk.engine.share;

/**
 * Why a profile share was refused, with the ABDM-style code and message the FAILED on-share carries
 * (abdm-gateway-v3.md section 2.1: ABDM-1049 intent, ABDM-1050 metadata). Messages name fields, never
 * patient data.
 */
final class ShareRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    static final String INTENT = "ABDM-1049";
    static final String METADATA = "ABDM-1050";
    static final String PROFILE = "ABDM-1006";

    private final String code;

    ShareRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }

    static ShareRefusal intent(String detail) {
        return new ShareRefusal(INTENT, "Invalid Profile Share Intent Keys: " + detail);
    }

    static ShareRefusal metadata(String detail) {
        return new ShareRefusal(METADATA, "Invalid Profile Share Metadata Keys: " + detail);
    }

    static ShareRefusal profile(String detail) {
        return new ShareRefusal(PROFILE, "Invalid profile: " + detail);
    }
}
