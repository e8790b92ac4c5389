package org.abdmdesk.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.abdmdesk.engine.abha.AbhaClient;
import org.abdmdesk.engine.abha.AbhaProfile;
import org.abdmdesk.engine.abha.CreatedAddress;
import org.abdmdesk.engine.abha.Document;
import org.abdmdesk.engine.abha.Enrolment;
import org.abdmdesk.engine.abha.LoginRequest;
import org.abdmdesk.engine.abha.LoginRequest.Method;
import org.abdmdesk.engine.abha.LoginRequest.OtpRoute;
import org.abdmdesk.engine.abha.LoginResult;
import org.abdmdesk.engine.abha.OtpSent;
import org.abdmdesk.engine.abha.UserToken;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.error.AbdmException.Kind;
import org.abdmdesk.engine.gateway.AbdmConfig;
import org.abdmdesk.engine.gateway.MutableClock;
import org.abdmdesk.engine.identity.AadhaarNumber;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.identity.Otp;
import org.abdmdesk.engine.qr.AbhaQrParser;
import org.abdmdesk.engine.qr.AbhaQrProfile;
import org.abdmdesk.engine.qr.QrImageDecoder;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SeedData;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The engine's ABHA client against the engine's ABDM simulator, over real HTTP on loopback: every
 * M1 flow and every error path the simulator plays, asserting what the person at the desk reads.
 */
class AbhaClientAgainstSimulatorTest {
    private static final Locale EN = Locale.ENGLISH;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T04:00:00Z"));
    private AbdmSimulator sim;
    private AbhaClient client;

