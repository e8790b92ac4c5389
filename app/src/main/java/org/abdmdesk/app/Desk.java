package org.abdmdesk.app;

import javafx.application.Platform;
import org.abdmdesk.app.common.FlowServices;
import org.abdmdesk.app.common.FxTicker;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.demo.PatientPhoneViewModel;
import org.abdmdesk.app.demo.PatientPhoneWindow;
import org.abdmdesk.app.qr.WebcamFrameSource;
import org.abdmdesk.app.shell.FrontDeskViewModel;

/** Turns ready {@link AppServices} into the front desk (and, in demo mode, the patient phone). */
public final class Desk {
    private Desk() {
    }

    /** Call on the FX thread. */
    public static FrontDeskViewModel frontDesk(AppServices services, I18n i18n) {
        FlowServices flows = new FlowServices(services.abha(), i18n, services.dialogs(), services.clock(),
                new FxTicker(), Platform::runLater, services.cmSuffix());
        return new FrontDeskViewModel(flows, services.patients(), services.consents(), services.operator(),
                WebcamFrameSource::new);
    }

    /** Demo mode: the "Patient phone (demo)" window, fed by the simulator's OTP inbox. Call on the FX thread. */
    public static void openPatientPhone(AppServices services, I18n i18n) {
        services.simulator().ifPresent(sim -> {
            PatientPhoneViewModel phone = new PatientPhoneViewModel();
            sim.otpInbox().all().forEach(phone::received);
            sim.otpInbox().addListener(sent -> Platform.runLater(() -> phone.received(sent)));
            PatientPhoneWindow.open(phone, i18n);
        });
    }
}
