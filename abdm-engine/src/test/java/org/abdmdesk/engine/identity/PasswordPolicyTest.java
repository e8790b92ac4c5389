package org.abdmdesk.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "OK", value = {
        "Good#Pass19, OK",
        "'', password.required",
        "Ab1#xyz, password.length",
        "Abc 1#xyz, password.spaces",
        "abcd#1xyz, password.case",
        "ABCD#1XYZ, password.case",
        "Abcd#efgh, password.digit",
        "Abcd1efgh, password.special",
        "Abcd#123x, password.sequence",
        "Abcd#135x, OK",
        "Abcd#321x, OK"
    })
    void policy(String password, String problem) {
        Check c = PasswordPolicy.check(password);
        if (problem == null) {
            assertThat(c.acceptable()).isTrue();
            assertThat(c.problemKey()).isEmpty();
        } else {
            assertThat(c.problemKey()).contains(problem);
            assertThat(c.acceptable()).isFalse();
        }
    }
}
