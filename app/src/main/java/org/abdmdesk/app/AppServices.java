package org.abdmdesk.app;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.abdmdesk.app.common.DialogService;
import org.abdmdesk.engine.abha.AbhaService;
import org.abdmdesk.engine.abha.EnrolmentConsentLog;
import org.abdmdesk.engine.patient.PatientRepository;
import org.abdmdesk.engine.sim.AbdmSimulator;

/**
 * Everything the workstation is wired from, built in one place ({@link Wiring}). {@code simulator}
 * is present in demo mode. {@link #close()} closes the store and stops the simulator.
 */
public record AppServices(AbhaService abha, PatientRepository patients, EnrolmentConsentLog consents, Clock clock,
        Locale locale, DialogService dialogs, Optional<AbdmSimulator> simulator, String cmSuffix, String operator,
        String modeKey, AutoCloseable resources) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
