package org.abdmdesk.app.registration;

import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.patient.PatientRepository;

/** One search box over name, mobile, ABHA Number, ABHA Address and MRN. */
public final class PatientSearchViewModel {
    static final int LIMIT = 50;

    private final PatientRepository patients;
    private final RegistrationViewModel registration;
    private final I18n i18n;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Patient> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public PatientSearchViewModel(PatientRepository patients, RegistrationViewModel registration, I18n i18n) {
        this.patients = Objects.requireNonNull(patients);
        this.registration = Objects.requireNonNull(registration);
        this.i18n = Objects.requireNonNull(i18n);
    }

    public void search() {
        String q = query.get().strip();
        if (q.isEmpty()) {
            results.clear();
            summary.set("");
            return;
        }
        results.setAll(patients.search(q, LIMIT));
        summary.set(results.isEmpty() ? i18n.get("search.none") : i18n.get("search.count", results.size()));
    }

    /** Opens the chosen patient in the registration form. */
    public void open(Patient patient) {
        if (patient != null) {
            registration.load(patient);
        }
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Patient> results() {
        return results;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
