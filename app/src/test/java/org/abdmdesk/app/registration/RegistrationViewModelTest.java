package org.abdmdesk.app.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.support.Profiles;
import org.abdmdesk.app.support.RecordingDialogs;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration against a real SQLite store in a temp folder. */
class RegistrationViewModelTest {
    private static final String ABHA = "91-1111-2222-3334";

    @TempDir
    Path dir;
    private LocalStore store;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private RegistrationViewModel vm;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("desk.db"));
        vm = new RegistrationViewModel(store.patients(), dialogs, new I18n(Locale.ENGLISH), "sbx");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void registersAPatientWithoutAbhaAndShowsTheMrn() {
        vm.nameProperty().set("Sita Devi");
        vm.genderProperty().set(Gender.FEMALE);
        vm.birthDateProperty().set("1984");
        vm.mobileProperty().set("9812345678");

        var saved = vm.save();

        assertThat(saved).isPresent();
        assertThat(vm.savedMrnProperty().get()).isEqualTo(saved.get().mrn()).isNotBlank();
        assertThat(dialogs.last()).hasValueSatisfying(m -> assertThat(m).contains(saved.get().mrn()));
        assertThat(store.patients().search("Sita", 10)).hasSize(1);
    }

    @Test
    void refusesAnUnreadableBirthDateWithAClearMessage() {
        vm.nameProperty().set("Ravi");
        vm.genderProperty().set(Gender.MALE);
        vm.birthDateProperty().set("31-02-1990");

        assertThat(vm.save()).isEmpty();
        assertThat(vm.formErrorProperty().get()).contains("dd-mm-yyyy");
        assertThat(store.patients().search("Ravi", 10)).isEmpty();
    }

    @Test
    void aSecondPatientWithTheSameAbhaIsRefusedAndTheFirstIsOffered() {
        vm.acceptVerifiedProfile(Profiles.profile(ABHA, "asha.rao@sbx", "Asha Rao"));
        var first = vm.save().orElseThrow();
        assertThat(first.abhaNumber()).isPresent();

        vm.newRegistration();
        dialogs.confirmAnswer = true;
        var offered = vm.acceptVerifiedProfile(Profiles.profile(ABHA, "asha.rao@sbx", "Asha Rao"));

        assertThat(offered).map(p -> p.mrn()).contains(first.mrn());
        assertThat(dialogs.shown).anySatisfy(m -> assertThat(m).startsWith("confirm:").contains(first.mrn()));
        assertThat(vm.savedMrnProperty().get()).as("the existing patient is open").isEqualTo(first.mrn());
        vm.save();
        assertThat(store.patients().search("Asha", 10)).hasSize(1);
    }

    @Test
    void decliningTheOfferLeavesTheAbhaOffTheNewForm() {
        vm.acceptVerifiedProfile(Profiles.profile(ABHA, "asha.rao@sbx", "Asha Rao"));
        vm.save();
        vm.newRegistration();
        dialogs.confirmAnswer = false;

        vm.acceptVerifiedProfile(Profiles.profile(ABHA, "asha.rao@sbx", "Asha Rao"));

        assertThat(vm.hasAbha()).isFalse();
        assertThat(vm.formErrorProperty().get()).contains("already tagged");
    }
}
