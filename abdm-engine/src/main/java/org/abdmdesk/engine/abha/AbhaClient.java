package org.abdmdesk.engine.abha;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.gateway.AbdmConfig;
import org.abdmdesk.engine.gateway.GatewayHttp;
import org.abdmdesk.engine.gateway.Payload;
import org.abdmdesk.engine.identity.AadhaarNumber;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Check;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.identity.Otp;

/**
 * {@link AbhaService} over ABDM's ABHA V3 HTTP APIs (or the offline simulator at another base URL).
 * Create one per configuration with {@link #create(AbdmConfig, Clock)}, share it between screens,
 * and close it when the application ends. Thread-safe. Calls block; interrupting the calling thread
 * cancels the HTTP call. Sensitive values are encrypted here, right before they leave, and never
 * logged.
 */
public final class AbhaClient implements AbhaService, AutoCloseable {
    static final String ADVICE_NO_ABHA_ON_MOBILE = "error.noAbhaOnMobile";
    static final String ADVICE_NO_ABHA_FOR_AADHAAR = "error.noAbhaForAadhaar";
    private static final Set<String> USER_NOT_FOUND_CODES = Set.of("ABDM-1114", "ABDM-1211");

    /** One step that may need to be re-encrypted with a fresh key. */
    private interface Step<T> {
        T run() throws AbdmException;
    }

    private final GatewayHttp http;
    private final AbhaCrypto crypto;
    private final AbhaResponses responses;
    private final String cmId;

    AbhaClient(GatewayHttp http, Clock clock) {
        this.http = http;
        this.crypto = new AbhaCrypto(http);
        this.cmId = http.config().cmId();
        this.responses = new AbhaResponses(clock, cmId);
    }

    /** The client for {@code config}; {@code clock} is the source of TIMESTAMPs and token expiry. */
    public static AbhaClient create(AbdmConfig config, Clock clock) {
        return new AbhaClient(GatewayHttp.create(config, clock), clock);
    }

    // ---- Enrolment by Aadhaar OTP ----

    @Override
    public OtpSent requestEnrolmentOtp(AadhaarNumber aadhaar) throws AbdmException {
        Objects.requireNonNull(aadhaar);
        return encrypted(() -> responses.otpSent(post(AbhaPaths.ENROL_REQUEST_OTP,
                AbhaRequests.requestOtp("", AbhaRequests.ENROL, "aadhaar",
                        crypto.encrypt(aadhaar.revealForEncryption()), "aadhaar")), AbhaPaths.ENROL_REQUEST_OTP));
    }

    @Override
    public Enrolment enrolByAadhaar(String txnId, Otp otp, MobileNumber communicationMobile) throws AbdmException {
        Objects.requireNonNull(txnId);
        Objects.requireNonNull(communicationMobile);
        JsonNode answer = encrypted(() -> post(AbhaPaths.ENROL_BY_AADHAAR, AbhaRequests.enrolByAadhaar(txnId,
                crypto.encrypt(otp.revealForEncryption()), communicationMobile.digits(), http.timestamp())));
        return responses.enrolment(answer, communicationMobile, txnId, AbhaPaths.ENROL_BY_AADHAAR);
    }

    @Override
    public OtpSent requestMobileVerificationOtp(String txnId, MobileNumber mobile) throws AbdmException {
        Objects.requireNonNull(txnId);
        return requestMobileOtp(txnId, AbhaRequests.ENROL_MOBILE, mobile);
    }

    @Override
    public String verifyMobileOtp(String txnId, Otp otp) throws AbdmException {
        return verifyEnrolmentOtp(AbhaRequests.ENROL_MOBILE, txnId, otp);
    }

    @Override
    public List<String> suggestAddresses(String txnId) throws AbdmException {
        Objects.requireNonNull(txnId);
        return responses.suggestions(http.getJson(url(AbhaPaths.ENROL_SUGGESTION), Map.of("TRANSACTION_ID", txnId)));
    }

    @Override
    public CreatedAddress createAbhaAddress(String txnId, String username) throws AbdmException {
        Objects.requireNonNull(txnId);
        String bare = username == null ? "" : username.strip();
        if (bare.contains("@")) {
            bare = bare.substring(0, bare.indexOf('@'));
        }
        Check check = AbhaAddress.checkNewUsername(bare);
        if (!check.acceptable()) {
            String key = check.problemKey().orElseThrow();
            throw AbdmException.invalidInput(key, "ABHA address refused locally: " + key);
        }
        String lower = bare.toLowerCase(Locale.ROOT);
        JsonNode answer = post(AbhaPaths.ENROL_ABHA_ADDRESS, AbhaRequests.abhaAddress(txnId, lower));
        return responses.createdAddress(answer, txnId, lower, AbhaPaths.ENROL_ABHA_ADDRESS);
    }

