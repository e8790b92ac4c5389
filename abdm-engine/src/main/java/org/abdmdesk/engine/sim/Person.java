package org.abdmdesk.engine.sim;

import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.abdmdesk.engine.identity.Gender;

/** Who a resident or ABHA holder is, as UIDAI's KYC would give it. Names and places are fictional. */
record Person(String firstName, String middleName, String lastName, Gender gender, LocalDate dob, String address,
        String districtCode, String districtName, String stateCode, String stateName, String pinCode) {

    String name() {
        return Stream.of(firstName, middleName, lastName).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
    }
}
