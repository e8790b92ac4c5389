package org.abdmdesk.engine.sim;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The profile shapes ABDM answers with (abha-v3.md sections 3.3, 3.8, 4.2, 4.4) and the profile it shares. */
final class ProfileJson {
    /** Where the simulated phone says it scanned (the phone's location; fictional). */
    static final String SHARE_LATITUDE = "18.5204";
    static final String SHARE_LONGITUDE = "73.8567";
    private static final DateTimeFormatter DOB = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private ProfileJson() {
    }

    /** {@code ABHAProfile} of {@code enrol/byAadhaar}: dob dd-MM-yyyy, {@code pinCode}, hyphenated number. */
    static Map<String, Object> enrolmentProfile(Account a) {
        Person p = a.person();
        return JsonMaps.of("firstName", p.firstName(), "middleName", p.middleName(), "lastName", p.lastName(),
                "dob", DOB.format(p.dob()), "gender", p.gender().code(), "photo", PhotoRenderer.jpegBase64(p),
                "mobile", a.mobile(), "email", a.email(), "phrAddress", a.addresses(), "address", p.address(),
                "districtCode", p.districtCode(), "districtName", p.districtName(), "stateCode", p.stateCode(),
                "stateName", p.stateName(), "pinCode", p.pinCode(), "abhaType", "STANDARD",
                "ABHANumber", a.hyphenated(), "abhaStatus", a.status());
    }

    /** {@code GET /v3/profile/account}: birth date in three strings, {@code pincode} in lower case. */
    static Map<String, Object> account(Account a) {
        Person p = a.person();
        Map<String, Object> m = JsonMaps.of("ABHANumber", a.hyphenated(), "preferredAbhaAddress", a.preferredAddress(),
                "phrAddress", a.addresses(), "mobile", a.mobile(), "email", a.email(),
                "firstName", p.firstName(), "middleName", p.middleName(), "lastName", p.lastName(), "name", p.name(),
                "yearOfBirth", Integer.toString(p.dob().getYear()),
                "monthOfBirth", String.format("%02d", p.dob().getMonthValue()),
                "dayOfBirth", String.format("%02d", p.dob().getDayOfMonth()),
                "gender", p.gender().code(), "profilePhoto", PhotoRenderer.jpegBase64(p), "status", a.status(),
                "stateCode", p.stateCode(), "districtCode", p.districtCode(), "pincode", p.pinCode(),
                "address", p.address(), "kycPhoto", null, "stateName", p.stateName(), "districtName", p.districtName(),
                "subdistrictName", null, "townName", null, "authMethods", a.authMethods(), "tags", Map.of(),
                "kycVerified", a.kycVerified(), "abhaType", "STANDARD",
                "localizedDetails", JsonMaps.of("name", p.name(), "stateName", p.stateName(),
                        "districtName", p.districtName(), "gender", p.gender().code(), "localizedLabels", Map.of()),
                "createdDate", DOB.format(a.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        return m;
    }

    /** The PHR-web profile: the account shape plus the address that logged in. */
    static Map<String, Object> phrProfile(Account a, String address) {
        Map<String, Object> m = account(a);
        m.put("abhaAddress", address);
        m.put("fullName", a.person().name());
        return m;
    }

    /**
     * The body of a scan-and-share callback ({@code POST {bridge}/api/v3/hip/patient/share},
     * abdm-gateway-v3.md section 2.1 (a)): the intent, where the patient scanned, and the profile.
     */
    static Map<String, Object> profileShare(Account a, String abhaAddress, String hipId, String counterId) {
        Person p = a.person();
        Map<String, Object> address = JsonMaps.of("line", p.address(), "district", p.districtName(),
                "state", p.stateName(), "pincode", p.pinCode());
        Map<String, Object> patient = JsonMaps.of("abhaNumber", a.hyphenated(), "abhaAddress", abhaAddress,
                "name", p.name(), "gender", p.gender().code(),
                "dayOfBirth", String.format("%02d", p.dob().getDayOfMonth()),
                "monthOfBirth", String.format("%02d", p.dob().getMonthValue()),
                "yearOfBirth", Integer.toString(p.dob().getYear()),
                "address", address, "phoneNumber", a.mobile());
        return JsonMaps.of("intent", "PROFILE_SHARE",
                "metaData", JsonMaps.of("hipId", hipId, "context", counterId, "hprId", "",
                        "latitude", SHARE_LATITUDE, "longitude", SHARE_LONGITUDE),
                "profile", JsonMaps.of("patient", patient));
    }

    /** One entry of {@code accounts[]} in login verify. */
    static Map<String, Object> summary(Account a) {
        Person p = a.person();
        return JsonMaps.of("ABHANumber", a.hyphenated(), "preferredAbhaAddress", a.preferredAddress(),
                "name", p.name(), "gender", p.gender().code(), "dob", DOB.format(p.dob()), "status", a.status(),
                "profilePhoto", PhotoRenderer.jpegBase64(p), "kycVerified", a.kycVerified());
    }

    static List<Map<String, Object>> summaries(List<Account> accounts) {
        return accounts.stream().map(ProfileJson::summary).toList();
    }

    /** Token fields as ABDM names them ({@code token, expiresIn, refreshToken, refreshExpiresIn}). */
    static Map<String, Object> tokens(String token, long expiresIn, String refreshToken) {
        return JsonMaps.of("token", token, "expiresIn", expiresIn, "refreshToken", refreshToken,
                "refreshExpiresIn", SimState.REFRESH_LIFETIME.toSeconds());
    }
}
