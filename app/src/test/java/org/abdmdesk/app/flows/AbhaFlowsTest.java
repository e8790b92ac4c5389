package org.abdmdesk.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.abdmdesk.app.AppServices;
import org.abdmdesk.app.Wiring;
import org.abdmdesk.app.abha.create.CreateAbhaViewModel;
import org.abdmdesk.app.abha.verify.VerifyAbhaViewModel;
import org.abdmdesk.app.common.FlowServices;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.qr.QrScanViewModel;
import org.abdmdesk.app.shell.FrontDeskViewModel;
import org.abdmdesk.app.support.ManualTicker;
import org.abdmdesk.app.support.MutableClock;
import org.abdmdesk.app.support.RecordingDialogs;
import org.abdmdesk.engine.abha.LoginRequest;
import org.abdmdesk.engine.qr.QrCodes;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SeedData;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** View-model tests of the ABHA flows: real simulator over HTTP, real SQLite store, fake dialogs and clock. */
class AbhaFlowsTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final ManualTicker ticker = new ManualTicker();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private AppServices services;
    private AbdmSimulator sim;
    private FrontDeskViewModel desk;

    @BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        services = Wiring.demo(SimulatorConfig.defaults().withClock(clock), dir.resolve("desk.db"), dialogs,
                Locale.ENGLISH, clock, "Reception 1");
        sim = services.simulator().orElseThrow();
        I18n i18n = new I18n(Locale.ENGLISH);
        FlowServices flows = new FlowServices(services.abha(), i18n, dialogs, clock, ticker, Platform::runLater, "sbx");
        desk = fx(() -> new FrontDeskViewModel(flows, services.patients(), services.consents(), "Reception 1",
                () -> { throw new AssertionError("no camera in tests"); }));
    }

    @AfterEach
    void stop() throws Exception {
        services.close();
    }

    @Test
    void wrongOtpShowsAbdmCodeAndMessageClearsTheBoxAndKeepsTheTransaction() throws Exception {
        CreateAbhaViewModel vm = toOtpStep(SeedData.AADHAAR_NEW);
        String otp = sim.otpInbox().latestFor(SeedData.AADHAAR_NEW_MOBILE).orElseThrow().otp();
        String txn = fx(() -> vm.otp().txnId());
        fx(() -> {
            vm.communicationMobileProperty().set(SeedData.AADHAAR_NEW_MOBILE);
            vm.otp().otpProperty().set(otp.equals("111111") ? "222222" : "111111");
            vm.verifyOtp();
            return null;
        });
        await(() -> !vm.otp().errorProperty().get().isEmpty());
        assertThat(fx(() -> vm.otp().errorProperty().get())).matches("(?s)\\[[^\\]]+\\] .+");
        assertThat(fx(() -> vm.otp().otpProperty().get())).isEmpty();
        assertThat(fx(() -> vm.otp().txnId())).isEqualTo(txn);
        assertThat(fx(() -> vm.stepProperty().get())).isEqualTo(CreateAbhaViewModel.Step.OTP);

        fx(() -> {
            vm.otp().otpProperty().set(otp);
            vm.verifyOtp();
            return null;
        });
        await(() -> vm.stepProperty().get() == CreateAbhaViewModel.Step.ADDRESS);
        await(() -> vm.suggestions().size() >= 3);
    }

    @Test
    void resendWaits60SecondsWithCountdownAndIsCappedAtTwo() throws Exception {
        CreateAbhaViewModel vm = toOtpStep(SeedData.AADHAAR_NEW);
        assertThat(fx(() -> vm.canResendBinding().get())).isFalse();
        assertThat(fx(() -> vm.otp().countdown().secondsLeftProperty().get())).isEqualTo(60);
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofSeconds(59));
            fx(ticker::tick);
            assertThat(fx(() -> vm.canResendBinding().get())).isFalse();
            clock.advance(Duration.ofSeconds(1));
            fx(ticker::tick);
            assertThat(fx(() -> vm.canResendBinding().get())).isTrue();
            int before = sim.otpInbox().all().size();
            fx(() -> {
                vm.resendOtp();
                return null;
            });
            await(() -> sim.otpInbox().all().size() == before + 1 && !vm.calls().isRunning());
        }
        clock.advance(Duration.ofSeconds(120));
        fx(ticker::tick);
        assertThat(fx(() -> vm.canResendBinding().get())).isFalse();
        assertThat(fx(() -> vm.otp().countdown().resendsLeftProperty().get())).isZero();
    }

    @Test
    void aDifferentCommunicationMobileNeedsItsOwnOtp() throws Exception {
        CreateAbhaViewModel vm = toOtpStep(SeedData.AADHAAR_NEW_2);
        String otp = sim.otpInbox().latestFor(SeedData.AADHAAR_NEW_2_MOBILE).orElseThrow().otp();
        fx(() -> {
            vm.communicationMobileProperty().set(SeedData.OTHER_MOBILE);
            vm.otp().otpProperty().set(otp);
            vm.verifyOtp();
            return null;
        });
        await(() -> vm.stepProperty().get() == CreateAbhaViewModel.Step.MOBILE_OTP);
        String mobileOtp = sim.otpInbox().latestFor(SeedData.OTHER_MOBILE).orElseThrow().otp();
        fx(() -> {
            vm.mobileOtp().otpProperty().set(mobileOtp);
            vm.verifyMobileOtp();
            return null;
        });
        await(() -> vm.stepProperty().get() == CreateAbhaViewModel.Step.ADDRESS);
    }

    @Test
    void anAadhaarWithAnAbhaOffersTheExistingOne() throws Exception {
        CreateAbhaViewModel vm = toOtpStep(SeedData.AADHAAR_WITH_ABHA);
        String otp = sim.otpInbox().latestFor(SeedData.AADHAAR_WITH_ABHA_MOBILE).orElseThrow().otp();
        fx(() -> {
            vm.communicationMobileProperty().set(SeedData.ABHA_EXISTING_MOBILE);
            vm.otp().otpProperty().set(otp);
            vm.verifyOtp();
            return null;
        });
        await(() -> vm.stepProperty().get() == CreateAbhaViewModel.Step.EXISTING);
        assertThat(fx(() -> vm.existingMessageProperty().get())).contains(SeedData.ABHA_EXISTING);
        fx(() -> {
            vm.useExisting();
            return null;
        });
        await(() -> vm.stepProperty().get() == CreateAbhaViewModel.Step.DONE);
        assertThat(fx(() -> vm.resultNumberProperty().get())).isEqualTo(SeedData.ABHA_EXISTING);
    }

    @Test
    void addressPolicyFeedbackIsLiveAndTakenComesFromAbdm() throws Exception {
        CreateAbhaViewModel vm = toOtpStep(SeedData.AADHAAR_NEW);
        String otp = sim.otpInbox().latestFor(SeedData.AADHAAR_NEW_MOBILE).orElseThrow().otp();
        fx(() -> {
            vm.communicationMobileProperty().set(SeedData.AADHAAR_NEW_MOBILE);
            vm.otp().otpProperty().set(otp);
            vm.verifyOtp();
            return null;
        });
        await(() -> vm.stepProperty().get() == CreateAbhaViewModel.Step.ADDRESS && !vm.calls().isRunning());
        fx(() -> {
            vm.usernameProperty().set("ab");
            return null;
        });
        assertThat(fx(() -> vm.usernameFeedbackProperty().get())).isEqualTo("Use 8 to 18 characters.");
        assertThat(fx(() -> vm.canCreateAddressBinding().get())).isFalse();
        fx(() -> {
            vm.usernameProperty().set(SeedData.TAKEN_ADDRESS);
            vm.createAddress();
            return null;
        });
        await(() -> !vm.calls().isRunning() && vm.usernameFeedbackProperty().get().startsWith("["));
        assertThat(fx(() -> vm.stepProperty().get())).isEqualTo(CreateAbhaViewModel.Step.ADDRESS);
    }

    @Test
    void verifyByMobileWithThreeAccountsListsThemAndLoadsTheChosenProfile() throws Exception {
        VerifyAbhaViewModel vm = fx(desk::startVerifyAbha);
        fx(() -> {
            vm.methodProperty().set(LoginRequest.Method.MOBILE);
            vm.identifierProperty().set(SeedData.MOBILE_FAMILY);
            vm.sendOtp();
            return null;
        });
        await(() -> vm.stepProperty().get() == VerifyAbhaViewModel.Step.OTP);
        String otp = sim.otpInbox().latestFor(SeedData.MOBILE_FAMILY).orElseThrow().otp();
        fx(() -> {
            vm.otp().otpProperty().set(otp);
            vm.verifyOtp();
            return null;
        });
        await(() -> vm.stepProperty().get() == VerifyAbhaViewModel.Step.ACCOUNTS);
        assertThat(fx(() -> vm.accounts().size())).isEqualTo(3);
        fx(() -> {
            vm.selectAccount(vm.accounts().get(1));
            return null;
        });
        await(() -> vm.stepProperty().get() == VerifyAbhaViewModel.Step.PROFILE);
        fx(() -> {
            vm.usePatient();
            return null;
        });
        assertThat(fx(() -> desk.registration().hasAbha())).isTrue();
        assertThat(fx(() -> desk.screenProperty().get())).isEqualTo(FrontDeskViewModel.Screen.REGISTRATION);
    }

    @Test
    void verifyByAMobileWithoutAbhaSaysNotFound() throws Exception {
        VerifyAbhaViewModel vm = fx(desk::startVerifyAbha);
        fx(() -> {
            vm.methodProperty().set(LoginRequest.Method.MOBILE);
            vm.identifierProperty().set(SeedData.MOBILE_NO_ABHA);
            vm.sendOtp();
            return null;
        });
        await(() -> !vm.calls().isRunning());
        if (fx(() -> vm.stepProperty().get()) == VerifyAbhaViewModel.Step.OTP) {
            String otp = sim.otpInbox().latestFor(SeedData.MOBILE_NO_ABHA).orElseThrow().otp();
            fx(() -> {
                vm.otp().otpProperty().set(otp);
                vm.verifyOtp();
                return null;
            });
            await(() -> !vm.calls().isRunning());
        }
        assertThat(fx(() -> vm.errorProperty().get())).isNotBlank();
        assertThat(fx(() -> vm.stepProperty().get())).isEqualTo(VerifyAbhaViewModel.Step.IDENTIFY);
    }

    @Test
    void anAbhaQrInAnImageFilePrefillsRegistrationAsUnverified() throws Exception {
        Path png = dir.resolve("qr.png");
        Files.write(png, QrCodes.renderPng("{\"hidn\":\"" + SeedData.ABHA_EXISTING + "\",\"hid\":\""
                + SeedData.ABHA_ADDRESS_EXISTING + "\",\"name\":\"Asha Verma\",\"gender\":\"F\",\"dob\":\"12-06-1990\"}", 400));
        QrScanViewModel scan = fx(desk::startScanQr);
        fx(() -> {
            scan.scanFile(png);
            return null;
        });
        await(() -> desk.screenProperty().get() == FrontDeskViewModel.Screen.REGISTRATION);
        assertThat(fx(() -> desk.registration().nameProperty().get())).isEqualTo("Asha Verma");
        assertThat(fx(() -> desk.registration().abhaNumberTextProperty().get())).isEqualTo(SeedData.ABHA_EXISTING);
        assertThat(fx(() -> desk.registration().abhaUnverifiedProperty().get())).isTrue();
        assertThat(services.patients().search("Asha", 5)).as("nothing saved by scanning").isEmpty();
    }

    @Test
    void aQrThatIsNotAnAbhaQrShowsWhyAndSavesNothing() throws Exception {
        Path png = dir.resolve("other.png");
        Files.write(png, QrCodes.renderPng("hello, this is not ABHA", 300));
        QrScanViewModel scan = fx(desk::startScanQr);
        fx(() -> {
            scan.scanFile(png);
            return null;
        });
        await(() -> !scan.errorProperty().get().isEmpty());
        assertThat(fx(() -> desk.registration().hasAbha())).isFalse();
    }

    @Test
    void verifyByAbhaAddressWithAadhaarOtp() throws Exception {
        verifyByAbhaAddress(LoginRequest.OtpRoute.AADHAAR, SeedData.AADHAAR_WITH_ABHA_MOBILE);
    }

    @Test
    void verifyByAbhaAddressWithAbhaMobileOtp() throws Exception {
        verifyByAbhaAddress(LoginRequest.OtpRoute.ABHA_MOBILE, SeedData.ABHA_EXISTING_MOBILE);
    }

    private void verifyByAbhaAddress(LoginRequest.OtpRoute route, String otpGoesTo) throws Exception {
        VerifyAbhaViewModel vm = fx(desk::startVerifyAbha);
        int before = sim.otpInbox().all().size();
        fx(() -> {
            vm.methodProperty().set(LoginRequest.Method.ABHA_ADDRESS);
            vm.routeProperty().set(route);
            vm.identifierProperty().set(SeedData.ABHA_ADDRESS_EXISTING);
            vm.sendOtp();
        });
        await(() -> vm.stepProperty().get() == VerifyAbhaViewModel.Step.OTP);
        assertThat(sim.otpInbox().all()).hasSize(before + 1);
        assertThat(sim.otpInbox().all().get(before).mobile()).as("the OTP went by the chosen route").isEqualTo(otpGoesTo);
        String otp = sim.otpInbox().latestFor(otpGoesTo).orElseThrow().otp();
        fx(() -> {
            vm.otp().otpProperty().set(otp);
            vm.verifyOtp();
        });
        await(() -> vm.stepProperty().get() == VerifyAbhaViewModel.Step.PROFILE);
        assertThat(fx(() -> vm.profileSummaryProperty().get())).contains("Asha Verma", SeedData.ABHA_EXISTING,
                SeedData.ABHA_ADDRESS_EXISTING);
        fx(vm::usePatient);
        assertThat(fx(() -> desk.registration().abhaAddressTextProperty().get())).isEqualTo(SeedData.ABHA_ADDRESS_EXISTING);
        assertThat(fx(() -> desk.registration().abhaUnverifiedProperty().get())).isFalse();
    }

    @Test
    void verifyByAadhaarFindsTheAbhaAndPrefillsRegistration() throws Exception {
        VerifyAbhaViewModel vm = fx(desk::startVerifyAbha);
        fx(() -> {
            vm.methodProperty().set(LoginRequest.Method.AADHAAR);
            vm.identifierProperty().set(SeedData.AADHAAR_WITH_ABHA);
            vm.sendOtp();
        });
        await(() -> vm.stepProperty().get() == VerifyAbhaViewModel.Step.OTP);
        assertThat(fx(() -> vm.identifierProperty().get())).as("the Aadhaar is not kept once sent").isEmpty();
        String otp = sim.otpInbox().latestFor(SeedData.AADHAAR_WITH_ABHA_MOBILE).orElseThrow().otp();
        fx(() -> {
            vm.otp().otpProperty().set(otp);
            vm.verifyOtp();
        });
        await(() -> vm.stepProperty().get() == VerifyAbhaViewModel.Step.PROFILE);
        fx(vm::usePatient);
        var reg = desk.registration();
        assertThat(fx(() -> reg.nameProperty().get())).isEqualTo("Asha Verma");
        assertThat(fx(() -> reg.abhaNumberTextProperty().get())).isEqualTo(SeedData.ABHA_EXISTING);
        assertThat(fx(() -> reg.birthDateProperty().get())).isEqualTo("05-03-1988");
        assertThat(fx(() -> reg.districtProperty().get())).isNotBlank();
        assertThat(fx(() -> desk.screenProperty().get())).isEqualTo(FrontDeskViewModel.Screen.REGISTRATION);
    }

    @Test
    void verifyByAnAadhaarWithoutAbhaSaysSoClearly() throws Exception {
        VerifyAbhaViewModel vm = fx(desk::startVerifyAbha);
        fx(() -> {
            vm.methodProperty().set(LoginRequest.Method.AADHAAR);
            vm.identifierProperty().set(SeedData.AADHAAR_NEW);
            vm.sendOtp();
        });
        await(() -> !vm.calls().isRunning() && !vm.errorProperty().get().isEmpty());
        assertThat(fx(() -> vm.errorProperty().get())).matches("(?s)\\[[^\\]]+\\] .+").containsIgnoringCase("not found");
        assertThat(fx(() -> vm.stepProperty().get())).isEqualTo(VerifyAbhaViewModel.Step.IDENTIFY);
        assertThat(fx(() -> desk.registration().hasAbha())).isFalse();
    }

    @Test
    void theCardIsSavedWhereThePersonChoseAndPrintedThroughTheDialogService() throws Exception {
        CreateAbhaViewModel vm = toOtpStep(SeedData.AADHAAR_WITH_ABHA);
        String otp = sim.otpInbox().latestFor(SeedData.AADHAAR_WITH_ABHA_MOBILE).orElseThrow().otp();
        fx(() -> {
            vm.communicationMobileProperty().set(SeedData.ABHA_EXISTING_MOBILE);
            vm.otp().otpProperty().set(otp);
            vm.verifyOtp();
        });
        await(() -> vm.stepProperty().get() == CreateAbhaViewModel.Step.EXISTING);
        fx(vm::useExisting);
        await(() -> vm.cardProperty().get() != null && !vm.calls().isRunning());
        var card = fx(() -> vm.cardProperty().get());
        assertThat(card.bytes()).isNotEmpty();

        Path target = dir.resolve("saved").resolve("abha-card." + card.extension());
        Files.createDirectories(target.getParent());
        dialogs.saveTarget = target;
        fx(vm::saveCard);
        assertThat(target).exists();
        assertThat(Files.readAllBytes(target)).isEqualTo(card.bytes());

        dialogs.saveTarget = null; // the person cancelled: nothing written, nothing shown
        fx(vm::saveCard);
        assertThat(dialogs.shown).isEmpty();

        fx(vm::printCard);
        assertThat(dialogs.printed).singleElement().isSameAs(card);
    }

    private CreateAbhaViewModel toOtpStep(String aadhaar) throws Exception {
        CreateAbhaViewModel vm = fx(desk::startCreateAbha);
        fx(() -> {
            vm.patientNameProperty().set("Test Patient");
            vm.tickProperty("1").set(true);
            vm.tickProperty("6").set(true);
            vm.tickProperty("7").set(true);
            vm.agree();
            vm.aadhaarProperty().set(aadhaar);
            vm.sendOtp();
            return null;
        });
        await(() -> vm.stepProperty().get() == CreateAbhaViewModel.Step.OTP);
        assertThat(fx(() -> vm.aadhaarProperty().get())).as("Aadhaar box emptied after sending").isEmpty();
        return vm;
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }
}
