package org.abdmdesk.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VerhoeffTest {
    private static String withCheckDigit(String base) {
        return base + Verhoeff.checkDigit(base);
    }

    @Test
    void numbersCompletedWithTheCheckDigitAreValid() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            String base = String.format("%011d", Math.floorMod(random.nextLong(), 100_000_000_000L));
            assertThat(Verhoeff.isValid(withCheckDigit(base))).as(base).isTrue();
        }
    }

    @Test
    void everySingleDigitChangeIsCaught() {
        String valid = withCheckDigit("23456789012");
        for (int pos = 0; pos < valid.length(); pos++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == valid.charAt(pos)) {
                    continue;
                }
                String changed = valid.substring(0, pos) + d + valid.substring(pos + 1);
                assertThat(Verhoeff.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void adjacentSwapsAreCaught() {
        String valid = withCheckDigit("98765432109");
        for (int pos = 0; pos + 1 < valid.length(); pos++) {
            if (valid.charAt(pos) == valid.charAt(pos + 1)) {
                continue;
            }
            String swapped = valid.substring(0, pos) + valid.charAt(pos + 1) + valid.charAt(pos) + valid.substring(pos + 2);
            assertThat(Verhoeff.isValid(swapped)).as(swapped).isFalse();
        }
    }

    @Test
    void knownValuesAndKnownBadOnes() {
        // the textbook example: 236 -> check digit 3
        assertThat(Verhoeff.checkDigit("236")).isEqualTo(3);
        assertThat(Verhoeff.isValid("2363")).isTrue();
        assertThat(Verhoeff.isValid("2364")).isFalse();
        assertThat(Verhoeff.isValid("123456789012")).isFalse();
        assertThat(Verhoeff.isValid("999999999999")).isTrue(); // repeated nines happen to check out
        assertThat(Verhoeff.isValid("999999999990")).isFalse();
        assertThat(Verhoeff.isValid("234567890123")).isFalse();
    }

    @Test
    void onlyDigitsAreAccepted() {
        assertThatThrownBy(() -> Verhoeff.isValid("12a4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verhoeff.checkDigit("")).isInstanceOf(IllegalArgumentException.class);
    }
}
