package org.abdmdesk.app;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Window;
import org.abdmdesk.app.common.FlowServices;
import org.abdmdesk.app.common.FxTicker;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.demo.PatientPhoneViewModel;
import org.abdmdesk.app.demo.PatientPhoneWindow;
import org.abdmdesk.app.qr.WebcamFrameSource;
import org.abdmdesk.app.shell.ExchangeStatus;
import org.abdmdesk.app.shell.FrontDeskViewModel;
import org.abdmdesk.app.shell.ShellViewModel;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SeedData;

/** Turns ready {@link AppServices} into the front desk (and, in demo mode, the patient phone). */
public final class Desk {
    private Desk() {
    }

    /** Call on the FX thread. */
    public static FrontDeskViewModel frontDesk(AppServices services, I18n i18n) {
        FlowServices flows = new FlowServices(services.abha(), i18n, services.dialogs(), services.clock(),
                new FxTicker(), Platform::runLater, services.cmSuffix());
        // a lambda, not WebcamFrameSource::new: the camera classes load only when a scan starts
        return new FrontDeskViewModel(flows, services.patients(), services.consents(), services.operator(),
                () -> new WebcamFrameSource(), services.share());
    }

    /** Keeps the status line's words on the relay link, the outbox and failed callbacks up to date. */
    public static void watchExchange(AppServices services, ShellViewModel shell, Executor ui) {
        services.exchange().ifPresentOrElse(e -> e.watch(status -> ui.execute(() -> shell.exchange(status))),
                () -> shell.exchange(ExchangeStatus.notConfigured()));
        services.exchange().ifPresent(Exchange::deskShown);
    }

    /**
     * The patient phone's view model, fed by the simulator's OTP inbox: what was sent before now,
     * then every new OTP as it is sent (delivered through {@code ui}). Call on the UI thread.
     */
    public static PatientPhoneViewModel patientPhone(AbdmSimulator simulator, I18n i18n, Consumer<String> clipboard,
            Executor ui) {
        PatientPhoneViewModel phone = new PatientPhoneViewModel(i18n, clipboard,
                abha -> simulator.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, abha));
        simulator.addOnShareListener(reply -> ui.execute(() -> phone.tokenArrived(reply)));
        simulator.otpInbox().all().forEach(phone::received);
        simulator.otpInbox().addListener(sent -> ui.execute(() -> phone.received(sent)));
        return phone;
    }

    /** Demo mode: opens the "Patient phone (demo)" window beside {@code main}. Call on the FX thread. */
    public static void openPatientPhone(AppServices services, I18n i18n, Window main) {
        services.simulator().ifPresent(sim -> PatientPhoneWindow.open(
                patientPhone(sim, i18n, PatientPhoneWindow::copyToClipboard, Platform::runLater), i18n, main));
    }
}
