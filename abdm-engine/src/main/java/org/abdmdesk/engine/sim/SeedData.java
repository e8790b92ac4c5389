package org.abdmdesk.engine.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.abdmdesk.engine.identity.Gender;

/**
 * The simulator's fixed residents and ABHAs, for tests and the demo. Every Aadhaar number here is
 * FAKE (Verhoeff-valid, first digit 2-9, generated with {@code Verhoeff.checkDigit}); every ABHA
 * number is fake (91 + 11 digits + a Luhn check digit); names and addresses are fictional. State
 * LGD codes are the real ones; district LGD codes are illustrative (Rohtas 215 is ABDM's example).
 */
public final class SeedData {

    /** Resident without ABHA; enrolling with this same mobile goes straight on (no mobile OTP). */
    public static final String AADHAAR_NEW = "234567890124";
    /** Aadhaar-linked mobile of {@link #AADHAAR_NEW}: its Aadhaar OTP arrives here. */
    public static final String AADHAAR_NEW_MOBILE = "9876543210";

    /** Resident without ABHA, enrolled with another mobile (e.g. {@link #OTHER_MOBILE}) to force the mobile OTP. */
    public static final String AADHAAR_NEW_2 = "345678901238";
    /** Aadhaar-linked mobile of {@link #AADHAAR_NEW_2}. */
    public static final String AADHAAR_NEW_2_MOBILE = "9123456780";
    /** A communication mobile linked to nothing: the mobile-verify OTP goes here. */
    public static final String OTHER_MOBILE = "7012345678";

    /** Resident without ABHA (demo): Mohammed Irfan Shaikh, Pune. */
    public static final String AADHAAR_DEMO_3 = "456789012341";
    public static final String AADHAAR_DEMO_3_MOBILE = "8087654321";
    /** Resident without ABHA (demo): Lakshmi Devi, Rohtas, born 1958. */
    public static final String AADHAAR_DEMO_4 = "567890123458";
    public static final String AADHAAR_DEMO_4_MOBILE = "6201234567";
    /** Resident without ABHA (demo): Gurpreet Singh Gill, Ludhiana. */
    public static final String AADHAAR_DEMO_5 = "678901234560";
    public static final String AADHAAR_DEMO_5_MOBILE = "9814012345";

    /** Resident who already has {@link #ABHA_EXISTING}: enrolment returns it with isNew:false. */
    public static final String AADHAAR_WITH_ABHA = "789012345674";
    /** Aadhaar-linked mobile of {@link #AADHAAR_WITH_ABHA}: Aadhaar OTPs for Asha go here. */
    public static final String AADHAAR_WITH_ABHA_MOBILE = "9988776655";
    /** Asha Verma's ABHA number. */
    public static final String ABHA_EXISTING = "91-1357-2468-0131";
    /** Asha Verma's preferred ABHA address. */
    public static final String ABHA_ADDRESS_EXISTING = "asha.verma@sbx";
    /** The mobile on Asha's ABHA: ABHA-mobile OTPs go here. */
    public static final String ABHA_EXISTING_MOBILE = "9811122233";

    /** One phone for a family of three ABHAs (Ramesh, Sunita, Aarav Yadav). */
    public static final String MOBILE_FAMILY = "9450011223";
    public static final String ABHA_FAMILY_RAMESH = "91-2468-1357-9025";
    public static final String ABHA_FAMILY_SUNITA = "91-3579-2468-0246";
    public static final String ABHA_FAMILY_AARAV = "91-4681-3579-1357";

    /** A mobile with no ABHA at all. */
    public static final String MOBILE_NO_ABHA = "7000012345";

    /** A username already in use (by another Rahul Sharma): creating it must fail with 1434. */
    public static final String TAKEN_ADDRESS = "rahul.sharma";
    static final String TAKEN_ADDRESS_OWNER = "91-6803-5791-3572";

    /** The demo clinic's facility (HIP and HIU) id; fake, "99" is no state code. */
    public static final String DEMO_HIP_ID = "IN9910000042";
    public static final String DEMO_FACILITY_NAME = "ABDM Desk Demo Clinic";
    /** The demo clinic's registration counter. */
    public static final String DEMO_COUNTER = "desk1";
    /** The demo counter's Scan &amp; Share QR text (sandbox form, abha-v3.md section 5.2). */
    public static final String DEMO_COUNTER_QR = "https://phrsbx.abdm.gov.in/share-profile?hip-id=" + DEMO_HIP_ID
            + "&counter-id=" + DEMO_COUNTER;

    private static final Instant SEEDED_AT = Instant.parse("2024-01-15T04:30:00Z");

    /** A seeded resident as the demo lists it; {@link #scenario} says what to try with them. */
    public record DemoResident(String aadhaar, String aadhaarMobile, String name, String scenarioKey) {
        public String scenario(Locale locale) {
            return ResourceBundle.getBundle(SimText.BUNDLE, locale).getString(scenarioKey);
        }
    }

