package org.abdmdesk.engine.abha;

import java.util.List;

/** Keeps every enrolment consent (local-store implements it). Records are never changed or deleted. */
public interface EnrolmentConsentLog {
    /** Stores the record and returns its id. */
    long record(EnrolmentConsent consent);

    List<EnrolmentConsent> all();
}
