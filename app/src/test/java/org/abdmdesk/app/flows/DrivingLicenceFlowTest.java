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
import org.abdmdesk.app.abha.dl.DrivingLicenceViewModel;
import org.abdmdesk.app.abha.dl.DrivingLicenceViewModel.Field;
import org.abdmdesk.app.abha.dl.DrivingLicenceViewModel.Step;
import org.abdmdesk.app.common.FlowServices;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.shell.FrontDeskViewModel;
import org.abdmdesk.app.support.ManualTicker;
import org.abdmdesk.app.support.MutableClock;
import org.abdmdesk.app.support.RecordingDialogs;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.qr.QrCodes;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SeedData;
import org.abdmdesk.engine.sim.SentOtp;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The driving-licence route against the simulator over HTTP: dl-flow OTP, auth/byAbdm, enrol/byDocument. */
class DrivingLicenceFlowTest {
    private static final String MOBILE = "9000011122";

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
        FlowServices flows = new FlowServices(services.abha(), new I18n(Locale.ENGLISH), dialogs, clock, ticker,
                Platform::runLater, "sbx");
        desk = fx(() -> new FrontDeskViewModel(flows, services.patients(), services.consents(), "Reception 1",
                () -> { throw new AssertionError("no camera in tests"); }));
    }

    @AfterEach
    void stop() throws Exception {
        services.close();
    }

    @Test
    void theConsentStepOpensTheRouteOnlyWithStatementTwoAndRecordsThatConsent() throws Exception {
        CreateAbhaViewModel create = fx(desk::startCreateAbha);
        fx(() -> {
            create.patientNameProperty().set("Meena Kumari Iyer");
            create.tickProperty("1").set(true);
            create.tickProperty("6").set(true);
            create.tickProperty("7").set(true);
        });
        assertThat(fx(() -> create.canUseDrivingLicenceBinding().get())).isFalse();
        fx(create::useDrivingLicence);
        assertThat(fx(() -> desk.screenProperty().get())).isEqualTo(FrontDeskViewModel.Screen.CREATE_ABHA);
        assertThat(fx(() -> create.errorProperty().get())).isNotBlank();
        assertThat(services.consents().all()).isEmpty();

        fx(() -> create.tickProperty("2").set(true));
        assertThat(fx(() -> create.canUseDrivingLicenceBinding().get())).isTrue();
        fx(create::useDrivingLicence);
        assertThat(fx(() -> desk.screenProperty().get())).isEqualTo(FrontDeskViewModel.Screen.DRIVING_LICENCE);
        assertThat(services.consents().all()).singleElement()
                .satisfies(c -> assertThat(c.tickedStatementIds()).contains("2", "6", "7"));
        DrivingLicenceViewModel dl = fx(() -> desk.flow(DrivingLicenceViewModel.class).orElseThrow());
        assertThat(fx(() -> dl.textProperty(Field.FIRST_NAME).get())).isEqualTo("Meena");
        assertThat(fx(() -> dl.textProperty(Field.MIDDLE_NAME).get())).isEqualTo("Kumari");
        assertThat(fx(() -> dl.textProperty(Field.LAST_NAME).get())).isEqualTo("Iyer");
    }

    @Test
    void mobileOtpThenTheCheckedFormGivesAProvisionalEnrolmentAndPrefillsRegistration() throws Exception {
        DrivingLicenceViewModel vm = fx(() -> desk.startDrivingLicence("Meena Iyer"));
        fx(() -> vm.mobileProperty().set("12345"));
        assertThat(fx(() -> vm.canSendBinding().get())).isFalse();
        assertThat(fx(() -> vm.mobileProblemProperty().get())).isNotBlank();
        fx(() -> {
            vm.mobileProperty().set(MOBILE);
            vm.sendOtp();
        });
        await(() -> vm.stepProperty().get() == Step.OTP);
        SentOtp sent = sim.otpInbox().latestFor(MOBILE).orElseThrow();
        assertThat(sent.purpose()).isEqualTo(SentOtp.DRIVING_LICENCE_ENROLMENT);
        assertThat(fx(() -> vm.otp().sentMessageProperty().get())).contains(MOBILE.substring(6));

        // same resend rule as every OTP: not before 60 s
        assertThat(fx(() -> vm.canResendBinding().get())).isFalse();
        clock.advance(Duration.ofSeconds(60));
        fx(ticker::tick);
        assertThat(fx(() -> vm.canResendBinding().get())).isTrue();
        fx(vm::resendOtp);
        await(() -> !vm.calls().isRunning() && vm.otp().countdown().resendsLeftProperty().get() == 1);
        SentOtp resent = sim.otpInbox().latestFor(MOBILE).orElseThrow();
        assertThat(resent.at()).isAfterOrEqualTo(sent.at());

        // a wrong OTP: ABDM's words, the box emptied, still on the OTP step
        fx(() -> {
            vm.otp().otpProperty().set(resent.otp().equals("111111") ? "222222" : "111111");
            vm.verifyOtp();
        });
        await(() -> !vm.calls().isRunning() && !vm.otp().errorProperty().get().isEmpty());
        assertThat(fx(() -> vm.otp().otpProperty().get())).isEmpty();
        assertThat(fx(() -> vm.stepProperty().get())).isEqualTo(Step.OTP);
        fx(() -> {
            vm.otp().otpProperty().set(resent.otp());
            vm.verifyOtp();
        });
        await(() -> vm.stepProperty().get() == Step.FORM);

        // the empty form is checked here, nothing is sent, every missing field says so
        int requestsBefore = sim.requests().all().size();
        fx(vm::submit);
        assertThat(fx(() -> vm.errorProperty().get())).isNotBlank();
        for (Field f : new Field[] {Field.LICENCE_NUMBER, Field.BIRTH_DATE, Field.GENDER, Field.FRONT_PHOTO,
                Field.BACK_PHOTO, Field.ADDRESS, Field.STATE, Field.DISTRICT, Field.PIN_CODE}) {
            assertThat(fx(() -> vm.problemProperty(f).get())).as("%s", f).isNotBlank();
        }
        assertThat(fx(() -> vm.problemProperty(Field.FIRST_NAME).get())).isEmpty();
        assertThat(fx(() -> vm.problemProperty(Field.MIDDLE_NAME).get())).as("middle name is optional").isEmpty();
        assertThat(sim.requests().all()).hasSize(requestsBefore);

        // wrong values are named; editing a field clears its error
        fx(() -> {
            vm.textProperty(Field.LICENCE_NUMBER).set("12345");
            vm.textProperty(Field.BIRTH_DATE).set("31-02-1990");
            vm.textProperty(Field.PIN_CODE).set("01234");
            vm.submit();
        });
        assertThat(fx(() -> vm.problemProperty(Field.LICENCE_NUMBER).get())).contains("two letters");
        assertThat(fx(() -> vm.problemProperty(Field.BIRTH_DATE).get())).contains("dd-mm-yyyy");
        assertThat(fx(() -> vm.problemProperty(Field.PIN_CODE).get())).isNotBlank();
        fx(() -> vm.textProperty(Field.LICENCE_NUMBER).set("MH12 20110012345"));
        assertThat(fx(() -> vm.problemProperty(Field.LICENCE_NUMBER).get())).isEmpty();

        // photos come through the dialog service's open-file; a non-picture is refused
        Path notAPicture = Files.writeString(dir.resolve("notes.txt"), "not a picture");
        dialogs.imageToOpen = notAPicture;
        fx(vm::chooseFrontPhoto);
        assertThat(fx(() -> vm.problemProperty(Field.FRONT_PHOTO).get())).contains("JPEG or PNG");
        Path front = Files.write(dir.resolve("front.png"), QrCodes.renderPng("front", 120));
        Path back = Files.write(dir.resolve("back.png"), QrCodes.renderPng("back", 120));
        dialogs.imageToOpen = front;
        fx(vm::chooseFrontPhoto);
        dialogs.imageToOpen = back;
        fx(vm::chooseBackPhoto);
        assertThat(fx(() -> vm.problemProperty(Field.FRONT_PHOTO).get())).isEmpty();
        assertThat(fx(() -> vm.textProperty(Field.BACK_PHOTO).get())).isEqualTo("back.png");

        fx(() -> {
            vm.textProperty(Field.BIRTH_DATE).set("15-08-1990");
            vm.genderProperty().set(Gender.FEMALE);
            vm.textProperty(Field.ADDRESS).set("12 Temple Street, Mylapore");
            vm.textProperty(Field.STATE).set("Tamil Nadu");
            vm.textProperty(Field.DISTRICT).set("Chennai");
            vm.textProperty(Field.PIN_CODE).set("600004");
            vm.submit();
        });
        assertThat(fx(() -> vm.errorProperty().get())).isEmpty();
        await(() -> vm.stepProperty().get() == Step.DONE);
        assertThat(fx(() -> vm.enrolmentNumberProperty().get())).matches("\\d{2}-\\d{4}-\\d{4}-\\d{4}");
        assertThat(fx(() -> vm.enrolmentStateProperty().get())).isEqualTo("Provisional");

        fx(vm::registerPatient);
        assertThat(fx(() -> desk.screenProperty().get())).isEqualTo(FrontDeskViewModel.Screen.REGISTRATION);
        var reg = desk.registration();
        assertThat(fx(() -> reg.nameProperty().get())).isEqualTo("Meena Iyer");
        assertThat(fx(() -> reg.genderProperty().get())).isEqualTo(Gender.FEMALE);
        assertThat(fx(() -> reg.birthDateProperty().get())).isEqualTo("15-08-1990");
        assertThat(fx(() -> reg.mobileProperty().get())).isEqualTo(MOBILE);
        assertThat(fx(() -> reg.pinCodeProperty().get())).isEqualTo("600004");
        assertThat(fx(() -> reg.hasAbha())).as("a provisional enrolment is not an ABHA yet").isFalse();
        assertThat(fx(() -> reg.abhaStateProperty().get())).contains(fx(() -> vm.enrolmentNumberProperty().get()));
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
