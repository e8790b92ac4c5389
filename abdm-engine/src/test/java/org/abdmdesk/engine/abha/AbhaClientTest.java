package org.abdmdesk.engine.abha;

import static org.abdmdesk.engine.abha.FakeAbha.body;
import static org.abdmdesk.engine.abha.FakeAbha.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.error.AbdmException.Kind;
import org.abdmdesk.engine.gateway.FakeAbdmServer;
import org.abdmdesk.engine.gateway.MutableClock;
import org.abdmdesk.engine.identity.AadhaarNumber;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.identity.Otp;
import org.abdmdesk.engine.identity.Verhoeff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AbhaClientTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.089Z");
    private static final String AADHAAR_DIGITS = "23456789012" + Verhoeff.checkDigit("23456789012");
    private static final String OTP = "731954"; // not a substring of any mobile used here
    private static final String TXN = "b7ffebe2-8be8-433a-b447-62eecc45e397";
    private static final String TXN2 = "c8ffebe2-8be8-433a-b447-62eecc45e398";
    private static final String PHOTO = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});

    private final MutableClock clock = new MutableClock(NOW);
    private FakeAbha abha;
    private AbhaClient client;

    @BeforeEach
    void start() throws IOException {
        abha = new FakeAbha();
        client = AbhaClient.create(abha.config(), clock);
    }

    @AfterEach
    void stop() {
        client.close();
        abha.close();
    }

    private String decrypted(RecordedRequest r, String... path) {
        JsonNode n = body(r);
        for (String p : path) {
            n = n.path(p);
        }
        return abha.decryptOrNull(n.asText());
    }

    private void assertWireNeverShows(String secret) {
        for (RecordedRequest r : abha.server.requests()) {
            assertThat(FakeAbdmServer.body(r)).doesNotContain(secret);
            assertThat(r.getHeaders().toString()).doesNotContain(secret);
        }
    }

    // ---- enrolment by Aadhaar ----

    @Test
    void aadhaarEnrolmentSendsTheAadhaarAndOtpOnlyEncrypted() throws Exception {
        abha.on("POST", AbhaPaths.ENROL_REQUEST_OTP, r -> ok("{\"txnId\":\"" + TXN + "\",\"message\":"
                + "\"OTP is sent to Aadhaar registered mobile number ending with ******0161\"}"));
        abha.on("POST", AbhaPaths.ENROL_BY_AADHAAR, r -> ok("{\"message\":\"Account created\",\"txnId\":\"" + TXN2
                + "\",\"tokens\":{\"token\":\"x-token-1\",\"expiresIn\":1800,\"refreshToken\":\"r\"},"
                + "\"ABHAProfile\":{\"firstName\":\"Ravi\",\"middleName\":\"\",\"lastName\":\"Kumar\","
                + "\"dob\":\"22-10-1991\",\"gender\":\"M\",\"photo\":\"" + PHOTO + "\",\"mobile\":\"9000000161\","
                + "\"phrAddress\":[\"91628545755116@sbx\"],\"address\":\"12 Main Road\",\"districtName\":\"Patna\","
                + "\"stateName\":\"Bihar\",\"pinCode\":\"821307\",\"abhaType\":\"STANDARD\","
                + "\"ABHANumber\":\"91-6285-4575-5116\",\"abhaStatus\":\"ACTIVE\"},\"isNew\":true}"));

        OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(AADHAAR_DIGITS));
        Enrolment enrolment = client.enrolByAadhaar(sent.txnId(), Otp.of(OTP), MobileNumber.of("+91 98765 43210"));

        assertThat(sent.txnId()).isEqualTo(TXN);
        assertThat(sent.message()).contains("******0161");
        RecordedRequest otpRequest = abha.last(AbhaPaths.ENROL_REQUEST_OTP);
        JsonNode otpBody = body(otpRequest);
        assertThat(decrypted(otpRequest, "loginId")).isEqualTo(AADHAAR_DIGITS);
        assertThat(otpBody.path("scope").toString()).isEqualTo("[\"abha-enrol\"]");
        assertThat(otpBody.path("loginHint").asText()).isEqualTo("aadhaar");
        assertThat(otpBody.path("otpSystem").asText()).isEqualTo("aadhaar");

        RecordedRequest enrol = abha.last(AbhaPaths.ENROL_BY_AADHAAR);
        JsonNode e = body(enrol);
        assertThat(e.path("authData").path("authMethods").toString()).isEqualTo("[\"otp\"]");
        assertThat(e.path("authData").path("otp").path("txnId").asText()).isEqualTo(TXN);
        assertThat(e.path("authData").path("otp").path("mobile").asText()).isEqualTo("9876543210");
        assertThat(e.path("authData").path("otp").path("timeStamp").asText()).isEqualTo("2026-03-04T05:06:07.089Z");
        assertThat(decrypted(enrol, "authData", "otp", "otpValue")).isEqualTo(OTP);
        assertThat(e.path("consent").path("code").asText()).isEqualTo("abha-enrollment");
        assertThat(e.path("consent").path("version").asText()).isEqualTo("1.4");
        assertWireNeverShows(AADHAAR_DIGITS);
        assertWireNeverShows(OTP);

        assertThat(enrolment.txnId()).isEqualTo(TXN2);
        assertThat(enrolment.isNew()).isTrue();
        assertThat(enrolment.mobileMatches()).isFalse();
        assertThat(enrolment.token()).isEqualTo(new UserToken("x-token-1", NOW.plusSeconds(1800), UserToken.Family.PROFILE));
        AbhaProfile p = enrolment.profile();
        assertThat(p.abhaNumber()).contains(AbhaNumber.of("91-6285-4575-5116"));
        assertThat(p.preferredAddress()).contains(new AbhaAddress("91628545755116", "sbx"));
        assertThat(p.name()).isEqualTo("Ravi Kumar");
        assertThat(p.gender()).isEqualTo(Gender.MALE);
        assertThat(p.birthDate()).isEqualTo(PartialDate.of(LocalDate.of(1991, 10, 22)));
        assertThat(p.pinCode()).isEqualTo("821307");
        assertThat(p.status()).isEqualTo("ACTIVE");
        assertThat(p.photoJpeg()).hasValueSatisfying(b -> assertThat(b).startsWith((byte) 0xFF, (byte) 0xD8));
    }

    @Test
    void mobileMatchesWhenTheAbhaCarriesTheCommunicationMobile() throws Exception {
        abha.on("POST", AbhaPaths.ENROL_BY_AADHAAR, r -> ok("{\"txnId\":\"" + TXN + "\",\"token\":\"t\","
                + "\"ABHAProfile\":{\"firstName\":\"A\",\"dob\":\"01-01-1990\",\"mobile\":\"9876543210\","
                + "\"ABHANumber\":\"91-5408-0214-0264\"},\"isNew\":false}"));
        Enrolment e = client.enrolByAadhaar(TXN, Otp.of(OTP), MobileNumber.of("9876543210"));
        assertThat(e.mobileMatches()).isTrue();
        assertThat(e.isNew()).isFalse();
        assertThat(e.profile().photoJpeg()).isEmpty();
    }

    @Test
    void communicationMobileIsVerifiedWithItsOwnOtp() throws Exception {
        abha.on("POST", AbhaPaths.ENROL_REQUEST_OTP, r -> ok("{\"txnId\":\"" + TXN2 + "\",\"message\":\"OTP is sent"
                + " to Mobile number ending with ******3210\"}"));
        abha.on("POST", AbhaPaths.ENROL_AUTH_BY_ABDM, r -> ok("{\"txnId\":\"" + TXN2 + "\",\"authResult\":\"success\","
                + "\"message\":\"Mobile Number linked successfully.\",\"accounts\":[{\"ABHANumber\":\"91-5408-0214-0264\"}]}"));

        OtpSent sent = client.requestMobileVerificationOtp(TXN, MobileNumber.of("9876543210"));
        String next = client.verifyMobileOtp(sent.txnId(), Otp.of(OTP));

        RecordedRequest req = abha.last(AbhaPaths.ENROL_REQUEST_OTP);
        JsonNode b = body(req);
        assertThat(b.path("txnId").asText()).isEqualTo(TXN);
        assertThat(b.path("scope").toString()).isEqualTo("[\"abha-enrol\",\"mobile-verify\"]");
        assertThat(b.path("loginHint").asText()).isEqualTo("mobile");
        assertThat(b.path("otpSystem").asText()).isEqualTo("abdm");
        assertThat(decrypted(req, "loginId")).isEqualTo("9876543210");
        JsonNode verify = body(abha.last(AbhaPaths.ENROL_AUTH_BY_ABDM));
        assertThat(verify.path("scope").toString()).isEqualTo("[\"abha-enrol\",\"mobile-verify\"]");
        assertThat(verify.path("authData").path("otp").path("txnId").asText()).isEqualTo(TXN2);
        assertThat(decrypted(abha.last(AbhaPaths.ENROL_AUTH_BY_ABDM), "authData", "otp", "otpValue")).isEqualTo(OTP);
        assertThat(next).isEqualTo(TXN2);
    }

    @Test
    void aWrongMobileOtpIsARejectionEvenWith200() {
        abha.on("POST", AbhaPaths.ENROL_AUTH_BY_ABDM, r -> ok("{\"txnId\":\"" + TXN + "\",\"authResult\":\"failed\","
                + "\"message\":\"Please enter a valid OTP. Entered OTP is either expired or incorrect.\"}"));
        AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.verifyMobileOtp(TXN, Otp.of(OTP)));
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.userMessage(Locale.ENGLISH)).contains("Please enter a valid OTP");
    }

    @Test
    void suggestionsCarryTheTransactionIdHeader() throws Exception {
        abha.on("GET", AbhaPaths.ENROL_SUGGESTION, r -> ok("{\"txnId\":\"" + TXN
                + "\",\"abhaAddressList\":[\"ravi.kumar\",\"ravi_1991\",\"kumarravi22\"]}"));
        assertThat(client.suggestAddresses(TXN)).containsExactly("ravi.kumar", "ravi_1991", "kumarravi22");
        assertThat(abha.last(AbhaPaths.ENROL_SUGGESTION).getHeaders().get("TRANSACTION_ID")).isEqualTo(TXN);
    }

    @Test
    void anAbhaAddressIsCreatedFromTheBareUsername() throws Exception {
        abha.on("POST", AbhaPaths.ENROL_ABHA_ADDRESS, r -> ok("{\"txnId\":\"" + TXN + "\",\"healthIdNumber\":"
                + "\"91-6285-4575-5116\",\"preferredAbhaAddress\":\"ravi.kumar91@sbx\"}"));
        CreatedAddress created = client.createAbhaAddress(TXN, "Ravi.Kumar91@sbx");
        JsonNode b = body(abha.last(AbhaPaths.ENROL_ABHA_ADDRESS));
        assertThat(b.path("abhaAddress").asText()).isEqualTo("ravi.kumar91");
        assertThat(b.path("preferred").asInt()).isEqualTo(1);
        assertThat(b.path("txnId").asText()).isEqualTo(TXN);
        assertThat(created.preferredAddress().full()).isEqualTo("ravi.kumar91@sbx");
        assertThat(created.abhaNumber().hyphenated()).isEqualTo("91-6285-4575-5116");
    }

    @Test
    void anAbhaAddressAgainstPolicyIsRefusedBeforeSending() {
        AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.createAbhaAddress(TXN, "_ravi1234"));
        assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(e.advice(Locale.ENGLISH)).contains("cannot be the first or last");
        assertThat(abha.server.requestsTo(FakeAbha.BASE + AbhaPaths.ENROL_ABHA_ADDRESS)).isEmpty();
    }

    @Test
    void aTakenAbhaAddressShowsOurAdvice() {
        abha.on("POST", AbhaPaths.ENROL_ABHA_ADDRESS, r -> FakeAbdmServer.json(400,
                "{\"code\":\"1434\",\"message\":\"The requested ABHA address is already in use.\"}"));
        AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.createAbhaAddress(TXN, "ravikumar91"));
        assertThat(e.userMessage(Locale.ENGLISH)).isEqualTo("[1434] The requested ABHA address is already in use."
                + " \u2014 This ABHA Address is already taken. Pick a suggestion or try another name.");
    }

    // ---- driving licence ----

    @Test
    void drivingLicenceEnrolment() throws Exception {
        abha.on("POST", AbhaPaths.ENROL_REQUEST_OTP, r -> ok("{\"txnId\":\"" + TXN + "\",\"message\":\"sent\"}"));
        abha.on("POST", AbhaPaths.ENROL_AUTH_BY_ABDM, r -> ok("{\"txnId\":\"" + TXN2 + "\",\"authResult\":\"success\","
                + "\"message\":\"OTP verified successfully.\"}"));
        abha.on("POST", AbhaPaths.ENROL_BY_DOCUMENT, r -> ok("{\"txnId\":\"" + TXN2 + "\",\"enrolProfile\":{"
                + "\"enrolmentNumber\":\"EN-42\",\"enrolmentState\":\"PROVISIONAL\",\"firstName\":\"Asha\","
                + "\"lastName\":\"Devi\",\"phrAddress\":[\"asha.devi@sbx\"]}}"));

        OtpSent sent = client.requestDrivingLicenceMobileOtp(MobileNumber.of("9876543210"));
        String txn = client.verifyDrivingLicenceMobileOtp(sent.txnId(), Otp.of(OTP));
        DocumentEnrolment doc = client.enrolByDrivingLicence(txn, new DrivingLicenceApplication("DL-0420110012345",
                "Asha", "", "Devi", LocalDate.of(1991, 10, 22), Gender.FEMALE, new byte[] {1, 2}, new byte[] {3},
                "1 Lane", "Bihar", "Patna", "800001"));

        JsonNode otp = body(abha.last(AbhaPaths.ENROL_REQUEST_OTP));
        assertThat(otp.path("scope").toString()).isEqualTo("[\"abha-enrol\",\"mobile-verify\",\"dl-flow\"]");
        assertThat(otp.has("txnId")).isFalse();
        assertThat(body(abha.last(AbhaPaths.ENROL_AUTH_BY_ABDM)).path("scope").toString())
                .isEqualTo("[\"abha-enrol\",\"mobile-verify\",\"dl-flow\"]");
        JsonNode d = body(abha.last(AbhaPaths.ENROL_BY_DOCUMENT));
        assertThat(d.path("txnId").asText()).isEqualTo(TXN2);
        assertThat(d.path("documentType").asText()).isEqualTo("DRIVING_LICENCE");
        assertThat(d.path("documentId").asText()).isEqualTo("DL-0420110012345");
        assertThat(d.path("dob").asText()).isEqualTo("1991-10-22");
        assertThat(d.path("gender").asText()).isEqualTo("F");
        assertThat(d.path("frontSidePhoto").asText()).isEqualTo("AQI=");
        assertThat(d.path("pinCode").asText()).isEqualTo("800001");
        assertThat(d.path("consent").path("code").asText()).isEqualTo("abha-enrollment");
        assertThat(doc).isEqualTo(new DocumentEnrolment(TXN2, "EN-42", "PROVISIONAL", "Asha Devi",
                List.of(new AbhaAddress("asha.devi", "sbx"))));
    }

    // ---- login ----

    @Test
    void mobileLoginListsTheFamilyAndThenPicksOneAccountWithTheTransferToken() throws Exception {
        abha.on("POST", AbhaPaths.LOGIN_REQUEST_OTP, r -> ok("{\"txnId\":\"" + TXN + "\",\"message\":\"sent\"}"));
        abha.on("POST", AbhaPaths.LOGIN_VERIFY, r -> ok("{\"txnId\":\"" + TXN2 + "\",\"authResult\":\"success\","
                + "\"token\":\"t-token\",\"expiresIn\":300,\"accounts\":["
                + "{\"ABHANumber\":\"91-6285-4575-5116\",\"preferredAbhaAddress\":\"ravi@sbx\",\"name\":\"Ravi\","
                + "\"gender\":\"M\",\"dob\":\"22-10-1991\",\"status\":\"ACTIVE\"},"
                + "{\"ABHANumber\":\"91-5408-0214-0264\",\"preferredAbhaAddress\":\"sita@sbx\",\"name\":\"Sita\","
                + "\"gender\":\"F\",\"dob\":\"01-02-1993\",\"status\":\"ACTIVE\"}]}"));
        abha.on("POST", AbhaPaths.LOGIN_VERIFY_USER, r -> ok("{\"token\":\"x-token-sita\",\"expiresIn\":1800}"));
        abha.on("GET", AbhaPaths.PROFILE, r -> ok("{\"ABHANumber\":\"91-5408-0214-0264\",\"preferredAbhaAddress\":"
                + "\"sita@sbx\",\"name\":\"Sita Devi\",\"firstName\":\"Sita\",\"lastName\":\"Devi\",\"gender\":\"F\","
                + "\"yearOfBirth\":\"1993\",\"monthOfBirth\":\"02\",\"dayOfBirth\":\"01\",\"pincode\":\"800001\","
                + "\"mobile\":\"9876543210\",\"status\":\"ACTIVE\",\"kycVerified\":true,\"profilePhoto\":null}"));
        LoginRequest request = new LoginRequest(LoginRequest.Method.MOBILE, LoginRequest.OtpRoute.ABHA_MOBILE,
                "+91 98765 43210");

        OtpSent sent = client.requestLoginOtp(request);
        LoginResult result = client.verifyLoginOtp(request, sent.txnId(), Otp.of(OTP));

        RecordedRequest otp = abha.last(AbhaPaths.LOGIN_REQUEST_OTP);
        assertThat(body(otp).path("scope").toString()).isEqualTo("[\"abha-login\",\"mobile-verify\"]");
        assertThat(body(otp).path("loginHint").asText()).isEqualTo("mobile");
        assertThat(body(otp).path("otpSystem").asText()).isEqualTo("abdm");
        assertThat(decrypted(otp, "loginId")).isEqualTo("9876543210");
        JsonNode verify = body(abha.last(AbhaPaths.LOGIN_VERIFY));
        assertThat(verify.path("scope").toString()).isEqualTo("[\"abha-login\",\"mobile-verify\"]");
        assertThat(verify.path("authData").path("otp").path("txnId").asText()).isEqualTo(TXN);
        assertThat(result.needsAccountChoice()).isTrue();
        assertThat(result.transferToken()).contains("t-token");
        assertThat(result.accounts()).extracting(AccountSummary::name).containsExactly("Ravi", "Sita");
        assertThat(result.accounts().get(1).abhaNumber()).contains(AbhaNumber.of("91540802140264"));
        assertWireNeverShows("9876543210");

        UserToken token = client.selectAccount(result, result.accounts().get(1).abhaNumber().orElseThrow());

        RecordedRequest pick = abha.last(AbhaPaths.LOGIN_VERIFY_USER);
        assertThat(pick.getHeaders().get("T-token")).isEqualTo("Bearer t-token");
        assertThat(body(pick).path("ABHANumber").asText()).isEqualTo("91-5408-0214-0264");
        assertThat(body(pick).path("txnId").asText()).isEqualTo(TXN2);
        assertThat(token.family()).isEqualTo(UserToken.Family.PROFILE);

        AbhaProfile profile = client.profile(token);
        assertThat(abha.last(AbhaPaths.PROFILE).getHeaders().get("X-token")).isEqualTo("Bearer x-token-sita");
        assertThat(profile.pinCode()).isEqualTo("800001");
        assertThat(profile.birthDate()).isEqualTo(PartialDate.of(LocalDate.of(1993, 2, 1)));
        assertThat(profile.kycVerified()).isTrue();
        assertThat(profile.photoJpeg()).isEmpty();
        assertThat(profile.mobile()).contains("9876543210");
    }

    @Test
    void aMobileWithNoAccountsGetsTheNoAbhaAdvice() {
        abha.on("POST", AbhaPaths.LOGIN_VERIFY, r -> ok("{\"txnId\":\"" + TXN + "\",\"authResult\":\"success\","
                + "\"token\":\"t\",\"accounts\":[]}"));
        LoginRequest request = new LoginRequest(LoginRequest.Method.MOBILE, LoginRequest.OtpRoute.ABHA_MOBILE,
                "9876543210");
        AbdmException e = catchThrowableOfType(AbdmException.class,
                () -> client.verifyLoginOtp(request, TXN, Otp.of(OTP)));
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.advice(Locale.ENGLISH)).startsWith("We did not find any ABHA linked to this mobile");
    }

    @Test
    void userNotFoundForAMobileGetsTheNoAbhaAdviceInEnglishAndHindi() {
        abha.on("POST", AbhaPaths.LOGIN_REQUEST_OTP, r -> FakeAbdmServer.json(404,
                "{\"error\":{\"code\":\"ABDM-1114\",\"message\":\"User not found.\"}}"));
        LoginRequest request = new LoginRequest(LoginRequest.Method.MOBILE, LoginRequest.OtpRoute.ABHA_MOBILE,
                "9876543210");
        AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.requestLoginOtp(request));
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.code()).contains("ABDM-1114");
        assertThat(e.userMessage(Locale.ENGLISH))
                .startsWith("[ABDM-1114] User not found. \u2014 We did not find any ABHA linked to this mobile");
        assertThat(e.userMessage(Locale.forLanguageTag("hi"))).contains("इस मोबाइल नंबर से जुड़ा कोई ABHA नहीं मिला");
    }

    @Test
    void aPlain404UserNotFoundForAMobileIsRecognisedToo() {
        abha.on("POST", AbhaPaths.LOGIN_REQUEST_OTP, r -> FakeAbdmServer.json(404,
                "{\"message\":\"Account not found for this mobile\"}"));
        LoginRequest request = new LoginRequest(LoginRequest.Method.MOBILE, LoginRequest.OtpRoute.ABHA_MOBILE,
                "9876543210");
        AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.requestLoginOtp(request));
        assertThat(e.advice(Locale.ENGLISH)).startsWith("We did not find any ABHA linked to this mobile");
    }

    @Test
    void userNotFoundForAnAadhaarGetsItsOwnAdvice() {
        abha.on("POST", AbhaPaths.LOGIN_VERIFY, r -> FakeAbdmServer.json(404,
                "{\"code\":\"ABDM-1211\",\"message\":\"User not found\"}"));
        LoginRequest request = new LoginRequest(LoginRequest.Method.AADHAAR, LoginRequest.OtpRoute.AADHAAR,
                AADHAAR_DIGITS);
        AbdmException e = catchThrowableOfType(AbdmException.class,
                () -> client.verifyLoginOtp(request, TXN, Otp.of(OTP)));
        assertThat(e.advice(Locale.ENGLISH)).startsWith("We did not find any ABHA for this Aadhaar number");
        assertThat(e.getMessage()).doesNotContain(AADHAAR_DIGITS);
    }

    @Test
    void aRoutingNotFoundIsNotMistakenForAMissingUser() {
        LoginRequest request = new LoginRequest(LoginRequest.Method.MOBILE, LoginRequest.OtpRoute.ABHA_MOBILE,
                "9876543210");
        AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.requestLoginOtp(request));
        assertThat(e.code()).contains("404");
        assertThat(e.advice(Locale.ENGLISH)).doesNotContain("did not find any ABHA");
    }

    @Test
    void abhaNumberLoginWithAadhaarOtpGivesAProfileToken() throws Exception {
        abha.on("POST", AbhaPaths.LOGIN_REQUEST_OTP, r -> ok("{\"txnId\":\"" + TXN + "\",\"message\":\"sent\"}"));
        abha.on("POST", AbhaPaths.LOGIN_VERIFY, r -> ok("{\"txnId\":\"" + TXN + "\",\"authResult\":\"success\","
                + "\"tokens\":{\"token\":\"x-1\",\"expiresIn\":1800},\"accounts\":[{\"ABHANumber\":\"91-6285-4575-5116\"}]}"));
        LoginRequest request = new LoginRequest(LoginRequest.Method.ABHA_NUMBER, LoginRequest.OtpRoute.AADHAAR,
                "91628545755116");

        client.requestLoginOtp(request);
        LoginResult result = client.verifyLoginOtp(request, TXN, Otp.of(OTP));

        RecordedRequest otp = abha.last(AbhaPaths.LOGIN_REQUEST_OTP);
        assertThat(body(otp).path("scope").toString()).isEqualTo("[\"abha-login\",\"aadhaar-verify\"]");
        assertThat(body(otp).path("loginHint").asText()).isEqualTo("abha-number");
        assertThat(body(otp).path("otpSystem").asText()).isEqualTo("aadhaar");
        assertThat(decrypted(otp, "loginId")).isEqualTo("91-6285-4575-5116");
        assertThat(body(abha.last(AbhaPaths.LOGIN_VERIFY)).path("scope").toString())
                .isEqualTo("[\"abha-login\",\"aadhaar-verify\"]");
        assertThat(result.needsAccountChoice()).isFalse();
        assertThat(result.token()).contains(new UserToken("x-1", NOW.plusSeconds(1800), UserToken.Family.PROFILE));
    }

    @Test
    void abhaNumberLoginWithAbhaMobileOtpUsesTheAbdmOtpSystem() throws Exception {
        abha.on("POST", AbhaPaths.LOGIN_REQUEST_OTP, r -> ok("{\"txnId\":\"" + TXN + "\",\"message\":\"sent\"}"));
        client.requestLoginOtp(new LoginRequest(LoginRequest.Method.ABHA_NUMBER, LoginRequest.OtpRoute.ABHA_MOBILE,
                "91-6285-4575-5116"));
        JsonNode b = body(abha.last(AbhaPaths.LOGIN_REQUEST_OTP));
        assertThat(b.path("scope").toString()).isEqualTo("[\"abha-login\",\"mobile-verify\"]");
        assertThat(b.path("otpSystem").asText()).isEqualTo("abdm");
    }

    @Test
    void anInvalidIdentifierIsRefusedBeforeAnythingIsSent() {
        AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.requestLoginOtp(
                new LoginRequest(LoginRequest.Method.AADHAAR, LoginRequest.OtpRoute.AADHAAR, "234567890123")));
        assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(e.advice(Locale.ENGLISH)).contains("not a valid Aadhaar number");
        assertThat(abha.server.requests()).isEmpty();
    }

    @Test
    void abhaAddressLoginUsesThePhrFamilyThroughout() throws Exception {
        abha.on("POST", AbhaPaths.PHR_REQUEST_OTP, r -> ok("{\"txnId\":\"" + TXN + "\",\"message\":\"sent\"}"));
        abha.on("POST", AbhaPaths.PHR_VERIFY, r -> ok("{\"message\":\"ok\",\"authResult\":\"success\","
                + "\"users\":[{\"abhaAddress\":\"ravi.kumar@sbx\",\"fullName\":\"Ravi Kumar\",\"abhaNumber\":null,"
                + "\"status\":\"ACTIVE\",\"kycStatus\":\"PENDING\"}],"
                + "\"tokens\":{\"token\":\"phr-token\",\"expiresIn\":1800}}"));
        abha.on("GET", AbhaPaths.PHR_PROFILE, r -> ok("{\"abhaAddress\":\"ravi.kumar@sbx\",\"fullName\":\"Ravi Kumar\","
                + "\"gender\":\"M\",\"yearOfBirth\":1977,\"monthOfBirth\":null,\"dayOfBirth\":null,\"abhaNumber\":null}"));
        abha.on("GET", AbhaPaths.PHR_CARD, r -> FakeAbdmServer.bytes(200, "application/pdf", "%PDF-1.7".getBytes()));
        abha.on("GET", AbhaPaths.PHR_QR, r -> FakeAbdmServer.bytes(200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        LoginRequest request = new LoginRequest(LoginRequest.Method.ABHA_ADDRESS, LoginRequest.OtpRoute.ABHA_MOBILE,
                "Ravi.Kumar");

        client.requestLoginOtp(request);
        LoginResult result = client.verifyLoginOtp(request, TXN, Otp.of(OTP));

        RecordedRequest otp = abha.last(AbhaPaths.PHR_REQUEST_OTP);
        assertThat(body(otp).path("scope").toString()).isEqualTo("[\"abha-address-login\",\"mobile-verify\"]");
        assertThat(body(otp).path("loginHint").asText()).isEqualTo("abha-address");
        assertThat(decrypted(otp, "loginId")).isEqualTo("ravi.kumar@sbx");
        assertThat(result.txnId()).isEqualTo(TXN);
        assertThat(result.accounts()).singleElement().satisfies(a -> {
            assertThat(a.abhaNumber()).isEmpty();
            assertThat(a.preferredAddress()).contains(new AbhaAddress("ravi.kumar", "sbx"));
            assertThat(a.name()).isEqualTo("Ravi Kumar");
        });
        UserToken token = result.token().orElseThrow();
        assertThat(token.family()).isEqualTo(UserToken.Family.PHR);

        AbhaProfile profile = client.profile(token);
        assertThat(abha.last(AbhaPaths.PHR_PROFILE).getHeaders().get("X-token")).isEqualTo("Bearer phr-token");
        assertThat(profile.abhaNumber()).isEmpty();
        assertThat(profile.preferredAddress()).contains(new AbhaAddress("ravi.kumar", "sbx"));
        assertThat(profile.birthDate()).isEqualTo(PartialDate.yearOnly(1977));
        assertThat(profile.name()).isEqualTo("Ravi Kumar");

        Document card = client.abhaCard(token);
        Document qr = client.qrCode(token);
        assertThat(card.extension()).isEqualTo("pdf");
        assertThat(qr.contentType()).isEqualTo("image/png");
        assertThat(abha.server.requestsTo(FakeAbha.BASE + AbhaPaths.PROFILE)).isEmpty();
    }

    @Test
    void cardAndQrOfTheProfileFamilyComeWithTheirContentType() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10};
        abha.on("GET", AbhaPaths.PROFILE_CARD, r -> FakeAbdmServer.bytes(200, "application/octet-stream", png));
        abha.on("GET", AbhaPaths.PROFILE_QR, r -> FakeAbdmServer.bytes(200, "image/png", png));
        UserToken token = new UserToken("x-9", NOW.plusSeconds(60), UserToken.Family.PROFILE);

        Document card = client.abhaCard(token);
        Document qr = client.qrCode(token);

        assertThat(card.contentType()).isEqualTo("image/png");
        assertThat(card.bytes()).isEqualTo(png);
        assertThat(qr.isImage()).isTrue();
        assertThat(abha.last(AbhaPaths.PROFILE_CARD).getHeaders().get("X-token")).isEqualTo("Bearer x-9");
        assertThat(abha.last(AbhaPaths.PROFILE_CARD).getHeaders().get("Accept")).isEqualTo("*/*");
    }

    @Test
    void anExpiredXTokenIsExplained() {
        abha.on("GET", AbhaPaths.PROFILE, r -> FakeAbdmServer.json(401,
                "{\"code\":\"ABDM-1094\",\"message\":\"X-token expired\"}"));
        AbdmException e = catchThrowableOfType(AbdmException.class,
                () -> client.profile(new UserToken("old", NOW, UserToken.Family.PROFILE)));
        assertThat(e.userMessage(Locale.ENGLISH)).contains("X-token expired", "Verify the patient again");
    }

    // ---- encryption key ----

    @Test
    void theCertificateIsFetchedOnceForTheClientsLife() throws Exception {
        abha.on("POST", AbhaPaths.ENROL_REQUEST_OTP, r -> ok("{\"txnId\":\"" + TXN + "\",\"message\":\"sent\"}"));
        client.requestEnrolmentOtp(AadhaarNumber.of(AADHAAR_DIGITS));
        client.requestEnrolmentOtp(AadhaarNumber.of(AADHAAR_DIGITS));
        clock.advance(Duration.ofHours(2));
        client.requestMobileVerificationOtp(TXN, MobileNumber.of("9876543210"));
        assertThat(abha.certificateFetches()).isEqualTo(1);
    }

    @Test
    void aRotatedKeyIsFetchedAgainOnceAndTheStepReEncrypted() throws Exception {
        abha.on("POST", AbhaPaths.ENROL_REQUEST_OTP, r -> {
            String plain = abha.decryptOrNull(body(r).path("loginId").asText());
            return plain == null
                    ? FakeAbdmServer.json(400, "{\"code\":\"ABDM-1006\",\"message\":\"Unable to decrypt loginId\"}")
                    : ok("{\"txnId\":\"" + TXN + "\",\"message\":\"sent\"}");
        });
        client.requestEnrolmentOtp(AadhaarNumber.of(AADHAAR_DIGITS));
        abha.rotateKey();

        OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(AADHAAR_DIGITS));

        assertThat(sent.txnId()).isEqualTo(TXN);
        assertThat(abha.certificateFetches()).isEqualTo(2);
        assertThat(decrypted(abha.last(AbhaPaths.ENROL_REQUEST_OTP), "loginId")).isEqualTo(AADHAAR_DIGITS);
    }

    @Test
    void aKeyThatStillCannotDecryptIsNotRetriedForever() {
        abha.on("POST", AbhaPaths.ENROL_REQUEST_OTP, r -> FakeAbdmServer.json(400,
                "{\"code\":\"ABDM-1006\",\"message\":\"Unable to decrypt loginId\"}"));
        AbdmException e = catchThrowableOfType(AbdmException.class,
                () -> client.requestEnrolmentOtp(AadhaarNumber.of(AADHAAR_DIGITS)));
        assertThat(e.code()).contains("ABDM-1006");
        assertThat(abha.certificateFetches()).isEqualTo(2);
        assertThat(abha.server.requestsTo(FakeAbha.BASE + AbhaPaths.ENROL_REQUEST_OTP)).hasSize(2);
    }

    @Test
    void aCertificateThatIsNotAKeyIsUnexpected() {
        abha.on("GET", AbhaPaths.CERTIFICATE, r -> ok("{\"publicKey\":\"bm90IGEga2V5\"}"));
        AbdmException e = catchThrowableOfType(AbdmException.class,
                () -> client.requestEnrolmentOtp(AadhaarNumber.of(AADHAAR_DIGITS)));
        assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
    }

    @Test
    void everyAbhaCallCarriesTheGatewayToken() throws Exception {
        abha.on("GET", AbhaPaths.ENROL_SUGGESTION, r -> ok("{\"abhaAddressList\":[]}"));
        assertThat(client.suggestAddresses(TXN)).isEmpty();
        for (RecordedRequest r : abha.server.requests()) {
            if (!r.getUrl().encodedPath().equals(FakeAbdmServer.SESSIONS)) {
                assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
                assertThat(r.getHeaders().get("X-CM-ID")).isEqualTo("sbx");
            }
        }
        assertThat(Optional.ofNullable(abha.last(AbhaPaths.ENROL_SUGGESTION))).isPresent();
    }
}
