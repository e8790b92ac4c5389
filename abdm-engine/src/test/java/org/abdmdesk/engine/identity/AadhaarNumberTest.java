package org.abdmdesk.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AadhaarNumberTest {
    private static final String VALID = "23456789012" + Verhoeff.checkDigit("23456789012");

    @Test
    void aValidNumberIsAcceptedWithSpacesAndShownMasked() {
        String spaced = VALID.substring(0, 4) + " " + VALID.substring(4, 8) + " " + VALID.substring(8);
        AadhaarNumber a = AadhaarNumber.of(spaced);
        assertThat(a.revealForEncryption()).isEqualTo(VALID);
        assertThat(a.masked()).isEqualTo("XXXX XXXX " + VALID.substring(8));
        assertThat(a.toString()).doesNotContain(VALID.substring(0, 8));
        assertThat(a).isEqualTo(AadhaarNumber.of(VALID));
    }

    @Test
    void problemsAreNamed() {
        String wrongCheck = VALID.substring(0, 11) + ((VALID.charAt(11) - '0' + 1) % 10);
        assertThat(AadhaarNumber.check(wrongCheck).problemKey()).contains("aadhaar.checksum");
        assertThat(AadhaarNumber.check("").problemKey()).contains("aadhaar.required");
        assertThat(AadhaarNumber.check("2345678901").problemKey()).contains("aadhaar.length");
        assertThat(AadhaarNumber.check("23456789O123").problemKey()).contains("aadhaar.digitsOnly");
        String startsWithOne = "13456789012" + Verhoeff.checkDigit("13456789012");
        assertThat(AadhaarNumber.check(startsWithOne).problemKey()).contains("aadhaar.firstDigit");
    }

    @Test
    void theExceptionNeverRepeatsTheNumber() {
        String wrongCheck = VALID.substring(0, 11) + ((VALID.charAt(11) - '0' + 1) % 10);
        assertThatThrownBy(() -> AadhaarNumber.of(wrongCheck)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(wrongCheck.substring(0, 8));
    }

    @Test
    void otpsAreHiddenToo() {
        Otp otp = Otp.of("123456");
        assertThat(otp.toString()).doesNotContain("123456");
        assertThat(otp.revealForEncryption()).isEqualTo("123456");
        assertThat(Otp.check("12345").problemKey()).contains("otp.format");
        assertThat(Otp.check(" ").problemKey()).contains("otp.required");
    }
}
