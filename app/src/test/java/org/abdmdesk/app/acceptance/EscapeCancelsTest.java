package org.abdmdesk.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.abdmdesk.app.abha.create.CreateAbhaView;
import org.abdmdesk.app.abha.create.CreateAbhaViewModel;
import org.abdmdesk.app.common.FlowServices;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.app.support.ManualTicker;
import org.abdmdesk.app.support.RecordingDialogs;
import org.abdmdesk.engine.abha.AbhaService;
import org.abdmdesk.engine.abha.EnrolmentConsentLog;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.sim.SeedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Esc stops a call that hangs: the call's thread is interrupted and the screen is usable again. */
@ExtendWith(ApplicationExtension.class)
class EscapeCancelsTest {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private CreateAbhaViewModel vm;

    @Start
    void start(Stage stage) {
        // an ABDM that never answers until the calling thread is interrupted
        AbhaService hanging = (AbhaService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AbhaService.class}, (proxy, method, args) -> {
                    entered.countDown();
                    try {
                        Thread.sleep(Duration.ofMinutes(1));
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw AbdmException.cancelled("interrupted");
                    }
                    throw new AssertionError("the call was not cancelled");
                });
        FlowServices flows = new FlowServices(hanging, new I18n(Locale.ENGLISH), new RecordingDialogs(),
                Clock.systemUTC(), new ManualTicker(), Platform::runLater, "sbx");
        EnrolmentConsentLog consents = (EnrolmentConsentLog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EnrolmentConsentLog.class}, (proxy, method, args) ->
                        method.getReturnType() == long.class ? 1L : null);
        vm = new CreateAbhaViewModel(flows, consents, "Reception 1", p -> { });
        vm.patientNameProperty().set("Test Patient");
        vm.tickProperty("1").set(true);
        vm.tickProperty("6").set(true);
        vm.tickProperty("7").set(true);
        vm.agree();
        Scene scene = new Scene(new CreateAbhaView(vm, new I18n(Locale.ENGLISH)), 900, 600);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void escStopsARunningCall(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#aadhaar").tryQuery()
                .map(n -> n.isFocused()).orElse(false));
        robot.write(SeedData.AADHAAR_NEW).type(KeyCode.ENTER);
        assertThat(entered.await(5, TimeUnit.SECONDS)).as("the call started").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.calls().isRunning()).isTrue();
        assertThat(robot.lookup("#aadhaar-send").query().isDisabled()).isTrue();

        robot.type(KeyCode.ESCAPE);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("Esc interrupted the call").isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !vm.calls().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#aadhaar-send").query().isDisabled()).as("Send OTP usable again").isFalse();
        assertThat(vm.stepProperty().get()).isEqualTo(CreateAbhaViewModel.Step.AADHAAR);
    }
}
