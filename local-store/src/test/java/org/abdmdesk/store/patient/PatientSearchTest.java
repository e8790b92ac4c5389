package org.abdmdesk.store.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.abdmdesk.engine.patient.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientSearchTest {
    @TempDir
    Path folder;
    StoreFixture store;
    SqlitePatientRepository patients;
    Patient asha;
    Patient ravi;
    Patient raviKumar;
    Patient underscore;
    Patient percent;

    @BeforeEach
    void registerSome() throws Exception {
        store = new StoreFixture(folder);
        patients = store.patients;
        asha = patients.register(Patients.withAbha("Asha Devi", "91-1234-5678-9012", "asha.devi@sbx"));
        ravi = patients.register(Patients.withMobile("Ravi Shankar", "9876543210"));
        raviKumar = patients.register(Patients.withMobile("RAVI  Kumar", "9123454321"));
        underscore = patients.register(Patients.named("Ravi_Kumar"));
        percent = patients.register(Patients.named("Ravi 50% Kumar"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Patient> search(String query) {
        return patients.search(query, 20);
    }

    @Test
    void findsByAbhaNumberWithOrWithoutHyphens() {
        assertThat(search("91-1234-5678-9012")).containsExactly(asha);
        assertThat(search("91123456789012")).containsExactly(asha);
        assertThat(search(" 91 1234 5678 9012 ")).containsExactly(asha);
        assertThat(search("91-1234-5678-9013")).isEmpty();
    }

    @Test
    void findsByAbhaAddressWithOrWithoutSuffix() {
        assertThat(search("Asha.Devi@SBX")).containsExactly(asha);
        assertThat(search("asha.devi")).containsExactly(asha);
        assertThat(search("asha.devi@abdm")).isEmpty();
        assertThat(search("asha.dev")).isEmpty();
    }

    @Test
    void findsByTheEndOfTheMobileNumberOrTheWholeNumber() {
        assertThat(search("3210")).containsExactly(ravi);
        assertThat(search("4321")).containsExactly(raviKumar);
        assertThat(search("9876543210")).containsExactly(ravi);
        assertThat(search("+91 98765-43210")).containsExactly(ravi);
        assertThat(search("98765")).isEmpty();
    }

    @Test
    void findsByMrnOrTheEndOfItsDigits() {
        assertThat(search("MRN-000002")).containsExactly(ravi);
        assertThat(search("mrn000003")).containsExactly(raviKumar);
        assertThat(search("MRN-4")).containsExactly(underscore);
        assertThat(search("0005")).containsExactly(percent);
        assertThat(search("MRN-000099")).isEmpty();
    }

    @Test
    void findsByEveryWordOfTheNameInAnyCaseNewestFirst() {
        assertThat(search("ravi")).containsExactly(percent, underscore, raviKumar, ravi);
        assertThat(search("KUMAR   ravi")).containsExactly(percent, underscore, raviKumar);
        assertThat(search("shan")).containsExactly(ravi);
        assertThat(search("devi asha")).containsExactly(asha);
        assertThat(search("ravi sharma")).isEmpty();
    }

    @Test
    void percentAndUnderscoreInTheQueryAreLiteral() {
        assertThat(search("ravi_")).containsExactly(underscore);
        assertThat(search("_")).containsExactly(underscore);
        assertThat(search("50%")).containsExactly(percent);
        assertThat(search("%")).containsExactly(percent);
        assertThat(search("\\")).isEmpty();
    }

    @Test
    void aBlankQueryListsTheNewestAndTheLimitIsApplied() {
        assertThat(search("  ")).containsExactly(percent, underscore, raviKumar, ravi, asha);
        assertThat(patients.search("ravi", 2)).containsExactly(percent, underscore);
        assertThatThrownBy(() -> patients.search("ravi", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(PatientSearch.escapeLike("a%b_c\\d")).isEqualTo("a\\%b\\_c\\\\d");
    }
}
