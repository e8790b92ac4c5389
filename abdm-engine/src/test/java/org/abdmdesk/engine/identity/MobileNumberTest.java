package org.abdmdesk.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MobileNumberTest {
    @ParameterizedTest
    @ValueSource(strings = {"9876543210", "+919876543210", "+91 98765 43210", "+91-98765-43210", "919876543210",
        "09876543210", " 98765 43210 "})
    void everyCommonWayOfWritingItNormalisesToTenDigits(String input) {
        assertThat(MobileNumber.of(input).digits()).isEqualTo("9876543210");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"'', mobile.required", "98765, mobile.format", "98765432101, mobile.format",
        "98765abcde, mobile.format", "5876543210, mobile.firstDigit", "+91 5876543210, mobile.firstDigit"})
    void problems(String input, String key) {
        assertThat(MobileNumber.check(input).problemKey()).contains(key);
    }

    @Test
    void maskedForScreensAndLogs() {
        MobileNumber m = MobileNumber.of("9876543210");
        assertThat(m.masked()).isEqualTo("******3210");
        assertThat(m.toString()).doesNotContain("98765");
        assertThatThrownBy(() -> MobileNumber.of("123")).isInstanceOf(IllegalArgumentException.class);
    }
}
