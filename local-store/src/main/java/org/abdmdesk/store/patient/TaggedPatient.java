package org.abdmdesk.store.patient;

import org.abdmdesk.engine.patient.AbhaAlreadyTaggedException;

/** The patient an ABHA number or address is already tagged to. */
record TaggedPatient(long id, String mrn) {
    AbhaAlreadyTaggedException refusal() {
        return new AbhaAlreadyTaggedException(id, mrn);
    }
}
