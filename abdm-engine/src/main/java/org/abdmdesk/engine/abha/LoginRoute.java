package org.abdmdesk.engine.abha;

import java.util.List;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.identity.AadhaarNumber;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Check;
import org.abdmdesk.engine.identity.MobileNumber;

/**
 * How a login is sent (abha-v3.md §4.1 and §4.4): scope, loginHint, otpSystem, the paths of the two
 * steps and which token family results. ABHA addresses use the PHR-web family; the others the
 * {@code /v3/profile/login} family.
 */
record LoginRoute(List<String> scope, String loginHint, String otpSystem, String requestOtpPath, String verifyPath,
        UserToken.Family family) {

    static LoginRoute of(LoginRequest request) {
        boolean aadhaarOtp = request.route() == LoginRequest.OtpRoute.AADHAAR;
        String verify = aadhaarOtp ? "aadhaar-verify" : "mobile-verify";
        String otpSystem = aadhaarOtp ? "aadhaar" : "abdm";
        return switch (request.method()) {
            case ABHA_NUMBER -> profile(List.of("abha-login", verify), "abha-number", otpSystem);
            case MOBILE -> profile(List.of("abha-login", "mobile-verify"), "mobile", "abdm");
            case AADHAAR -> profile(List.of("abha-login", "aadhaar-verify"), "aadhaar", "aadhaar");
            case ABHA_ADDRESS -> new LoginRoute(List.of("abha-address-login", verify), "abha-address", otpSystem,
                    AbhaPaths.PHR_REQUEST_OTP, AbhaPaths.PHR_VERIFY, UserToken.Family.PHR);
        };
    }

    private static LoginRoute profile(List<String> scope, String hint, String otpSystem) {
        return new LoginRoute(scope, hint, otpSystem, AbhaPaths.LOGIN_REQUEST_OTP, AbhaPaths.LOGIN_VERIFY,
                UserToken.Family.PROFILE);
    }

    /**
     * The identifier, checked and normalised, in the form ABDM expects before encryption:
     * hyphenated ABHA number, full ABHA address ({@code name@cmId} when no suffix was typed),
     * 10-digit mobile, 12-digit Aadhaar. Never log the result.
     */
    static String loginId(LoginRequest request, String cmId) throws AbdmException {
        String typed = request.identifier();
        return switch (request.method()) {
            case ABHA_NUMBER -> {
                require(AbhaNumber.check(typed), request);
                yield AbhaNumber.of(typed).hyphenated();
            }
            case MOBILE -> {
                require(MobileNumber.check(typed), request);
                yield MobileNumber.of(typed).digits();
            }
            case AADHAAR -> {
                require(AadhaarNumber.check(typed), request);
                yield AadhaarNumber.of(typed).revealForEncryption();
            }
            case ABHA_ADDRESS -> {
                require(AbhaAddress.checkExisting(typed), request);
                yield AbhaAddress.parse(typed, cmId).full();
            }
        };
    }

    private static void require(Check check, LoginRequest request) throws AbdmException {
        if (!check.acceptable()) {
            String key = check.problemKey().orElseThrow();
            throw AbdmException.invalidInput(key, "login identifier refused locally (" + request.method() + ": " + key
                    + ")");
        }
    }
}
