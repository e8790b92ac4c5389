package org.abdmdesk.store.patient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.patient.AbhaAlreadyTaggedException;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.patient.PatientDetails;
import org.abdmdesk.engine.patient.PatientRepository;
import org.abdmdesk.store.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinic's patients on SQLite; obtain it from {@code LocalStore.patients()}. Each register or
 * update is one immediate transaction: the ABHA tagging check, the MRN ({@code MRN-000001}, ...,
 * from a counter, never reused) and the rows commit together, and the UNIQUE constraints on ABHA
 * number and address back the check up. Logs carry ids and MRNs only, never demographics.
 */
public final class SqlitePatientRepository implements PatientRepository {
    private static final Logger LOG = LoggerFactory.getLogger(SqlitePatientRepository.class);

    private final Database database;
    private final PatientWriter writer;

    public SqlitePatientRepository(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.writer = new PatientWriter(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Patient register(PatientDetails details) throws AbhaAlreadyTaggedException {
        Objects.requireNonNull(details, "details");
        try {
            Patient patient = database.inTransaction(c -> {
                AbhaTagGuard.requireUntagged(c, details, AbhaTagGuard.NEW_PATIENT);
                long id = writer.insert(c, details);
                return PatientReader.one(c, " WHERE p.id = ?", id).orElseThrow();
            });
            LOG.info("Registered patient id={} mrn={}", patient.id(), patient.mrn());
            return patient;
        } catch (AbhaAlreadyTaggedException e) {
            LOG.info("Refused to register: ABHA already tagged to {}", e.existingMrn());
            throw e;
        }
    }

    /** @throws NoSuchElementException if there is no patient {@code id} */
    @Override
    public Patient update(long id, PatientDetails details) throws AbhaAlreadyTaggedException {
        Objects.requireNonNull(details, "details");
        try {
            Patient patient = database.inTransaction(c -> {
                AbhaTagGuard.requireUntagged(c, details, id);
                writer.update(c, id, details);
                return PatientReader.one(c, " WHERE p.id = ?", id).orElseThrow();
            });
            LOG.info("Updated patient id={} mrn={}", patient.id(), patient.mrn());
            return patient;
        } catch (AbhaAlreadyTaggedException e) {
            LOG.info("Refused to update patient id={}: ABHA already tagged to {}", id, e.existingMrn());
            throw e;
        }
    }

    @Override
    public Optional<Patient> findById(long id) {
        return database.read(c -> PatientReader.one(c, " WHERE p.id = ?", id));
    }

    @Override
    public Optional<Patient> findByMrn(String mrn) {
        return database.read(c -> PatientReader.one(c, " WHERE p.mrn = ?", mrn.strip().toUpperCase(Locale.ROOT)));
    }

    @Override
    public Optional<Patient> findByAbhaNumber(AbhaNumber abhaNumber) {
        return database.read(c -> PatientReader.one(c, " WHERE p.abha_number = ?", abhaNumber.digits()));
    }

    @Override
    public Optional<Patient> findByAbhaAddress(AbhaAddress address) {
        return database.read(c -> PatientReader.one(c,
                " WHERE p.id IN (SELECT patient_id FROM patient_abha_address WHERE address = ?)", address.full()));
    }

    /** See {@link PatientRepository#search}; a blank query lists the newest patients. */
    @Override
    public List<Patient> search(String query, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        PatientSearch.Where where = PatientSearch.where(query);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return database.read(c -> PatientReader.list(c, where.clause() + PatientReader.NEWEST_FIRST + " LIMIT ?",
                params));
    }
}
