package org.abdmdesk.engine.patient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;

/**
 * A patient of this clinic. {@code mrn} is the clinic's own patient id. An ABHA number is tagged to
 * at most one patient (TAGGING_UNIQUEPATIENTID_UNIQUEABHANUMBER); there is deliberately no Aadhaar.
 */
public record Patient(
        long id,
        String mrn,
        String name,
        Gender gender,
        Optional<PartialDate> birthDate,
        Optional<MobileNumber> mobile,
        Optional<AbhaNumber> abhaNumber,
        List<AbhaAddress> abhaAddresses,
        Optional<AbhaAddress> preferredAbhaAddress,
        String address,
        String districtName,
        String stateName,
        String pinCode,
        Instant createdAt,
        Instant updatedAt) {

    public boolean hasAbha() {
        return abhaNumber.isPresent() || !abhaAddresses.isEmpty();
    }
}
