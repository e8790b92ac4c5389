package org.abdmdesk.engine.qr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.qr.NotAbhaQrException.Reason;

/**
 * Reads the text of a patient's ABHA QR (a flat JSON object on the ABHA card and in the ABHA/PHR apps)
 * into an {@link AbhaQrProfile}. Call it with whatever a webcam or a hand scanner produced; anything that
 * is not an ABHA QR, including the clinic's own counter QR, is refused with a reason the desk can show.
 *
 * <p>Lenient where real QRs vary: {@code hid} or {@code phr}; {@code state name}/{@code state_name};
 * {@code district_name}/{@code dist name}; several {@code dob} forms; masked mobiles; extra keys; a
 * byte-order mark. Strict where a wrong value would do harm: a malformed ABHA number or address is refused.
 */
public final class AbhaQrParser {
    /** The suffix for an address derived from the ABHA number: the sandbox's, until configured. */
    public static final String SANDBOX_SUFFIX = "sbx";

    private AbhaQrParser() {
    }

    /** Same as {@link #parse(String, String)} with the sandbox suffix {@code sbx}. */
    public static AbhaQrProfile parse(String text) throws NotAbhaQrException {
        return parse(text, SANDBOX_SUFFIX);
    }

    /**
     * @param text          the scanned text
     * @param defaultSuffix the CM suffix ({@code sbx} or {@code abdm}) for an address that has none, or
     *                      that must be derived from the ABHA number
     */
    public static AbhaQrProfile parse(String text, String defaultSuffix) throws NotAbhaQrException {
        if (defaultSuffix == null || defaultSuffix.isBlank()) {
            throw new IllegalArgumentException("a default ABHA address suffix is needed");
        }
        String s = QrText.clean(text);
        if (s.isEmpty()) {
            throw new NotAbhaQrException(Reason.EMPTY);
        }
        Optional<FacilityQr> counter = FacilityQr.parse(s);
        if (counter.isPresent()) {
            throw new NotAbhaQrException(Reason.FACILITY_COUNTER_QR, counter.get());
        }
        if (s.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new NotAbhaQrException(Reason.WEB_LINK);
        }
        JsonNode node;
        try {
            node = QrJson.read(s);
        } catch (JsonProcessingException e) {
            throw new NotAbhaQrException(Reason.NOT_JSON);
        }
        if (node == null || !node.isObject()) {
            throw new NotAbhaQrException(Reason.NOT_AN_OBJECT);
        }
        return profile(QrJson.scalarFields(node), defaultSuffix);
    }

    private static AbhaQrProfile profile(Map<String, String> f, String suffix) throws NotAbhaQrException {
        Optional<AbhaNumber> number = abhaNumber(f.get("hidn"));
        Optional<String> addressText = first(f, "hid", "phr");
        if (number.isEmpty() && addressText.isEmpty()) {
            throw new NotAbhaQrException(Reason.NO_IDENTIFIER);
        }
        AbhaAddress address;
        try {
            address = addressText.isPresent()
                    ? AbhaAddress.parse(addressText.get(), suffix)
                    : new AbhaAddress(number.orElseThrow().digits(), suffix);
        } catch (IllegalArgumentException e) {
            throw new NotAbhaQrException(Reason.BAD_ABHA_ADDRESS);
        }
        Optional<String> mobileShown = first(f, "mobile");
        Optional<MobileNumber> mobile = mobileShown
                .filter(m -> MobileNumber.check(m).acceptable())
                .map(MobileNumber::of);
        return new AbhaQrProfile(
                number,
                address,
                addressText.isEmpty(),
                first(f, "name"),
                Gender.fromCode(f.get("gender")),
                BirthDates.parse(f.get("dob")),
                known(first(f, "state_name")),
                known(first(f, "district_name", "dist_name")),
                known(first(f, "statelgd")),
                known(first(f, "distlgd")),
                mobileShown,
                mobile,
                first(f, "address"));
    }

    private static Optional<AbhaNumber> abhaNumber(String hidn) throws NotAbhaQrException {
        if (hidn == null) {
            return Optional.empty();
        }
        if (!AbhaNumber.check(hidn).acceptable()) {
            throw new NotAbhaQrException(Reason.BAD_ABHA_NUMBER);
        }
        return Optional.of(AbhaNumber.of(hidn));
    }

    private static Optional<String> first(Map<String, String> fields, String... keys) {
        for (String key : keys) {
            String value = fields.get(key);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** ABHA QRs write {@code -} for "not known". */
    private static Optional<String> known(Optional<String> value) {
        return value.filter(v -> !v.equals("-"));
    }
}
