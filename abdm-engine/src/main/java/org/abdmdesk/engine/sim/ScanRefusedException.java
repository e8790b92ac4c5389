package org.abdmdesk.engine.sim;

import java.util.Locale;

/**
 * The simulated patient phone could not share the profile: the QR is not a counter QR, the facility is
 * not a HIP the gateway knows, the ABHA is unknown, or no bridge is registered to send the share to.
 * {@link #reason()} tells which; {@link #message(Locale)} says it in English or Hindi for the demo.
 */
public final class ScanRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the share could not be sent. */
    public enum Reason { NOT_A_COUNTER_QR, UNKNOWN_HIP, UNKNOWN_ABHA, NO_BRIDGE }

    private final Reason reason;

    ScanRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** What the patient's phone would say ({@code phone.refused.<REASON>} in the simulator's bundle). */
    public String message(Locale locale) {
        return SimText.get(locale, "phone.refused." + reason.name());
    }
}
