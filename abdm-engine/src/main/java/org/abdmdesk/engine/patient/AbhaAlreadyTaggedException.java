package org.abdmdesk.engine.patient;

/** The ABHA is already tagged to another patient of this clinic, who is named so the desk can offer them. */
public class AbhaAlreadyTaggedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long existingPatientId;
    private final String existingMrn;

    public AbhaAlreadyTaggedException(long existingPatientId, String existingMrn) {
        super("ABHA already tagged to patient " + existingMrn);
        this.existingPatientId = existingPatientId;
        this.existingMrn = existingMrn;
    }

    public long existingPatientId() {
        return existingPatientId;
    }

    public String existingMrn() {
        return existingMrn;
    }
}
