package org.abdmdesk.engine.patient;

import java.util.List;
import java.util.Optional;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;

/** What the front desk fills in to register a patient or to update one (everything but ids). */
public record PatientDetails(
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
        String pinCode) {

    public PatientDetails {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a patient needs a name");
        }
        abhaAddresses = List.copyOf(abhaAddresses);
        if (preferredAbhaAddress.isPresent() && !abhaAddresses.contains(preferredAbhaAddress.get())) {
            throw new IllegalArgumentException("the preferred ABHA address must be one of the addresses");
        }
    }
}
