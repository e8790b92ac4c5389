package org.abdmdesk.engine.share;

import java.util.Objects;
import org.abdmdesk.engine.patient.Patient;

/**
 * A profile share was handled: the token given (or given again) and the patient it belongs to.
 * {@code newPatient}: the patient was registered from the shared profile just now; {@code repeat}:
 * the token was issued for an earlier share and given again. {@link #toString()} names ids only.
 */
public record ShareEvent(ShareToken token, Patient patient, boolean newPatient, boolean repeat) {
    public ShareEvent {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(patient, "patient");
    }

    @Override
    public String toString() {
        return "ShareEvent[token=" + token.id() + ", patient=" + patient.id() + ", newPatient=" + newPatient
                + ", repeat=" + repeat + "]";
    }
}
