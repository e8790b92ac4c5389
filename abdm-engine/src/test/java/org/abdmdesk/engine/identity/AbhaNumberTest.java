package org.abdmdesk.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AbhaNumberTest {
    @Test
    void hyphenatedAndPlainAreTheSameNumber() {
        AbhaNumber hyphenated = AbhaNumber.of("91-6285-4575-5116");
        AbhaNumber plain = AbhaNumber.of("91628545755116");
        assertThat(hyphenated).isEqualTo(plain);
        assertThat(plain.digits()).isEqualTo("91628545755116");
        assertThat(plain.hyphenated()).isEqualTo("91-6285-4575-5116");
    }

    @Test
    void spacesAndOddHyphenationAreReadLeniently() {
        assertThat(AbhaNumber.of("91 6285 4575 5116").hyphenated()).isEqualTo("91-6285-4575-5116");
        assertThat(AbhaNumber.check("91-628-54575-5116").acceptable()).isTrue();
    }

    @Test
    void maskedShowsOnlyTheLastFourDigits() {
        AbhaNumber n = AbhaNumber.of("91-6285-4575-5116");
        assertThat(n.masked()).isEqualTo("xx-xxxx-xxxx-5116");
        assertThat(n.toString()).isEqualTo("xx-xxxx-xxxx-5116").doesNotContain("6285");
    }

    @Test
    void aLuhnFailureIsOnlyAWarning() {
        Check c = AbhaNumber.check("12-3456-7890-1234");
        assertThat(c.severity()).isEqualTo(Check.Severity.WARNING);
        assertThat(c.problemKey()).contains("abhaNumber.checksum");
        assertThat(AbhaNumber.of("12-3456-7890-1234").digits()).isEqualTo("12345678901234");
    }

    @Test
    void malformedNumbersAreErrors() {
        assertThat(AbhaNumber.check("").problemKey()).contains("abhaNumber.required");
        assertThat(AbhaNumber.check("9162854575511").problemKey()).contains("abhaNumber.format");
        assertThat(AbhaNumber.check("91-6285-4575-51167").problemKey()).contains("abhaNumber.format");
        assertThat(AbhaNumber.check("91-6285-4575-511x").problemKey()).contains("abhaNumber.format");
        assertThatThrownBy(() -> AbhaNumber.of("xx-xxxx-xxxx-5116")).isInstanceOf(IllegalArgumentException.class);
    }
}
