package org.abdmdesk.app.support;

import java.util.List;
import java.util.Optional;
import org.abdmdesk.engine.abha.AbhaProfile;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;

/** ABHA profiles for tests that do not need ABDM. */
public final class Profiles {
    private Profiles() {
    }

    public static AbhaProfile profile(String abhaDigits, String address, String name) {
        AbhaAddress a = AbhaAddress.parse(address, "sbx");
        return new AbhaProfile(Optional.of(AbhaNumber.of(abhaDigits)), Optional.of(a), List.of(a), name, name, "", "",
                Gender.FEMALE, PartialDate.yearOnly(1990), Optional.of("9876543210"), Optional.empty(), "12 MG Road",
                "Pune", "Maharashtra", "411001", "ACTIVE", true, Optional.empty());
    }
}
