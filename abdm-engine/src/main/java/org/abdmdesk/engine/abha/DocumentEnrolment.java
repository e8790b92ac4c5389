package org.abdmdesk.engine.abha;

import java.util.List;
import org.abdmdesk.engine.identity.AbhaAddress;

/** A driving-licence enrolment: provisional until verified; ABDM gives an enrolment number. */
public record DocumentEnrolment(String txnId, String enrolmentNumber, String enrolmentState, String name,
        List<AbhaAddress> addresses) {
}
