package org.abdmdesk.store.patient;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.patient.PatientDetails;

/** Test data: patient details with sensible defaults and one thing changed at a time. */
final class Patients {
    private Patients() {
    }

    static PatientDetails named(String name) {
        return new PatientDetails(name, Gender.FEMALE, Optional.of(PartialDate.yearOnly(1990)), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), "12 MG Road", "Pune", "Maharashtra", "411001");
    }

    static PatientDetails withMobile(String name, String mobile) {
        PatientDetails d = named(name);
        return new PatientDetails(d.name(), d.gender(), d.birthDate(), Optional.of(MobileNumber.of(mobile)),
                d.abhaNumber(), d.abhaAddresses(), d.preferredAbhaAddress(), d.address(), d.districtName(),
                d.stateName(), d.pinCode());
    }

    static PatientDetails withAbha(String name, String abhaNumber, String... addresses) {
        PatientDetails d = named(name);
        List<AbhaAddress> parsed = Arrays.stream(addresses).map(a -> AbhaAddress.parse(a, "sbx")).toList();
        return new PatientDetails(d.name(), d.gender(), d.birthDate(), d.mobile(),
                Optional.ofNullable(abhaNumber).map(AbhaNumber::of), parsed, parsed.stream().findFirst(), d.address(),
                d.districtName(), d.stateName(), d.pinCode());
    }
}
