package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The flat JSON of the patient's ABHA QR (abha-v3.md section 5.1): ABHA-card and PHR-app variants. */
final class QrPayload {
    private static final DateTimeFormatter CARD_DOB = DateTimeFormatter.ofPattern("d/M/yyyy");
    private static final DateTimeFormatter PHR_DOB = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private QrPayload() {
    }

    /** ABHA-card QR: {@code hidn, hid, name, gender, statelgd, distlgd, dob, "state name", district_name, mobile, address}. */
    static Map<String, Object> card(Account a) {
        Person p = a.person();
        return JsonMaps.of("hidn", a.hyphenated(), "hid", a.preferredAddress(), "name", p.name(),
                "gender", p.gender().code(), "statelgd", p.stateCode(), "distlgd", p.districtCode(),
                "dob", CARD_DOB.format(p.dob()), "state name", p.stateName(), "district_name", p.districtName(),
                "mobile", a.mobile(), "address", p.address());
    }

    /** PHR-app QR: the address under {@code phr} instead of {@code hid}, {@code dd-MM-yyyy} birth date. */
    static Map<String, Object> phr(Account a, String address) {
        Person p = a.person();
        return JsonMaps.of("hidn", a.hyphenated(), "phr", address, "name", p.name(), "gender", p.gender().code(),
                "dob", PHR_DOB.format(p.dob()), "statelgd", p.stateCode(), "distlgd", p.districtCode(),
                "address", p.address());
    }

    static String text(ObjectMapper json, Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