    // ---- Enrolment by mobile OTP + driving licence ----

    @Override
    public OtpSent requestDrivingLicenceMobileOtp(MobileNumber mobile) throws AbdmException {
        return requestMobileOtp(null, AbhaRequests.ENROL_DL_MOBILE, mobile);
    }

    @Override
    public String verifyDrivingLicenceMobileOtp(String txnId, Otp otp) throws AbdmException {
        return verifyEnrolmentOtp(AbhaRequests.ENROL_DL_MOBILE, txnId, otp);
    }

    @Override
    public DocumentEnrolment enrolByDrivingLicence(String txnId, DrivingLicenceApplication application)
            throws AbdmException {
        Objects.requireNonNull(txnId);
        Objects.requireNonNull(application);
        JsonNode answer = post(AbhaPaths.ENROL_BY_DOCUMENT, AbhaRequests.byDrivingLicence(txnId, application));
        return responses.documentEnrolment(answer, txnId, AbhaPaths.ENROL_BY_DOCUMENT);
    }

    // ---- Verification / login ----

    @Override
    public OtpSent requestLoginOtp(LoginRequest request) throws AbdmException {
        LoginRoute route = LoginRoute.of(request);
        String loginId = LoginRoute.loginId(request, cmId);
        try {
            return encrypted(() -> responses.otpSent(post(route.requestOtpPath(), AbhaRequests.requestOtp(null,
                    route.scope(), route.loginHint(), crypto.encrypt(loginId), route.otpSystem())),
                    route.requestOtpPath()));
        } catch (AbdmException e) {
            throw explainNotFound(request, e);
        }
    }

    @Override
    public LoginResult verifyLoginOtp(LoginRequest request, String txnId, Otp otp) throws AbdmException {
        Objects.requireNonNull(txnId);
        LoginRoute route = LoginRoute.of(request);
        JsonNode answer;
        try {
            answer = encrypted(() -> post(route.verifyPath(),
                    AbhaRequests.loginVerify(route.scope(), txnId, crypto.encrypt(otp.revealForEncryption()))));
        } catch (AbdmException e) {
            throw explainNotFound(request, e);
        }
        String nextTxn = responses.txnId(answer, txnId, route.verifyPath());
        List<AccountSummary> accounts = responses.accounts(answer);
        if (request.method() != LoginRequest.Method.MOBILE) {
            UserToken token = responses.token(answer, route.family(), route.verifyPath());
            return new LoginResult(nextTxn, accounts, java.util.Optional.of(token), java.util.Optional.empty());
        }
        if (accounts.isEmpty()) {
            throw new AbdmException(AbdmException.Kind.REJECTED, null, null, 200, ADVICE_NO_ABHA_ON_MOBILE,
                    "POST " + route.verifyPath() + " -> mobile login verified but no accounts", null);
        }
        UserToken transfer = responses.token(answer, UserToken.Family.PROFILE, route.verifyPath());
        return new LoginResult(nextTxn, accounts, java.util.Optional.empty(), java.util.Optional.of(transfer.token()));
    }

    @Override
    public UserToken selectAccount(LoginResult mobileLogin, AbhaNumber abhaNumber) throws AbdmException {
        String transfer = mobileLogin.transferToken()
                .orElseThrow(() -> new IllegalArgumentException("not a mobile login: no transfer token"));
        JsonNode answer = http.postJson(url(AbhaPaths.LOGIN_VERIFY_USER), Map.of("T-token", "Bearer " + transfer),
                AbhaRequests.verifyUser(abhaNumber.hyphenated(), mobileLogin.txnId()));
        return responses.token(answer, UserToken.Family.PROFILE, AbhaPaths.LOGIN_VERIFY_USER);
    }

    // ---- With a user token ----

    @Override
    public AbhaProfile profile(UserToken token) throws AbdmException {
        String path = token.family() == UserToken.Family.PHR ? AbhaPaths.PHR_PROFILE : AbhaPaths.PROFILE;
        return responses.profile(http.getJson(url(path), xToken(token)), path);
    }

