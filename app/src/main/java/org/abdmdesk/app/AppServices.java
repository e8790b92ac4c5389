package org.abdmdesk.app;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.abdmdesk.app.common.DialogService;
import org.abdmdesk.app.share.ShareServices;
import org.abdmdesk.engine.abha.AbhaService;
import org.abdmdesk.engine.abha.EnrolmentConsentLog;
import org.abdmdesk.engine.patient.PatientRepository;
import org.abdmdesk.engine.sim.AbdmSimulator;

/**
 * Everything the workstation is wired from, built in one place ({@link Wiring}). {@code simulator}
 * is present in demo mode; {@code share} and {@code exchange} when the clinic's HIP id and relay are
 * set up (always in demo mode). {@link #close()} closes the exchange, the store and the simulator.
 */
public record AppServices(AbhaService abha, PatientRepository patients, EnrolmentConsentLog consents, Clock clock,
        Locale locale, DialogService dialogs, Optional<AbdmSimulator> simulator, String cmSuffix, String operator,
        String modeKey, Optional<ShareServices> share, Optional<Exchange> exchange, AutoCloseable resources)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
