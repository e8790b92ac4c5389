package org.abdmdesk.store.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.patient.AbhaAlreadyTaggedException;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.patient.PatientDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitePatientRepositoryTest {
    private static final String ABHA_1 = "91-1234-5678-9012";
    private static final String ABHA_2 = "91-2222-3333-4444";

    @TempDir
    Path folder;
    StoreFixture store;
    SqlitePatientRepository patients;

    @BeforeEach
    void open() {
        store = new StoreFixture(folder);
        patients = store.patients;
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void registersAndFindsAPatientWithEveryField() throws Exception {
        PatientDetails details = new PatientDetails("  Asha   Devi ", Gender.FEMALE,
                Optional.of(PartialDate.of(LocalDate.of(1991, 10, 22))), Optional.of(MobileNumber.of("+91 98765 43210")),
                Optional.of(AbhaNumber.of(ABHA_1)),
                List.of(AbhaAddress.parse("Asha.Devi@SBX", "sbx"), AbhaAddress.parse("asha91@abdm", "sbx")),
                Optional.of(AbhaAddress.parse("asha91@abdm", "sbx")), "12 MG Road", "Pune", "Maharashtra", "411001");

        Patient registered = patients.register(details);

        assertThat(registered.id()).isPositive();
        assertThat(registered.mrn()).isEqualTo("MRN-000001");
        assertThat(registered.name()).isEqualTo("Asha   Devi");
        assertThat(registered.gender()).isEqualTo(Gender.FEMALE);
        assertThat(registered.birthDate()).contains(PartialDate.of(LocalDate.of(1991, 10, 22)));
        assertThat(registered.mobile()).contains(MobileNumber.of("9876543210"));
        assertThat(registered.abhaNumber()).contains(AbhaNumber.of("91123456789012"));
        assertThat(registered.abhaAddresses()).extracting(AbhaAddress::full).containsExactly("asha.devi@sbx", "asha91@abdm");
        assertThat(registered.preferredAbhaAddress()).map(AbhaAddress::full).contains("asha91@abdm");
        assertThat(registered.address()).isEqualTo("12 MG Road");
        assertThat(registered.districtName()).isEqualTo("Pune");
        assertThat(registered.stateName()).isEqualTo("Maharashtra");
        assertThat(registered.pinCode()).isEqualTo("411001");
        assertThat(registered.createdAt()).isEqualTo(StoreFixture.START).isEqualTo(registered.updatedAt());
        assertThat(registered.hasAbha()).isTrue();

        assertThat(patients.findById(registered.id())).contains(registered);
        assertThat(patients.findByMrn("mrn-000001")).contains(registered);
        assertThat(patients.findByAbhaNumber(AbhaNumber.of("91123456789012"))).contains(registered);
        assertThat(patients.findByAbhaAddress(AbhaAddress.parse("ASHA91@abdm", "sbx"))).contains(registered);
        assertThat(patients.findById(registered.id() + 1)).isEmpty();
        assertThat(patients.findByMrn("MRN-000002")).isEmpty();
        assertThat(patients.findByAbhaAddress(AbhaAddress.parse("asha91@sbx", "sbx"))).isEmpty();
    }

    @Test
    void keepsPartialAndMissingBirthDatesAndEmptyOptionals() throws Exception {
        Patient yearOnly = patients.register(Patients.named("Year Only"));
        PatientDetails monthDetails = new PatientDetails("Month Known", Gender.OTHER,
                Optional.of(new PartialDate(1985, Optional.of(7), Optional.empty())), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), null, null, null, null);
        Patient yearMonth = patients.register(monthDetails);
        Patient noDate = patients.register(new PatientDetails("No Date", Gender.UNKNOWN, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), "", "", "", ""));

        assertThat(patients.findById(yearOnly.id()).orElseThrow().birthDate()).contains(PartialDate.yearOnly(1990));
        Patient readBack = patients.findById(yearMonth.id()).orElseThrow();
        assertThat(readBack.birthDate()).contains(new PartialDate(1985, Optional.of(7), Optional.empty()));
        assertThat(readBack.gender()).isEqualTo(Gender.OTHER);
        assertThat(readBack.mobile()).isEmpty();
        assertThat(readBack.abhaNumber()).isEmpty();
        assertThat(readBack.abhaAddresses()).isEmpty();
        assertThat(readBack.preferredAbhaAddress()).isEmpty();
        assertThat(readBack.hasAbha()).isFalse();
        assertThat(readBack.address()).isEmpty();
        assertThat(patients.findById(noDate.id()).orElseThrow().birthDate()).isEmpty();
        assertThat(patients.findById(noDate.id()).orElseThrow().gender()).isEqualTo(Gender.UNKNOWN);
    }

    @Test
    void assignsSequentialMrnsThatAreNeverReusedAfterARefusal() throws Exception {
        Patient first = patients.register(Patients.withAbha("First", ABHA_1));
        assertThatThrownBy(() -> patients.register(Patients.withAbha("Refused", ABHA_1)))
                .isInstanceOf(AbhaAlreadyTaggedException.class);
        Patient second = patients.register(Patients.named("Second"));
        Patient third = patients.register(Patients.named("Third"));

        assertThat(List.of(first.mrn(), second.mrn(), third.mrn()))
                .containsExactly("MRN-000001", "MRN-000002", "MRN-000003");
    }

    @Test
    void refusesASecondPatientWithTheSameAbhaNumberNamingTheFirst() throws Exception {
        Patient first = patients.register(Patients.withAbha("First", ABHA_1));

        assertThatThrownBy(() -> patients.register(Patients.withAbha("Second", "91123456789012")))
                .isInstanceOfSatisfying(AbhaAlreadyTaggedException.class, e -> {
                    assertThat(e.existingPatientId()).isEqualTo(first.id());
                    assertThat(e.existingMrn()).isEqualTo(first.mrn());
                });
        assertThat(patients.search("", 10)).containsExactly(first);
    }

    @Test
    void refusesTheSameAbhaAddressInAnyCaseNamingTheHolder() throws Exception {
        Patient first = patients.register(Patients.withAbha("First", null, "ravi.kumar@sbx"));

        assertThatThrownBy(() -> patients.register(Patients.withAbha("Second", ABHA_2, "other@sbx", "RAVI.Kumar@SBX")))
                .isInstanceOfSatisfying(AbhaAlreadyTaggedException.class,
                        e -> assertThat(e.existingMrn()).isEqualTo(first.mrn()));
        assertThat(patients.findByAbhaNumber(AbhaNumber.of(ABHA_2))).isEmpty();
        assertThat(patients.findByAbhaAddress(AbhaAddress.parse("other@sbx", "sbx"))).isEmpty();
    }

    @Test
    void theSameUsernameWithAnotherSuffixIsAnotherAddress() throws Exception {
        patients.register(Patients.withAbha("First", null, "ravi@sbx"));

        Patient second = patients.register(Patients.withAbha("Second", null, "ravi@abdm"));

        assertThat(second.abhaAddresses()).extracting(AbhaAddress::full).containsExactly("ravi@abdm");
    }

    @Test
    void updateReplacesDetailsKeepsIdMrnAndCreationAndMayKeepItsOwnAbha() throws Exception {
        Patient original = patients.register(Patients.withAbha("Meena Iyer", ABHA_1, "meena@sbx", "meena.i@sbx"));

        PatientDetails changed = new PatientDetails("Meena R Iyer", Gender.FEMALE,
                Optional.of(PartialDate.of(LocalDate.of(1990, 2, 3))), Optional.of(MobileNumber.of("9123456780")),
                Optional.of(AbhaNumber.of(ABHA_1)), List.of(AbhaAddress.parse("meena.i@sbx", "sbx")),
                Optional.empty(), "New street", "Chennai", "Tamil Nadu", "600001");
        Patient updated = patients.update(original.id(), changed);

        assertThat(updated.id()).isEqualTo(original.id());
        assertThat(updated.mrn()).isEqualTo(original.mrn());
        assertThat(updated.createdAt()).isEqualTo(original.createdAt());
        assertThat(updated.updatedAt()).isAfter(original.updatedAt());
        assertThat(updated.name()).isEqualTo("Meena R Iyer");
        assertThat(updated.abhaAddresses()).extracting(AbhaAddress::full).containsExactly("meena.i@sbx");
        assertThat(updated.preferredAbhaAddress()).isEmpty();
        assertThat(updated.districtName()).isEqualTo("Chennai");
        assertThat(patients.findById(original.id())).contains(updated);
        // the dropped address is free again
        assertThat(patients.register(Patients.withAbha("Another Meena", null, "meena@sbx")).mrn()).isEqualTo("MRN-000002");
        assertThat(patients.search("meena r iyer", 10)).containsExactly(updated);
    }

    @Test
    void updateRefusesAnAbhaTaggedToSomeoneElseAndChangesNothing() throws Exception {
        Patient holder = patients.register(Patients.withAbha("Holder", ABHA_1, "holder@sbx"));
        Patient other = patients.register(Patients.named("Other"));

        assertThatThrownBy(() -> patients.update(other.id(), Patients.withAbha("Other", ABHA_1)))
                .isInstanceOfSatisfying(AbhaAlreadyTaggedException.class,
                        e -> assertThat(e.existingPatientId()).isEqualTo(holder.id()));
        assertThatThrownBy(() -> patients.update(other.id(), Patients.withAbha("Other", ABHA_2, "Holder@sbx")))
                .isInstanceOfSatisfying(AbhaAlreadyTaggedException.class,
                        e -> assertThat(e.existingMrn()).isEqualTo(holder.mrn()));
        assertThat(patients.findById(other.id())).contains(other);
    }

    @Test
    void updateOfAnUnknownPatientFails() {
        assertThatThrownBy(() -> patients.update(999, Patients.named("Nobody")))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void theUniqueConstraintsRefuseADirectInsertThatBypassesTheCheck() throws Exception {
        Patient first = patients.register(Patients.withAbha("First", ABHA_1, "first@sbx"));

        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + store.database.file());
                Statement s = raw.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("""
                    INSERT INTO patient (mrn, name, name_normalised, gender, abha_number, created_at, updated_at)
                    VALUES ('MRN-999999', 'Sneaky', 'sneaky', 'M', '91123456789012', 'x', 'x')"""))
                    .isInstanceOf(SQLException.class).hasMessageContaining("UNIQUE");
            s.executeUpdate("""
                    INSERT INTO patient (mrn, name, name_normalised, gender, created_at, updated_at)
                    VALUES ('MRN-999999', 'Sneaky', 'sneaky', 'M', 'x', 'x')""");
            assertThatThrownBy(() -> s.executeUpdate("""
                    INSERT INTO patient_abha_address (patient_id, address, username, position)
                    SELECT id, 'first@sbx', 'first', 0 FROM patient WHERE mrn = 'MRN-999999'"""))
                    .isInstanceOf(SQLException.class).hasMessageContaining("UNIQUE");
        }
        assertThat(patients.findByAbhaAddress(AbhaAddress.parse("first@sbx", "sbx"))).contains(first);
    }

    @Test
    void aConstraintViolationThatGetsPastTheCheckIsReportedAsTheSameRefusal() throws Exception {
        Patient first = patients.register(Patients.withAbha("First", ABHA_1, "first@sbx"));
        PatientWriter writerWithoutCheck = new PatientWriter(store.clock);

        assertThatThrownBy(() -> store.database.inTransaction(
                c -> writerWithoutCheck.insert(c, Patients.withAbha("Race", ABHA_1))))
                .isInstanceOfSatisfying(AbhaAlreadyTaggedException.class, e -> {
                    assertThat(e.existingPatientId()).isEqualTo(first.id());
                    assertThat(e.existingMrn()).isEqualTo(first.mrn());
                    assertThat(e.getCause()).isInstanceOf(SQLException.class);
                });
        assertThatThrownBy(() -> store.database.inTransaction(
                c -> writerWithoutCheck.insert(c, Patients.withAbha("Race", ABHA_2, "FIRST@sbx"))))
                .isInstanceOfSatisfying(AbhaAlreadyTaggedException.class,
                        e -> assertThat(e.existingPatientId()).isEqualTo(first.id()));
        // both attempts were rolled back as a whole: no half-written patient, no MRN spent
        assertThat(patients.search("", 10)).containsExactly(first);
        assertThat(patients.register(Patients.named("Next")).mrn()).isEqualTo("MRN-000002");
    }

    @Test
    void aDuplicateAddressWithinOnePatientIsStoredOnce() throws Exception {
        Patient p = patients.register(Patients.withAbha("Dup", null, "dup@sbx", "DUP@sbx"));

        assertThat(p.abhaAddresses()).extracting(AbhaAddress::full).containsExactly("dup@sbx");
    }
}
