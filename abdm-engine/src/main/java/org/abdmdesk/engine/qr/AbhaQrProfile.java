package org.abdmdesk.engine.qr;

import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;

/**
 * What a patient's ABHA QR (ABHA card, ABHA/PHR app) says, read by {@link AbhaQrParser}. Use it to
 * pre-fill registration; it is <em>not</em> proof of identity (the QR is neither signed nor encrypted).
 *
 * @param abhaNumber    the 14-digit ABHA number, when the QR has one ({@code hidn})
 * @param abhaAddress   the ABHA address ({@code hid} or {@code phr}); when the QR has neither, the
 *                      14 digits of the number at the default suffix (see {@link #addressFromNumber})
 * @param addressFromNumber true when {@code abhaAddress} was derived from the number, not read
 * @param name          full name as printed
 * @param gender        M/F/O, anything else {@link Gender#UNKNOWN}
 * @param dateOfBirth   the date of birth, possibly year only; empty when absent or unreadable
 * @param stateName     state name ({@code state name} or {@code state_name})
 * @param districtName  district name ({@code district_name} or {@code dist name})
 * @param stateLgd      state LGD code as text
 * @param districtLgd   district LGD code as text (empty when the QR says {@code -})
 * @param mobileShown   the mobile exactly as shown in the QR (it may be masked, like {@code 984x1x2x6x})
 * @param mobile        the mobile number, only when the QR shows a complete valid one
 * @param address       the address line from KYC
 */
public record AbhaQrProfile(
        Optional<AbhaNumber> abhaNumber,
        AbhaAddress abhaAddress,
        boolean addressFromNumber,
        Optional<String> name,
        Gender gender,
        Optional<PartialDate> dateOfBirth,
        Optional<String> stateName,
        Optional<String> districtName,
        Optional<String> stateLgd,
        Optional<String> districtLgd,
        Optional<String> mobileShown,
        Optional<MobileNumber> mobile,
        Optional<String> address) {

    public AbhaQrProfile {
        Objects.requireNonNull(abhaNumber);
        Objects.requireNonNull(abhaAddress);
        Objects.requireNonNull(name);
        Objects.requireNonNull(gender);
        Objects.requireNonNull(dateOfBirth);
        Objects.requireNonNull(stateName);
        Objects.requireNonNull(districtName);
        Objects.requireNonNull(stateLgd);
        Objects.requireNonNull(districtLgd);
        Objects.requireNonNull(mobileShown);
        Objects.requireNonNull(mobile);
        Objects.requireNonNull(address);
        if (addressFromNumber && abhaNumber.isEmpty()) {
            throw new IllegalArgumentException("an address derived from the number needs the number");
        }
    }

    /** Masked: safe for logs (no name, address or full identifiers). */
    @Override
    public String toString() {
        return "AbhaQrProfile[abhaNumber=" + abhaNumber.map(AbhaNumber::masked).orElse("-")
                + ", abhaAddress=" + (addressFromNumber ? "(from number)" : "***@" + abhaAddress.suffix())
                + ", gender=" + gender + "]";
    }
}
