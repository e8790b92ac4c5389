package org.abdmdesk.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {
    @ParameterizedTest
    @ValueSource(strings = {"91-6285-4575-5116", "91-5408-0214-0264", "15-3638-0684-6247", "42-7175-8604-4553"})
    void publicAbhaNumbersPass(String abha) {
        assertThat(Luhn.isValid(abha.replace("-", ""))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-3456-7890-1234", "12-3412-3456-7856", "91-2345-6789-0123"})
    void madeUpNumbersFail(String abha) {
        assertThat(Luhn.isValid(abha.replace("-", ""))).isFalse();
    }

    @Test
    void theCheckDigitCompletesANumber() {
        assertThat(Luhn.checkDigit("9162854575511")).isEqualTo(6);
        assertThat(Luhn.checkDigit("7992739871")).isEqualTo(3);
        assertThat(Luhn.isValid("79927398713")).isTrue();
    }

    @Test
    void onlyDigitsAreAccepted() {
        assertThatThrownBy(() -> Luhn.isValid("91-6285")).isInstanceOf(IllegalArgumentException.class);
    }
}