    /** The residents a demo user can enrol or verify, with what each one shows. */
    public static final List<DemoResident> DEMO_RESIDENTS = List.of(
            new DemoResident(AADHAAR_NEW, AADHAAR_NEW_MOBILE, "Rahul Kumar Sharma", "scenario.new"),
            new DemoResident(AADHAAR_NEW_2, AADHAAR_NEW_2_MOBILE, "Priya Nair", "scenario.newOtherMobile"),
            new DemoResident(AADHAAR_DEMO_3, AADHAAR_DEMO_3_MOBILE, "Mohammed Irfan Shaikh", "scenario.new"),
            new DemoResident(AADHAAR_DEMO_4, AADHAAR_DEMO_4_MOBILE, "Lakshmi Devi", "scenario.new"),
            new DemoResident(AADHAAR_DEMO_5, AADHAAR_DEMO_5_MOBILE, "Gurpreet Singh Gill", "scenario.new"),
            new DemoResident(AADHAAR_WITH_ABHA, AADHAAR_WITH_ABHA_MOBILE, "Asha Verma", "scenario.existing"));

    private SeedData() {
    }

    static List<Resident> residents() {
        List<Resident> r = new ArrayList<>();
        r.add(new Resident(AADHAAR_NEW, AADHAAR_NEW_MOBILE, person("Rahul", "Kumar", "Sharma", Gender.MALE,
                "1991-10-22", "House 12, Gandhi Nagar, Aliganj", "162", "LUCKNOW", "9", "UTTAR PRADESH", "226024")));
        r.add(new Resident(AADHAAR_NEW_2, AADHAAR_NEW_2_MOBILE, person("Priya", "", "Nair", Gender.FEMALE,
                "1995-03-14", "Thekkedath House, Kaloor", "589", "ERNAKULAM", "32", "KERALA", "682017")));
        r.add(new Resident(AADHAAR_DEMO_3, AADHAAR_DEMO_3_MOBILE, person("Mohammed", "Irfan", "Shaikh", Gender.MALE,
                "1978-07-05", "Flat 4B, Kondhwa Road", "521", "PUNE", "27", "MAHARASHTRA", "411048")));
        r.add(new Resident(AADHAAR_DEMO_4, AADHAAR_DEMO_4_MOBILE, person("Lakshmi", "", "Devi", Gender.FEMALE,
                "1958-01-01", "Ward 7, Dehri", "215", "ROHTAS", "10", "BIHAR", "821307")));
        r.add(new Resident(AADHAAR_DEMO_5, AADHAAR_DEMO_5_MOBILE, person("Gurpreet", "Singh", "Gill", Gender.MALE,
                "1985-11-30", "Street 3, Model Town", "41", "LUDHIANA", "3", "PUNJAB", "141002")));
        r.add(new Resident(AADHAAR_WITH_ABHA, AADHAAR_WITH_ABHA_MOBILE, asha()));
        r.add(new Resident("890123456784", MOBILE_FAMILY, ramesh()));
        r.add(new Resident("298765432101", MOBILE_FAMILY, sunita()));
        r.add(new Resident("476543210985", MOBILE_FAMILY, aarav()));
        r.add(new Resident("387654321095", "9717000111", otherRahul()));
        return r;
    }

    static List<Account> accounts() {
        return List.of(
                account(ABHA_EXISTING, asha(), AADHAAR_WITH_ABHA, ABHA_EXISTING_MOBILE, ABHA_ADDRESS_EXISTING),
                account(ABHA_FAMILY_RAMESH, ramesh(), "890123456784", MOBILE_FAMILY, "ramesh.yadav@sbx"),
                account(ABHA_FAMILY_SUNITA, sunita(), "298765432101", MOBILE_FAMILY, "sunita_yadav@sbx"),
                account(ABHA_FAMILY_AARAV, aarav(), "476543210985", MOBILE_FAMILY, "aarav.yadav2012@sbx"),
                account(TAKEN_ADDRESS_OWNER, otherRahul(), "387654321095", "9717000111", TAKEN_ADDRESS + "@sbx"));
    }

    private static Person asha() {
        return person("Asha", "", "Verma", Gender.FEMALE, "1988-03-05", "B-21, Malviya Nagar", "110", "JAIPUR", "8",
                "RAJASTHAN", "302017");
    }

    private static Person ramesh() {
        return person("Ramesh", "Chandra", "Yadav", Gender.MALE, "1972-08-15", "S 8/112, Shivpur", "187", "VARANASI",
                "9", "UTTAR PRADESH", "221003");
    }

    private static Person sunita() {
        return person("Sunita", "", "Yadav", Gender.FEMALE, "1976-02-20", "S 8/112, Shivpur", "187", "VARANASI", "9",
                "UTTAR PRADESH", "221003");
    }

    private static Person aarav() {
        return person("Aarav", "", "Yadav", Gender.MALE, "2012-06-25", "S 8/112, Shivpur", "187", "VARANASI", "9",
                "UTTAR PRADESH", "221003");
    }

    private static Person otherRahul() {
        return person("Rahul", "", "Sharma", Gender.MALE, "1989-12-01", "C-9, Lajpat Nagar II", "77", "SOUTH EAST DELHI",
                "7", "DELHI", "110024");
    }

    private static Person person(String first, String middle, String last, Gender gender, String dob, String address,
            String districtCode, String districtName, String stateCode, String stateName, String pin) {
        return new Person(first, middle, last, gender, LocalDate.parse(dob), address, districtCode, districtName,
                stateCode, stateName, pin);
    }

    private static Account account(String hyphenated, Person person, String aadhaar, String mobile, String address) {
        String digits = hyphenated.replace("-", "");
        return new Account(digits, person, aadhaar, mobile, null, List.of(address, digits + SimState.SUFFIX), address,
                "ACTIVE", true, SEEDED_AT);
    }
}