    @Override
    public Document abhaCard(UserToken token) throws AbdmException {
        return document(token.family() == UserToken.Family.PHR ? AbhaPaths.PHR_CARD : AbhaPaths.PROFILE_CARD, token);
    }

    @Override
    public Document qrCode(UserToken token) throws AbdmException {
        return document(token.family() == UserToken.Family.PHR ? AbhaPaths.PHR_QR : AbhaPaths.PROFILE_QR, token);
    }

    /** Cancels calls in flight and releases OkHttp's threads and connections. */
    @Override
    public void close() {
        http.close();
    }

    // ---- helpers ----

    private OtpSent requestMobileOtp(String txnId, List<String> scope, MobileNumber mobile) throws AbdmException {
        Objects.requireNonNull(mobile);
        return encrypted(() -> responses.otpSent(post(AbhaPaths.ENROL_REQUEST_OTP, AbhaRequests.requestOtp(txnId,
                scope, "mobile", crypto.encrypt(mobile.digits()), "abdm")), AbhaPaths.ENROL_REQUEST_OTP));
    }

    private String verifyEnrolmentOtp(List<String> scope, String txnId, Otp otp) throws AbdmException {
        Objects.requireNonNull(txnId);
        JsonNode answer = encrypted(() -> post(AbhaPaths.ENROL_AUTH_BY_ABDM, AbhaRequests.authByAbdm(scope, txnId,
                crypto.encrypt(otp.revealForEncryption()), http.timestamp())));
        return responses.txnId(answer, txnId, AbhaPaths.ENROL_AUTH_BY_ABDM);
    }

    private Document document(String path, UserToken token) throws AbdmException {
        Payload payload = http.getBytes(url(path), xToken(token));
        return AbhaResponses.document(payload.contentType(), payload.bytes());
    }

    private JsonNode post(String path, JsonNode body) throws AbdmException {
        return http.postJson(url(path), Map.of(), body);
    }

    private java.net.URI url(String path) {
        return http.config().abhaUrl(path);
    }

    private static Map<String, String> xToken(UserToken token) {
        return Map.of("X-token", "Bearer " + token.token());
    }

    /**
     * Runs a step that sends ciphertext; if ABDM says it cannot decrypt it (its key changed since we
     * fetched it), fetches the key again and runs the step once more.
     */
    private <T> T encrypted(Step<T> step) throws AbdmException {
        try {
            return step.run();
        } catch (AbdmException e) {
            if (!isUndecryptable(e)) {
                throw e;
            }
            crypto.forgetKey();
            return step.run();
        }
    }

    static boolean isUndecryptable(AbdmException e) {
        if (e.kind() != AbdmException.Kind.REJECTED) {
            return false;
        }
        String m = e.abdmMessage().orElse("").toLowerCase(Locale.ROOT);
        return m.contains("decrypt") || m.contains("cipher") || m.contains("encrypt");
    }

    /** "User not found" on a mobile or Aadhaar login gets advice that says what it means at the desk. */
    private static AbdmException explainNotFound(LoginRequest request, AbdmException e) {
        String advice = switch (request.method()) {
            case MOBILE -> ADVICE_NO_ABHA_ON_MOBILE;
            case AADHAAR -> ADVICE_NO_ABHA_FOR_AADHAAR;
            default -> null;
        };
        if (advice == null || !isUserNotFound(e)) {
            return e;
        }
        return new AbdmException(AbdmException.Kind.REJECTED, e.code().orElse(null), e.abdmMessage().orElse(null),
                e.httpStatus(), advice, e.getMessage(), e);
    }

    static boolean isUserNotFound(AbdmException e) {
        if (e.kind() != AbdmException.Kind.REJECTED) {
            return false;
        }
        if (e.code().filter(USER_NOT_FOUND_CODES::contains).isPresent()) {
            return true;
        }
        String m = e.abdmMessage().orElse("").toLowerCase(Locale.ROOT);
        if (m.contains("user not found") || m.contains("mobile number not found") || m.contains("no abha")
                || m.contains("cannot find any linked") || m.contains("account not found")) {
            return true;
        }
        // a 404 that is not a routing error ({"code":"404","type":"Status report"}) means "no such user"
        return e.httpStatus() == 404 && m.contains("not found") && !e.code().filter("404"::equals).isPresent();
    }
}