    @BeforeEach
    void start() {
        sim = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock));
        client = clientWith(SimulatorConfig.DEMO_CLIENT_SECRET, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private AbhaClient clientWith(String secret, Clock clientClock) {
        AbdmConfig config = new AbdmConfig(sim.gatewayBaseUrl(), sim.abhaBaseUrl(), "sbx",
                SimulatorConfig.DEMO_CLIENT_ID, secret, Duration.ofSeconds(5));
        return AbhaClient.create(config, clientClock);
    }

    private Otp lastOtpTo(String mobile) {
        return Otp.of(sim.otpInbox().latestFor(mobile).orElseThrow().otp());
    }

    private Otp wrong(Otp right) {
        String digits = sim.otpInbox().all().getLast().otp();
        return Otp.of(digits.equals("000000") ? "111111" : "000000");
    }

    @Nested
    class CreateByAadhaar {
        @Test
        void aNewResidentGetsAnAbhaNumberAnAddressACardAndAReadableQr() throws Exception {
            OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW));
            assertThat(sent.message()).contains(SeedData.AADHAAR_NEW_MOBILE.substring(6))
                    .doesNotContain(SeedData.AADHAAR_NEW_MOBILE);

            Enrolment enrolment = client.enrolByAadhaar(sent.txnId(), lastOtpTo(SeedData.AADHAAR_NEW_MOBILE),
                    MobileNumber.of(SeedData.AADHAAR_NEW_MOBILE));
            assertThat(enrolment.isNew()).isTrue();
            assertThat(enrolment.mobileMatches()).isTrue();
            AbhaNumber number = enrolment.profile().abhaNumber().orElseThrow();
            assertThat(number.hyphenated()).matches("91-\\d{4}-\\d{4}-\\d{4}");

            List<String> suggestions = client.suggestAddresses(enrolment.txnId());
            assertThat(suggestions).hasSizeGreaterThanOrEqualTo(3);
            CreatedAddress created = client.createAbhaAddress(enrolment.txnId(), suggestions.get(1));
            assertThat(created.abhaNumber()).isEqualTo(number);
            assertThat(created.preferredAddress().full()).isEqualTo(suggestions.get(1) + "@sbx");

            AbhaProfile profile = client.profile(enrolment.token());
            assertThat(profile.abhaNumber()).contains(number);
            assertThat(profile.preferredAddress()).contains(created.preferredAddress());

            Document card = client.abhaCard(enrolment.token());
            assertThat(card.isImage()).isTrue();
            assertThat(ImageIO.read(new ByteArrayInputStream(card.bytes()))).isNotNull();

            Document qr = client.qrCode(enrolment.token());
            String text = new QrImageDecoder().decode(ImageIO.read(new ByteArrayInputStream(qr.bytes())))
                    .orElseThrow();
            AbhaQrProfile fromQr = AbhaQrParser.parse(text);
            assertThat(fromQr.abhaNumber()).contains(number);
            assertThat(fromQr.name()).contains(profile.name());
        }

        @Test
        void aDifferentCommunicationMobileIsVerifiedWithItsOwnOtp() throws Exception {
            OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW_2));
            Enrolment enrolment = client.enrolByAadhaar(sent.txnId(), lastOtpTo(SeedData.AADHAAR_NEW_2_MOBILE),
                    MobileNumber.of(SeedData.OTHER_MOBILE));
            assertThat(enrolment.mobileMatches()).isFalse();

            OtpSent mobileOtp = client.requestMobileVerificationOtp(enrolment.txnId(),
                    MobileNumber.of(SeedData.OTHER_MOBILE));
            AbdmException wrongOtp = catchThrowableOfType(AbdmException.class,
                    () -> client.verifyMobileOtp(mobileOtp.txnId(), wrong(lastOtpTo(SeedData.OTHER_MOBILE))));
            assertThat(wrongOtp.kind()).isEqualTo(Kind.REJECTED);
            assertThat(wrongOtp.userMessage(EN)).contains("OTP");

            String txn = client.verifyMobileOtp(mobileOtp.txnId(), lastOtpTo(SeedData.OTHER_MOBILE));
            assertThat(client.suggestAddresses(txn)).hasSizeGreaterThanOrEqualTo(3);
        }

        @Test
        void anAadhaarThatAlreadyHasAnAbhaGetsThatAbhaBack() throws Exception {
            OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_WITH_ABHA));
            Enrolment enrolment = client.enrolByAadhaar(sent.txnId(),
                    lastOtpTo(SeedData.AADHAAR_WITH_ABHA_MOBILE), MobileNumber.of(SeedData.AADHAAR_WITH_ABHA_MOBILE));
            assertThat(enrolment.isNew()).isFalse();
            assertThat(enrolment.profile().abhaNumber()).contains(AbhaNumber.of(SeedData.ABHA_EXISTING));
        }

        @Test
        void aTakenAddressIsRefusedWithAdviceToPickAnother() throws Exception {
            OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW));
            Enrolment enrolment = client.enrolByAadhaar(sent.txnId(), lastOtpTo(SeedData.AADHAAR_NEW_MOBILE),
                    MobileNumber.of(SeedData.AADHAAR_NEW_MOBILE));
            AbdmException e = catchThrowableOfType(AbdmException.class,
                    () -> client.createAbhaAddress(enrolment.txnId(), SeedData.TAKEN_ADDRESS));
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.userMessage(EN)).contains("already").contains("taken");
        }

        @Test
        void anAddressAgainstThePolicyIsRefusedBeforeItIsSent() throws Exception {
            OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW));
            Enrolment enrolment = client.enrolByAadhaar(sent.txnId(), lastOtpTo(SeedData.AADHAAR_NEW_MOBILE),
                    MobileNumber.of(SeedData.AADHAAR_NEW_MOBILE));
            AbdmException e = catchThrowableOfType(AbdmException.class,
                    () -> client.createAbhaAddress(enrolment.txnId(), "ab.c_d.e"));
            assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
            assertThat(e.userMessage(EN)).contains("at most one dot");
            assertThat(sim.requests().count("POST", "/v3/enrollment/enrol/abha-address")).isZero();
        }
    }

    @Nested
    class OtpRules {
        @Test
        void aWrongOtpShowsAbdmsCodeAndWhatToDoAndTheRightOneStillWorks() throws Exception {
            OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW));
            Otp right = lastOtpTo(SeedData.AADHAAR_NEW_MOBILE);
            AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.enrolByAadhaar(sent.txnId(),
                    wrong(right), MobileNumber.of(SeedData.AADHAAR_NEW_MOBILE)));
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.code()).isPresent();
            assertThat(e.userMessage(EN)).startsWith("[" + e.code().get() + "]")
                    .contains("OTP is wrong or has expired");
            assertThat(client.enrolByAadhaar(sent.txnId(), right, MobileNumber.of(SeedData.AADHAAR_NEW_MOBILE))
                    .isNew()).isTrue();
        }

        @Test
        void anOtpOlderThanTenMinutesIsRefused() throws Exception {
            OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW));
            Otp right = lastOtpTo(SeedData.AADHAAR_NEW_MOBILE);
            clock.advance(Duration.ofMinutes(11));
            AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.enrolByAadhaar(sent.txnId(),
                    right, MobileNumber.of(SeedData.AADHAAR_NEW_MOBILE)));
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.userMessage(EN).toLowerCase(Locale.ROOT)).contains("expired");
        }

        @Test
        void resendWaitsSixtySecondsAndStopsAfterTwo() throws Exception {
            AadhaarNumber aadhaar = AadhaarNumber.of(SeedData.AADHAAR_NEW);
            client.requestEnrolmentOtp(aadhaar);
            AbdmException tooEarly = catchThrowableOfType(AbdmException.class,
                    () -> client.requestEnrolmentOtp(aadhaar));
            assertThat(tooEarly.kind()).isEqualTo(Kind.REJECTED);
            assertThat(tooEarly.userMessage(EN)).isNotBlank();

            clock.advance(Duration.ofSeconds(60));
            client.requestEnrolmentOtp(aadhaar);
            clock.advance(Duration.ofSeconds(60));
            OtpSent second = client.requestEnrolmentOtp(aadhaar);
            clock.advance(Duration.ofSeconds(60));
            AbdmException third = catchThrowableOfType(AbdmException.class,
                    () -> client.requestEnrolmentOtp(aadhaar));
            assertThat(third.code()).contains("ABDM-1100");
            assertThat(third.userMessage(EN)).contains("30 minutes");
            assertThat(sim.requests().count("POST", "/v3/enrollment/request/otp")).isEqualTo(5);
            assertThat(second.txnId()).isNotBlank();
        }

        @Test
        void theLatestResentOtpVerifiesAndTheEarlierOneNoLonger() throws Exception {
            AadhaarNumber aadhaar = AadhaarNumber.of(SeedData.AADHAAR_NEW);
            client.requestEnrolmentOtp(aadhaar);
            Otp first = lastOtpTo(SeedData.AADHAAR_NEW_MOBILE);
            clock.advance(Duration.ofSeconds(61));
            OtpSent resent = client.requestEnrolmentOtp(aadhaar);
            Otp latest = lastOtpTo(SeedData.AADHAAR_NEW_MOBILE);
            MobileNumber mobile = MobileNumber.of(SeedData.AADHAAR_NEW_MOBILE);
            if (!latest.revealForEncryption().equals(first.revealForEncryption())) {
                AbdmException stale = catchThrowableOfType(AbdmException.class,
                        () -> client.enrolByAadhaar(resent.txnId(), first, mobile));
                assertThat(stale.kind()).isEqualTo(Kind.REJECTED);
            }
            assertThat(client.enrolByAadhaar(resent.txnId(), latest, mobile).isNew()).isTrue();
        }

        @Test
        void fiveWrongOtpsBlockTheTransaction() throws Exception {
            OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW));
            Otp right = lastOtpTo(SeedData.AADHAAR_NEW_MOBILE);
            MobileNumber mobile = MobileNumber.of(SeedData.AADHAAR_NEW_MOBILE);
            AbdmException last = null;
            for (int i = 0; i < 6; i++) {
                last = catchThrowableOfType(AbdmException.class,
                        () -> client.enrolByAadhaar(sent.txnId(), wrong(right), mobile));
            }
            assertThat(last.code()).contains("ABDM-1100");
            AbdmException blocked = catchThrowableOfType(AbdmException.class,
                    () -> client.enrolByAadhaar(sent.txnId(), right, mobile));
            assertThat(blocked.code()).contains("ABDM-1100");
            assertThat(blocked.userMessage(EN)).contains("30 minutes");
        }

        @Test
        void anUnknownTransactionIsExplained() {
            AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.enrolByAadhaar(
                    "3f2c8a6e-1b7d-4e55-9a0c-2d9e6f1b7a44", Otp.of("123456"),
                    MobileNumber.of(SeedData.AADHAAR_NEW_MOBILE)));
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.code()).contains("ABDM-1006");
            assertThat(e.userMessage(EN)).contains("ABDM-1006").contains("Transaction");
        }
    }

    @Nested
    class GatewayRules {
        @Test
        void wrongClientCredentialsSendThePersonToTheItPerson() {
            try (AbhaClient bad = clientWith("not-the-secret", clock)) {
                AbdmException e = catchThrowableOfType(AbdmException.class,
                        () -> bad.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW)));
                assertThat(e.kind()).isEqualTo(Kind.SESSION);
                assertThat(e.userMessage(EN)).contains("client ID and secret");
            }
            assertThat(sim.requests().count("POST", "/v3/enrollment/request/otp")).isZero();
        }

        @Test
        void aWrongWorkstationClockIsNamedAsTheCause() {
            MutableClock skewed = new MutableClock(clock.instant().minus(Duration.ofHours(1)));
            try (AbhaClient late = clientWith(SimulatorConfig.DEMO_CLIENT_SECRET, skewed)) {
                AbdmException e = catchThrowableOfType(AbdmException.class,
                        () -> late.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW)));
                assertThat(e.code()).contains("ABDM-1016");
                assertThat(e.userMessage(EN)).contains("clock");
            }
        }

        @Test
        void aSessionTheGatewayForgotIsRenewedOnceWithoutBotheringThePerson() throws Exception {
            MutableClock frozen = new MutableClock(clock.instant());
            try (AbhaClient c = clientWith(SimulatorConfig.DEMO_CLIENT_SECRET, frozen)) {
                c.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW));
                // The gateway's clock passes the token's 20 minutes; the client's does not notice.
                clock.advance(Duration.ofMinutes(21));
                frozen.advance(Duration.ofMinutes(21).minusSeconds(120));
                OtpSent sent = c.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW_2));
                assertThat(sent.txnId()).isNotBlank();
            }
            assertThat(sim.requests().count("POST", "/gateway/v3/sessions")).isEqualTo(2);
        }

        @Test
        void anUnreachableAbdmIsANetworkProblemNotACrash() {
            sim.close();
            AbdmException e = catchThrowableOfType(AbdmException.class,
                    () -> client.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW)));
            assertThat(e.kind()).isEqualTo(Kind.NETWORK);
            assertThat(e.userMessage(EN)).contains("Could not reach ABDM");
        }
    }

    @Nested
    class Verify {
        private UserToken login(Method method, OtpRoute route, String identifier, String otpMobile)
                throws Exception {
            LoginRequest request = new LoginRequest(method, route, identifier);
            OtpSent sent = client.requestLoginOtp(request);
            LoginResult result = client.verifyLoginOtp(request, sent.txnId(), lastOtpTo(otpMobile));
            assertThat(result.needsAccountChoice()).isFalse();
            return result.token().orElseThrow();
        }

        @Test
        void byAbhaNumberWithEitherOtpRoute() throws Exception {
            for (OtpRoute route : OtpRoute.values()) {
                String otpMobile = route == OtpRoute.AADHAAR ? SeedData.AADHAAR_WITH_ABHA_MOBILE
                        : SeedData.ABHA_EXISTING_MOBILE;
                UserToken token = login(Method.ABHA_NUMBER, route, SeedData.ABHA_EXISTING, otpMobile);
                assertThat(client.profile(token).abhaNumber()).contains(AbhaNumber.of(SeedData.ABHA_EXISTING));
            }
        }

        @Test
        void byAbhaAddressWithEitherOtpRoute() throws Exception {
            for (OtpRoute route : OtpRoute.values()) {
                String otpMobile = route == OtpRoute.AADHAAR ? SeedData.AADHAAR_WITH_ABHA_MOBILE
                        : SeedData.ABHA_EXISTING_MOBILE;
                UserToken token = login(Method.ABHA_ADDRESS, route, SeedData.ABHA_ADDRESS_EXISTING, otpMobile);
                assertThat(token.family()).isEqualTo(UserToken.Family.PHR);
                assertThat(client.profile(token).abhaNumber()).contains(AbhaNumber.of(SeedData.ABHA_EXISTING));
            }
        }

        @Test
        void byAadhaar() throws Exception {
            UserToken token = login(Method.AADHAAR, OtpRoute.AADHAAR, SeedData.AADHAAR_WITH_ABHA,
                    SeedData.AADHAAR_WITH_ABHA_MOBILE);
            assertThat(client.profile(token).abhaNumber()).contains(AbhaNumber.of(SeedData.ABHA_EXISTING));
        }

        @Test
        void byAMobileSharedByAFamilyTheDeskPicksOne() throws Exception {
            LoginRequest request = new LoginRequest(Method.MOBILE, OtpRoute.ABHA_MOBILE, SeedData.MOBILE_FAMILY);
            OtpSent sent = client.requestLoginOtp(request);
            LoginResult result = client.verifyLoginOtp(request, sent.txnId(), lastOtpTo(SeedData.MOBILE_FAMILY));
            assertThat(result.needsAccountChoice()).isTrue();
            assertThat(result.accounts()).hasSize(3);
            AbhaNumber sunita = AbhaNumber.of(SeedData.ABHA_FAMILY_SUNITA);
            UserToken token = client.selectAccount(result, sunita);
            assertThat(client.profile(token).abhaNumber()).contains(sunita);
        }

        @Test
        void aMobileWithNoAbhaSaysSo() throws Exception {
            LoginRequest request = new LoginRequest(Method.MOBILE, OtpRoute.ABHA_MOBILE, SeedData.MOBILE_NO_ABHA);
            AbdmException e = catchThrowableOfType(AbdmException.class, () -> {
                OtpSent sent = client.requestLoginOtp(request);
                client.verifyLoginOtp(request, sent.txnId(), lastOtpTo(SeedData.MOBILE_NO_ABHA));
            });
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.userMessage(EN)).contains("did not find any ABHA linked to this mobile");
        }

        @Test
        void anAadhaarWithNoAbhaSaysSo() {
            LoginRequest request = new LoginRequest(Method.AADHAAR, OtpRoute.AADHAAR, SeedData.AADHAAR_NEW);
            AbdmException e = catchThrowableOfType(AbdmException.class, () -> {
                OtpSent sent = client.requestLoginOtp(request);
                client.verifyLoginOtp(request, sent.txnId(), lastOtpTo(SeedData.AADHAAR_NEW_MOBILE));
            });
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.advice(EN)).isEqualTo(org.abdmdesk.engine.i18n.EngineText.get(EN, "error.noAbhaForAadhaar"));
        }

        @Test
        void anUnknownAbhaNumberIsNotFound() {
            LoginRequest request = new LoginRequest(Method.ABHA_NUMBER, OtpRoute.ABHA_MOBILE, "91-1111-2222-3339");
            AbdmException e = catchThrowableOfType(AbdmException.class, () -> client.requestLoginOtp(request));
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.userMessage(EN)).contains("No ABHA was found");
        }

        @Test
        void aWrongLoginOtpIsExplained() throws Exception {
            LoginRequest request = new LoginRequest(Method.ABHA_NUMBER, OtpRoute.ABHA_MOBILE, SeedData.ABHA_EXISTING);
            OtpSent sent = client.requestLoginOtp(request);
            Otp right = lastOtpTo(SeedData.ABHA_EXISTING_MOBILE);
            AbdmException e = catchThrowableOfType(AbdmException.class,
                    () -> client.verifyLoginOtp(request, sent.txnId(), wrong(right)));
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.userMessage(EN)).contains("OTP");
        }
    }
}
