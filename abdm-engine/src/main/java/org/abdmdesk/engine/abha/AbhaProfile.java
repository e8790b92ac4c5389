package org.abdmdesk.engine.abha;

import java.util.List;
import java.util.Optional;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;

/**
 * A patient's ABHA profile as ABDM returns it. {@code abhaNumber} is empty for address-only ABHAs;
 * {@code birthDate} is partial when ABDM knows only the year (or year and month).
 */
public record AbhaProfile(
        Optional<AbhaNumber> abhaNumber,
        Optional<AbhaAddress> preferredAddress,
        List<AbhaAddress> addresses,
        String name,
        String firstName,
        String middleName,
        String lastName,
        Gender gender,
        PartialDate birthDate,
        Optional<String> mobile,
        Optional<String> email,
        String address,
        String districtName,
        String stateName,
        String pinCode,
        String status,
        boolean kycVerified,
        Optional<byte[]> photoJpeg) {
}
