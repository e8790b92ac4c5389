package org.abdmdesk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.abdmdesk.app.AppServices;
import org.abdmdesk.app.Desk;
import org.abdmdesk.app.Wiring;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.app.support.RecordingDialogs;
import org.abdmdesk.engine.identity.AadhaarNumber;
import org.abdmdesk.engine.sim.SeedData;
import org.abdmdesk.engine.sim.SentOtp;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The demo's patient phone: OTPs the simulator sends show up on top; the demo people and numbers can be copied. */
@ExtendWith(ApplicationExtension.class)
class PatientPhoneTest {
    @TempDir
    static Path dir;

    private AppServices services;
    private PatientPhoneViewModel phone;
    private final List<String> clipboard = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        services = Wiring.demo(SimulatorConfig.defaults(), dir.resolve("phone-" + System.nanoTime() + ".db"),
                new RecordingDialogs(), Locale.ENGLISH, Clock.systemUTC(), "Reception 1");
        I18n i18n = new I18n(Locale.ENGLISH);
        phone = Desk.patientPhone(services.simulator().orElseThrow(), i18n, clipboard::add, Platform::runLater);
        Scene scene = new Scene(PatientPhoneWindow.content(phone, i18n), PatientPhoneWindow.WIDTH, 700);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        services.close();
    }

    @Test
    void anOtpTheSimulatorSendsAppearsOnTopOfThePhone(FxRobot robot) throws Exception {
        services.abha().requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW));
        SentOtp first = services.simulator().orElseThrow().otpInbox().latestFor(SeedData.AADHAAR_NEW_MOBILE).orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> phone.messages().size() == 1);
        services.abha().requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_DEMO_3));
        SentOtp second = services.simulator().orElseThrow().otpInbox().latestFor(SeedData.AADHAAR_DEMO_3_MOBILE)
                .orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> phone.messages().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        PatientPhoneViewModel.Message top = phone.messages().get(0);
        assertThat(top.otp()).isEqualTo(second.otp());
        assertThat(top.mobile()).isEqualTo("******" + SeedData.AADHAAR_DEMO_3_MOBILE.substring(6));
        assertThat(top.purpose()).isEqualTo("ABHA enrolment");
        assertThat(phone.messages().get(1).otp()).isEqualTo(first.otp());
        assertThat(phone.newestProperty().get()).isSameAs(top);
        assertThat(top.toString()).doesNotContain(second.otp());

        @SuppressWarnings("unchecked")
        TableView<PatientPhoneViewModel.Message> table = robot.lookup("#phone-messages").queryAs(TableView.class);
        assertThat(table.getItems()).first().isSameAs(top);
        assertThat(robot.lookup(".table-row-cell:fresh").queryAll()).as("the newest row is lit").hasSize(1);
    }

    @Test
    void listsTheDemoResidentsWithCardFormattedAadhaarAndCopiesIt(FxRobot robot) {
        assertThat(phone.residents()).hasSize(SeedData.DEMO_RESIDENTS.size());
        PatientPhoneViewModel.Fixture rahul = phone.residents().get(0);
        assertThat(rahul.title()).isEqualTo("Rahul Kumar Sharma");
        assertThat(rahul.shown()).isEqualTo("2345 6789 0124");
        assertThat(rahul.note()).startsWith("Rahul Kumar Sharma has no ABHA yet")
                .contains(SeedData.AADHAAR_NEW_MOBILE);
        assertThat(rahul.toString()).doesNotContain(SeedData.AADHAAR_NEW);
        assertThat(phone.verifyFixtures()).extracting(PatientPhoneViewModel.Fixture::copyValue).containsExactly(
                SeedData.ABHA_EXISTING, SeedData.ABHA_ADDRESS_EXISTING, SeedData.MOBILE_FAMILY, SeedData.MOBILE_NO_ABHA);

        robot.clickOn("#fixture-copy-aadhaar-0");
        robot.interact(() -> robot.lookup("#phone-fixtures").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#fixture-copy-mobile-family");
        assertThat(clipboard).containsExactly(SeedData.AADHAAR_NEW, SeedData.MOBILE_FAMILY);
        assertThat(robot.lookup("#phone-copied").queryAs(Label.class).getText()).contains(SeedData.MOBILE_FAMILY);
    }

    @Test
    void theExplanationsWrapInsteadOfBeingCutOff(FxRobot robot) {
        for (String id : List.of("#phone-intro", "#fixture-note-aadhaar-1", "#fixture-note-abha-number")) {
            Label label = robot.lookup(id).queryAs(Label.class);
            assertThat(label.isWrapText()).isTrue();
            assertThat(label.getHeight()).as("%s is as tall as its text needs", id)
                    .isGreaterThanOrEqualTo(label.prefHeight(label.getWidth()) - 0.5);
        }
    }
}
