package org.abdmdesk.engine.abha;

/** The ABHA V3 paths we call, relative to the ABHA base URL (abha-v3.md §3, §4). */
final class AbhaPaths {
    static final String CERTIFICATE = "v3/profile/public/certificate";

    static final String ENROL_REQUEST_OTP = "v3/enrollment/request/otp";
    static final String ENROL_BY_AADHAAR = "v3/enrollment/enrol/byAadhaar";
    static final String ENROL_AUTH_BY_ABDM = "v3/enrollment/auth/byAbdm";
    static final String ENROL_SUGGESTION = "v3/enrollment/enrol/suggestion";
    static final String ENROL_ABHA_ADDRESS = "v3/enrollment/enrol/abha-address";
    static final String ENROL_BY_DOCUMENT = "v3/enrollment/enrol/byDocument";

    static final String LOGIN_REQUEST_OTP = "v3/profile/login/request/otp";
    static final String LOGIN_VERIFY = "v3/profile/login/verify";
    static final String LOGIN_VERIFY_USER = "v3/profile/login/verify/user";
    static final String PROFILE = "v3/profile/account";
    static final String PROFILE_CARD = "v3/profile/account/abha-card";
    static final String PROFILE_QR = "v3/profile/account/qrCode";

    static final String PHR_REQUEST_OTP = "v3/phr/web/login/abha/request/otp";
    static final String PHR_VERIFY = "v3/phr/web/login/abha/verify";
    static final String PHR_PROFILE = "v3/phr/web/login/profile/abha-profile";
    static final String PHR_CARD = "v3/phr/web/login/profile/abha/phr-card";
    static final String PHR_QR = "v3/phr/web/login/profile/abha/qrcode";

    private AbhaPaths() {
    }
}
