package org.abdmdesk.engine.share;

import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;

/**
 * A profile share as read from the callback body: the counter ({@code metaData.context}) and the
 * patient. {@code sharedAddress} is the ABHA address exactly as it came (the on-share echoes it);
 * {@code abhaAddress} is its parsed form. At least one of the ABHA number and address is present.
 * {@link #toString()} names no patient data.
 */
record SharedProfile(String counter, Optional<AbhaNumber> abhaNumber, Optional<AbhaAddress> abhaAddress,
        String sharedAddress, String name, Gender gender, Optional<PartialDate> birthDate,
        Optional<MobileNumber> mobile, String addressLine, String district, String state, String pinCode) {

    SharedProfile {
        Objects.requireNonNull(counter, "counter");
        if (abhaNumber.isEmpty() && abhaAddress.isEmpty()) {
            throw new IllegalArgumentException("a shared profile has an ABHA number or address");
        }
    }

    @Override
    public String toString() {
        return "SharedProfile[counter=" + counter + ", abhaNumber=" + abhaNumber.map(AbhaNumber::masked).orElse("-")
                + "]";
    }
}
