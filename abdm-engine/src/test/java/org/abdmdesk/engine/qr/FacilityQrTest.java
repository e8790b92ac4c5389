package org.abdmdesk.engine.qr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FacilityQrTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://phrsbx.abdm.gov.in/share-profile?hip-id=IN3210000018&counter-id=1|IN3210000018|1",
        "https://phr.abdm.gov.in/share-profile?hip-id=IN3210000018&counter-id=desk_2|IN3210000018|desk_2",
        "https://PHR.ABDM.GOV.IN/share-profile/?counter-id=A%201&hip-id=HIP9|HIP9|A 1",
        "https://phr.abdm.gov.in/share-profile?hipid=HIP9&counterid=7&extra=x|HIP9|7",
        "{\"hipId\":\"IN3210000018\",\"code\":\"front\"}|IN3210000018|front",
        "\uFEFF {\"hipid\": \"HIP9\", \"code\": 3} |HIP9|3"
    })
    void readsBothForms(String text, String hip, String counter) {
        assertThat(FacilityQr.parse(text)).hasValue(new FacilityQr(hip, counter));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.org/share-profile?hip-id=H&counter-id=1",
        "https://phr.abdm.gov.in/other?hip-id=H&counter-id=1",
        "https://phr.abdm.gov.in/share-profile?hip-id=H",
        "https://phr.abdm.gov.in/share-profile?hip-id=&counter-id=1",
        "ftp://phr.abdm.gov.in/share-profile?hip-id=H&counter-id=1",
        "{\"hipId\":\"H\"}",
        "{\"hid\":\"asha.verma@abdm\"}",
        "[1,2]",
        "not a url at all %%",
        ""
    })
    void ignoresEverythingElse(String text) {
        assertThat(FacilityQr.parse(text)).isEmpty();
    }
}
