package org.abdmdesk.engine.patient;

import java.util.List;
import java.util.Optional;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;

/**
 * Where the clinic's patients live (local-store implements it on SQLite). The same ABHA number or
 * ABHA address is never tagged to two patients: {@link #register} and {@link #update} refuse with
 * {@link AbhaAlreadyTaggedException}, and the store's unique constraints refuse it too.
 */
public interface PatientRepository {

    /** Registers a new patient and assigns the next MRN. */
    Patient register(PatientDetails details) throws AbhaAlreadyTaggedException;

    /** Replaces the details of patient {@code id} (MRN and id stay). */
    Patient update(long id, PatientDetails details) throws AbhaAlreadyTaggedException;

    Optional<Patient> findById(long id);

    Optional<Patient> findByMrn(String mrn);

    Optional<Patient> findByAbhaNumber(AbhaNumber abhaNumber);

    Optional<Patient> findByAbhaAddress(AbhaAddress address);

    /**
     * Front-desk search: by name (case-insensitive, any part), mobile (full or last digits), ABHA
     * number (with or without hyphens), ABHA address (with or without suffix) or MRN. Newest first.
     */
    List<Patient> search(String query, int limit);
}
