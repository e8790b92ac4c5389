package org.abdmdesk.engine.abha;

import java.time.Instant;
import java.util.Set;

/**
 * The patient's consent to ABHA enrolment as recorded before the Aadhaar is sent (CRT_ABHA_102):
 * which statements were ticked, which text (version and SHA-256 of the exact wording), in which
 * language, who explained it and for whom. ABDM receives {@code abha-enrollment}/{@code 1.4}.
 */
public record EnrolmentConsent(Set<String> tickedStatementIds, String textVersion, String textSha256,
        String language, String operator, String patientName, Instant at) {
    public static final String ABDM_CONSENT_CODE = "abha-enrollment";
    public static final String ABDM_CONSENT_VERSION = "1.4";

    public EnrolmentConsent {
        tickedStatementIds = Set.copyOf(tickedStatementIds);
    }
}
