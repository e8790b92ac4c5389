package org.abdmdesk.engine.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import java.util.Optional;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.qr.NotAbhaQrException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AbhaQrParserTest {
    /** Shaped like the ABHA-card example of ABDM's public docs (values are made up). */
    static final String CARD_QR = """
            {"hidn":"91-6285-4575-5116","hid":"asha.verma@abdm","name":"Asha Verma","gender":"F",
             "statelgd":"29","distlgd":"-","dob":"25/6/1990","state name":"KARNATAKA",
             "district_name":"BENGALURU URBAN","mobile":"98xxxxxx21","address":"12 MG Road, Bengaluru"}""";

    @Test
    void readsAnAbhaCardQr() throws Exception {
        AbhaQrProfile p = AbhaQrParser.parse(CARD_QR);

        assertThat(p.abhaNumber()).hasValueSatisfying(n -> assertThat(n.hyphenated()).isEqualTo("91-6285-4575-5116"));
        assertThat(p.abhaAddress().full()).isEqualTo("asha.verma@abdm");
        assertThat(p.addressFromNumber()).isFalse();
        assertThat(p.name()).hasValue("Asha Verma");
        assertThat(p.gender()).isEqualTo(Gender.FEMALE);
        assertThat(p.dateOfBirth()).hasValue(PartialDate.of(java.time.LocalDate.of(1990, 6, 25)));
        assertThat(p.stateName()).hasValue("KARNATAKA");
        assertThat(p.districtName()).hasValue("BENGALURU URBAN");
        assertThat(p.stateLgd()).hasValue("29");
        assertThat(p.districtLgd()).as("'-' means unknown").isEmpty();
        assertThat(p.mobileShown()).hasValue("98xxxxxx21");
        assertThat(p.mobile()).as("a masked mobile is not a number").isEmpty();
        assertThat(p.address()).hasValue("12 MG Road, Bengaluru");
    }

    @Test
    void readsAPhrAppQrWithPhrAddressAndOtherSpellings() throws Exception {
        AbhaQrProfile p = AbhaQrParser.parse("""
                {"hidn":"42-7175-8604-4553","phr":"kiran.m@sbx","name":"Kiran M","gender":"M",
                 "statelgd":"4","distlgd":"44","dob":"1977","state_name":"Punjab","dist name":"Ludhiana"}""");

        assertThat(p.abhaAddress().full()).isEqualTo("kiran.m@sbx");
        assertThat(p.addressFromNumber()).isFalse();
        assertThat(p.stateName()).hasValue("Punjab");
        assertThat(p.districtName()).hasValue("Ludhiana");
        assertThat(p.districtLgd()).hasValue("44");
        assertThat(p.dateOfBirth()).hasValue(PartialDate.yearOnly(1977));
        assertThat(p.mobileShown()).isEmpty();
        assertThat(p.address()).isEmpty();
    }

    @Test
    void derivesTheAddressFromThe14DigitsWhenThereIsNone() throws Exception {
        String qr = "{\"hidn\":\"91-6285-4575-5116\",\"name\":\"A\"}";

        assertThat(AbhaQrParser.parse(qr).abhaAddress().full()).isEqualTo("91628545755116@sbx");
        AbhaQrProfile prod = AbhaQrParser.parse(qr, "abdm");
        assertThat(prod.abhaAddress().full()).isEqualTo("91628545755116@abdm");
        assertThat(prod.addressFromNumber()).isTrue();
    }

    @Test
    void accepts14PlainDigitsAsAbhaNumber() throws Exception {
        AbhaQrProfile p = AbhaQrParser.parse("{\"hidn\":\"91628545755116\",\"hid\":\"asha.verma@abdm\"}");

        assertThat(p.abhaNumber().orElseThrow().hyphenated()).isEqualTo("91-6285-4575-5116");
    }

    @Test
    void addressWithoutNumberIsEnoughAndGetsTheDefaultSuffixWhenBare() throws Exception {
        AbhaQrProfile p = AbhaQrParser.parse("{\"phr\":\"Kiran.M\"}", "abdm");

        assertThat(p.abhaNumber()).isEmpty();
        assertThat(p.abhaAddress().full()).isEqualTo("kiran.m@abdm");
        assertThat(p.gender()).isEqualTo(Gender.UNKNOWN);
        assertThat(p.name()).isEmpty();
        assertThat(p.dateOfBirth()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "25/6/2012, 2012, 6, 25",
        "05/06/2012, 2012, 6, 5",
        "05-06-2012, 2012, 6, 5",
        "5-6-2012, 2012, 6, 5",
        "2012-06-05, 2012, 6, 5",
        "00/06/2012, 2012, 6, 0",
        "00-00-2012, 2012, 0, 0",
        "2012-00-00, 2012, 0, 0",
        "1977, 1977, 0, 0"
    })
    void readsEveryDateOfBirthForm(String dob, int year, int month, int day) throws Exception {
        AbhaQrProfile p = AbhaQrParser.parse("{\"hid\":\"asha.verma@abdm\",\"dob\":\"" + dob + "\"}");

        PartialDate expected = new PartialDate(year,
                month == 0 ? Optional.empty() : Optional.of(month),
                day == 0 ? Optional.empty() : Optional.of(day));
        assertThat(p.dateOfBirth()).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx/9/19xx", "31/02/2001", "13/13/2001", "1490", "yesterday", ""})
    void leavesAnUnreadableDateOfBirthOutWithoutRefusingTheQr(String dob) throws Exception {
        AbhaQrProfile p = AbhaQrParser.parse("{\"hid\":\"asha.verma@abdm\",\"dob\":\"" + dob + "\"}");

        assertThat(p.dateOfBirth()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"M, MALE", "F, FEMALE", "O, OTHER", "m, MALE", "X, UNKNOWN", "'', UNKNOWN"})
    void mapsGender(String code, Gender expected) throws Exception {
        assertThat(AbhaQrParser.parse("{\"hid\":\"asha.verma@abdm\",\"gender\":\"" + code + "\"}").gender())
                .isEqualTo(expected);
    }

    @Test
    void keepsAFullMobileAsNumberAndAsShown() throws Exception {
        AbhaQrProfile p = AbhaQrParser.parse("{\"hid\":\"asha.verma@abdm\",\"mobile\":\"+91 98765 43210\"}");

        assertThat(p.mobileShown()).hasValue("+91 98765 43210");
        assertThat(p.mobile().orElseThrow().digits()).isEqualTo("9876543210");
    }

    @Test
    void ignoresExtraKeysNestedValuesAndNumbersAsCodes() throws Exception {
        AbhaQrProfile p = AbhaQrParser.parse("""
                {"hid":"asha.verma@abdm","statelgd":29,"distlgd":572,"photo":{"x":1},"tags":[1,2],
                 "mobile":null,"newKey":"whatever"}""");

        assertThat(p.stateLgd()).hasValue("29");
        assertThat(p.districtLgd()).hasValue("572");
        assertThat(p.mobileShown()).isEmpty();
    }

    @Test
    void toleratesByteOrderMarkAndWhitespace() throws Exception {
        AbhaQrProfile p = AbhaQrParser.parse("\uFEFF \n\t{ \"hid\" : \" asha.verma@abdm \" }\r\n");

        assertThat(p.abhaAddress().full()).isEqualTo("asha.verma@abdm");
    }

    @Test
    void neverPrintsPatientDetailsInToString() throws Exception {
        String s = AbhaQrParser.parse(CARD_QR).toString();

        assertThat(s).doesNotContain("Asha", "asha.verma", "6285", "Road", "1990", "98xx")
                .contains("xx-xxxx-xxxx-5116");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hello world|NOT_JSON",
        "91-6285-4575-5116|NOT_JSON",
        "{\"hid\":\"asha.verma@abdm\"} trailing|NOT_JSON",
        "{\"hid\":|NOT_JSON",
        "[{\"hid\":\"asha.verma@abdm\"}]|NOT_AN_OBJECT",
        "\"asha.verma@abdm\"|NOT_AN_OBJECT",
        "{\"name\":\"Asha\",\"gender\":\"F\"}|NO_IDENTIFIER",
        "{\"hidn\":\"\",\"hid\":null}|NO_IDENTIFIER",
        "{}|NO_IDENTIFIER",
        "{\"hidn\":\"12-3456\"}|BAD_ABHA_NUMBER",
        "{\"hidn\":\"91-6285-4575-511X\",\"hid\":\"asha.verma@abdm\"}|BAD_ABHA_NUMBER",
        "{\"hid\":\"asha verma@abdm\"}|BAD_ABHA_ADDRESS",
        "https://example.org|WEB_LINK",
        "upi://pay?pa=clinic@okbank|WEB_LINK"
    })
    void refusesWhatIsNotAnAbhaQr(String text, Reason reason) {
        NotAbhaQrException e = catchThrowableOfType(NotAbhaQrException.class, () -> AbhaQrParser.parse(text));

        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.facilityQr()).isEmpty();
        assertThat(e.getMessage()).doesNotContain("asha");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\uFEFF"})
    void refusesEmptyText(String text) {
        assertThatThrownBy(() -> AbhaQrParser.parse(text))
                .isInstanceOfSatisfying(NotAbhaQrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
        assertThatThrownBy(() -> AbhaQrParser.parse(null)).isInstanceOf(NotAbhaQrException.class);
    }

    @Test
    void saysWhenTheClinicCounterQrWasScanned() {
        NotAbhaQrException e = catchThrowableOfType(NotAbhaQrException.class, () -> AbhaQrParser.parse(
                "https://phrsbx.abdm.gov.in/share-profile?hip-id=IN3210000018&counter-id=desk-2"));

        assertThat(e.reason()).isEqualTo(Reason.FACILITY_COUNTER_QR);
        assertThat(e.facilityQr()).hasValue(new FacilityQr("IN3210000018", "desk-2"));
        assertThat(e.userMessage(Locale.ENGLISH))
                .contains("clinic counter QR", "IN3210000018", "desk-2", "not a patient's ABHA QR");
        assertThat(e.userMessage(Locale.forLanguageTag("hi")))
                .contains("काउंटर QR", "IN3210000018", "मरीज़ का ABHA QR नहीं");
    }

    @Test
    void saysWhenTheLegacyCounterJsonWasScanned() {
        NotAbhaQrException e = catchThrowableOfType(NotAbhaQrException.class,
                () -> AbhaQrParser.parse("{\"hipId\":\"IN3210000018\",\"code\":\"1\"}"));

        assertThat(e.reason()).isEqualTo(Reason.FACILITY_COUNTER_QR);
        assertThat(e.facilityQr()).hasValue(new FacilityQr("IN3210000018", "1"));
    }

    @Test
    void everyReasonHasASentenceInEnglishAndHindi() {
        for (Reason r : Reason.values()) {
            NotAbhaQrException e = r == Reason.FACILITY_COUNTER_QR
                    ? new NotAbhaQrException(r, new FacilityQr("H", "C"))
                    : new NotAbhaQrException(r);
            String en = e.userMessage(Locale.ENGLISH);
            String hi = e.userMessage(Locale.forLanguageTag("hi"));
            assertThat(en).as(r.name()).isNotBlank().doesNotContain("{", "''");
            assertThat(hi).as(r.name()).isNotBlank().isNotEqualTo(en).containsPattern("[\\u0900-\\u097F]");
        }
    }

    @Test
    void refusesABlankDefaultSuffix() {
        assertThatThrownBy(() -> AbhaQrParser.parse(CARD_QR, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
