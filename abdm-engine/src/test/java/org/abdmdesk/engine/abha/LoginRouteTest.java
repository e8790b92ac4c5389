package org.abdmdesk.engine.abha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.abdmdesk.engine.abha.LoginRequest.Method;
import org.abdmdesk.engine.abha.LoginRequest.OtpRoute;
import org.abdmdesk.engine.error.AbdmException;
import org.junit.jupiter.api.Test;

class LoginRouteTest {
    @Test
    void theScopeTableOfAbhaV3() {
        assertRoute(Method.ABHA_NUMBER, OtpRoute.AADHAAR, List.of("abha-login", "aadhaar-verify"), "abha-number", "aadhaar");
        assertRoute(Method.ABHA_NUMBER, OtpRoute.ABHA_MOBILE, List.of("abha-login", "mobile-verify"), "abha-number", "abdm");
        assertRoute(Method.MOBILE, OtpRoute.ABHA_MOBILE, List.of("abha-login", "mobile-verify"), "mobile", "abdm");
        assertRoute(Method.AADHAAR, OtpRoute.AADHAAR, List.of("abha-login", "aadhaar-verify"), "aadhaar", "aadhaar");
        assertRoute(Method.ABHA_ADDRESS, OtpRoute.ABHA_MOBILE, List.of("abha-address-login", "mobile-verify"),
                "abha-address", "abdm");
        assertRoute(Method.ABHA_ADDRESS, OtpRoute.AADHAAR, List.of("abha-address-login", "aadhaar-verify"),
                "abha-address", "aadhaar");
    }

    @Test
    void addressLoginsUseThePhrFamilyAndTheOthersTheProfileFamily() {
        LoginRoute phr = LoginRoute.of(new LoginRequest(Method.ABHA_ADDRESS, OtpRoute.ABHA_MOBILE, "a@sbx"));
        LoginRoute profile = LoginRoute.of(new LoginRequest(Method.MOBILE, OtpRoute.ABHA_MOBILE, "9876543210"));
        assertThat(phr.requestOtpPath()).isEqualTo("v3/phr/web/login/abha/request/otp");
        assertThat(phr.verifyPath()).isEqualTo("v3/phr/web/login/abha/verify");
        assertThat(phr.family()).isEqualTo(UserToken.Family.PHR);
        assertThat(profile.requestOtpPath()).isEqualTo("v3/profile/login/request/otp");
        assertThat(profile.family()).isEqualTo(UserToken.Family.PROFILE);
    }

    @Test
    void identifiersAreNormalised() throws Exception {
        assertThat(LoginRoute.loginId(new LoginRequest(Method.ABHA_NUMBER, OtpRoute.AADHAAR, " 91628545755116 "), "sbx"))
                .isEqualTo("91-6285-4575-5116");
        assertThat(LoginRoute.loginId(new LoginRequest(Method.MOBILE, OtpRoute.ABHA_MOBILE, "+91-98765-43210"), "sbx"))
                .isEqualTo("9876543210");
        assertThat(LoginRoute.loginId(new LoginRequest(Method.ABHA_ADDRESS, OtpRoute.AADHAAR, "Ravi.K"), "sbx"))
                .isEqualTo("ravi.k@sbx");
        assertThat(LoginRoute.loginId(new LoginRequest(Method.ABHA_ADDRESS, OtpRoute.AADHAAR, "ravi@abdm"), "sbx"))
                .isEqualTo("ravi@abdm");
    }

    @Test
    void badIdentifiersNameTheProblemSentence() {
        AbdmException e = catchThrowableOfType(AbdmException.class, () -> LoginRoute.loginId(
                new LoginRequest(Method.MOBILE, OtpRoute.ABHA_MOBILE, "12345"), "sbx"));
        assertThat(e.kind()).isEqualTo(AbdmException.Kind.INVALID_INPUT);
        assertThat(e.advice(java.util.Locale.ENGLISH)).isEqualTo("A mobile number has 10 digits.");
        assertThat(e.getMessage()).doesNotContain("12345");
    }

    private static void assertRoute(Method m, OtpRoute r, List<String> scope, String hint, String otpSystem) {
        LoginRoute route = LoginRoute.of(new LoginRequest(m, r, "x"));
        assertThat(route.scope()).as("%s via %s", m, r).isEqualTo(scope);
        assertThat(route.loginHint()).isEqualTo(hint);
        assertThat(route.otpSystem()).isEqualTo(otpSystem);
    }
}
