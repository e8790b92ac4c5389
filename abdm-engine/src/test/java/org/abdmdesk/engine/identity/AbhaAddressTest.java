package org.abdmdesk.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbhaAddressTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "OK", value = {
        "abcdefg, abhaAddress.length",             // 7
        "abcdefgh, OK",                            // 8
        "abcdefghijklmnopqr, OK",                  // 18
        "abcdefghijklmnopqrs, abhaAddress.length", // 19
        "ravi.kumar_91, OK",
        "ravi_kumar.91, OK",
        "ravi.ku.mar91, abhaAddress.specialCount",
        "ravi_ku_mar91, abhaAddress.specialCount",
        "_ravikumar91, abhaAddress.specialEdge",
        "ravikumar91_, abhaAddress.specialEdge",
        ".ravikumar91, abhaAddress.specialEdge",
        "ravikumar91., abhaAddress.specialEdge",
        "1234567890, abhaAddress.allDigits",
        "ravi-kumar91, abhaAddress.characters",
        "ravi kumar91, abhaAddress.characters",
        "ravikumar91@sbx, OK",
        "'', abhaAddress.required"
    })
    void newUsernamePolicy(String input, String problem) {
        Check c = AbhaAddress.checkNewUsername(input);
        if (problem == null) {
            assertThat(c).isEqualTo(Check.ok());
        } else {
            assertThat(c.severity()).isEqualTo(Check.Severity.ERROR);
            assertThat(c.problemKey()).contains(problem);
        }
    }

    @Test
    void parsingIsLenientAndLowerCases() {
        assertThat(AbhaAddress.parse(" Ravi.Kumar@SBX ", "abdm")).isEqualTo(new AbhaAddress("ravi.kumar", "sbx"));
        assertThat(AbhaAddress.parse("ravi", "sbx").full()).isEqualTo("ravi@sbx");
        assertThat(AbhaAddress.parse("old_card@ndhm", "sbx").suffix()).isEqualTo("ndhm");
        assertThatThrownBy(() -> AbhaAddress.parse("a b@sbx", "sbx")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void existingAddressesAreCheckedLeniently() {
        assertThat(AbhaAddress.checkExisting("91628545755116@sbx").acceptable()).isTrue();
        assertThat(AbhaAddress.checkExisting("abc").acceptable()).isTrue();
        assertThat(AbhaAddress.checkExisting("").problemKey()).contains("abhaAddress.required");
        assertThat(AbhaAddress.checkExisting("a@b@c").problemKey()).contains("abhaAddress.format");
    }
}
