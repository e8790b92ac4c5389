package org.abdmdesk.engine.abha;

import java.util.Optional;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;

/** One ABHA in a login result: enough to tell family members on one phone apart. */
public record AccountSummary(Optional<AbhaNumber> abhaNumber, Optional<AbhaAddress> preferredAddress, String name,
        Gender gender, String birthDate, String status) {
}
