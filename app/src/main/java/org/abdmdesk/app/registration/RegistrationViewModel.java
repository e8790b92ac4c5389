package org.abdmdesk.app.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.abdmdesk.app.common.DialogService;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.engine.abha.AbhaProfile;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.patient.AbhaAlreadyTaggedException;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.patient.PatientDetails;
import org.abdmdesk.engine.patient.PatientRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration form: a new patient, with or without ABHA, or an existing one being updated.
 * One ABHA belongs to one patient (TAGGING_UNIQUEPATIENTID_UNIQUEABHANUMBER): before saving, and
 * whenever an ABHA arrives, the repository is asked who already has it, and that patient is offered
 * instead of creating a second one.
 */
public final class RegistrationViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationViewModel.class);

    private final PatientRepository patients;
    private final DialogService dialogs;
    private final I18n i18n;
    private final String cmSuffix;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Gender> gender = new SimpleObjectProperty<>(this, "gender");
    private final StringProperty birthDate = new SimpleStringProperty(this, "birthDate", "");
    private final StringProperty mobile = new SimpleStringProperty(this, "mobile", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty district = new SimpleStringProperty(this, "district", "");
    private final StringProperty state = new SimpleStringProperty(this, "state", "");
    private final StringProperty pinCode = new SimpleStringProperty(this, "pinCode", "");
    private final ObjectProperty<AbhaNumber> abhaNumber = new SimpleObjectProperty<>(this, "abhaNumber");
    private final ObjectProperty<AbhaAddress> abhaAddress = new SimpleObjectProperty<>(this, "abhaAddress");
    private final ReadOnlyStringWrapper abhaNumberText = new ReadOnlyStringWrapper(this, "abhaNumberText", "");
    private final ReadOnlyStringWrapper abhaAddressText = new ReadOnlyStringWrapper(this, "abhaAddressText", "");
    private final ReadOnlyStringWrapper abhaState = new ReadOnlyStringWrapper(this, "abhaState", "");
    private final ReadOnlyBooleanWrapper abhaUnverified = new ReadOnlyBooleanWrapper(this, "abhaUnverified");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading");
    private final ReadOnlyStringWrapper savedMrn = new ReadOnlyStringWrapper(this, "savedMrn", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final BooleanBinding nameGiven = Bindings.createBooleanBinding(() -> !name.get().isBlank(), name);
    private List<AbhaAddress> knownAddresses = List.of();
    private Long editingId;

    public RegistrationViewModel(PatientRepository patients, DialogService dialogs, I18n i18n, String cmSuffix) {
        this.patients = Objects.requireNonNull(patients);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.i18n = Objects.requireNonNull(i18n);
        this.cmSuffix = Objects.requireNonNull(cmSuffix);
        abhaNumber.addListener((o, a, n) -> abhaNumberText.set(n == null ? "" : n.hyphenated()));
        abhaAddress.addListener((o, a, n) -> abhaAddressText.set(n == null ? "" : n.full()));
        newRegistration();
    }

    // ---- Commands ----

    /** Empties the form for a new patient. */
    public void newRegistration() {
        editingId = null;
        name.set("");
        gender.set(null);
        birthDate.set("");
        mobile.set("");
        address.set("");
        district.set("");
        state.set("");
        pinCode.set("");
        clearAbha();
        savedMrn.set("");
        formError.set("");
        heading.set(i18n.get("registration.heading.new"));
    }

    /** The patient does not want (or has no) ABHA: registration goes on without it. */
    public void clearAbha() {
        abhaNumber.set(null);
        abhaAddress.set(null);
        knownAddresses = List.of();
        abhaUnverified.set(false);
        abhaState.set(i18n.get("registration.abha.none"));
    }

    /** Shows an existing patient for checking or updating. */
    public void load(Patient patient) {
        editingId = patient.id();
        name.set(patient.name());
        gender.set(patient.gender());
        birthDate.set(patient.birthDate().map(PartialDate::toString).orElse(""));
        mobile.set(patient.mobile().map(MobileNumber::digits).orElse(""));
        address.set(patient.address());
        district.set(patient.districtName());
        state.set(patient.stateName());
        pinCode.set(patient.pinCode());
        abhaNumber.set(patient.abhaNumber().orElse(null));
        knownAddresses = List.copyOf(patient.abhaAddresses());
        abhaAddress.set(patient.preferredAbhaAddress().orElse(knownAddresses.isEmpty() ? null : knownAddresses.get(0)));
        abhaUnverified.set(false);
        abhaState.set(patient.hasAbha() ? i18n.get("registration.abha.verified") : i18n.get("registration.abha.none"));
        savedMrn.set(patient.mrn());
        formError.set("");
        heading.set(i18n.get("registration.heading.existing", patient.mrn()));
    }

    /**
     * A verified ABHA profile arrived (created, verified or fetched). If a patient of this clinic
     * already has this ABHA, that patient is offered; otherwise the form is filled from the profile.
     * Returns the patient that was opened instead, if any.
     */
    public Optional<Patient> acceptVerifiedProfile(AbhaProfile profile) {
        Optional<Patient> tagged = taggedPatient(profile.abhaNumber(), profile.preferredAddress());
        if (tagged.isPresent() && !isEditing(tagged.get())) {
            offerExisting(tagged.get());
            return tagged;
        }
        name.set(profile.name());
        gender.set(profile.gender());
        birthDate.set(profile.birthDate().toString());
        mobile.set(profile.mobile().orElse(mobile.get()));
        address.set(profile.address());
        district.set(profile.districtName());
        state.set(profile.stateName());
        pinCode.set(profile.pinCode());
        abhaNumber.set(profile.abhaNumber().orElse(null));
        List<AbhaAddress> all = new ArrayList<>(profile.addresses());
        profile.preferredAddress().filter(a -> !all.contains(a)).ifPresent(all::add);
        knownAddresses = List.copyOf(all);
        abhaAddress.set(profile.preferredAddress().orElse(all.isEmpty() ? null : all.get(0)));
        abhaUnverified.set(false);
        abhaState.set(i18n.get("registration.abha.verified"));
        formError.set("");
        return Optional.empty();
    }

    /**
     * Details read from an ABHA QR: they fill the form but are not proof of identity, so the ABHA
     * stays marked unverified until the patient verifies it by OTP.
     */
    public Optional<Patient> acceptUnverifiedAbha(String fullName, Gender g, Optional<PartialDate> birth,
            Optional<String> mobileDigits, Optional<AbhaNumber> number, Optional<AbhaAddress> addr, String postal,
            String districtName, String stateName) {
        Optional<Patient> tagged = taggedPatient(number, addr);
        if (tagged.isPresent() && !isEditing(tagged.get())) {
            offerExisting(tagged.get());
            return tagged;
        }
        name.set(fullName);
        gender.set(g);
        birthDate.set(birth.map(PartialDate::toString).orElse(""));
        mobileDigits.ifPresent(mobile::set);
        address.set(postal);
        district.set(districtName);
        state.set(stateName);
        abhaNumber.set(number.orElse(null));
        knownAddresses = addr.map(List::of).orElse(List.of());
        abhaAddress.set(addr.orElse(null));
        abhaUnverified.set(true);
        abhaState.set(i18n.get("registration.abha.unverified"));
        return Optional.empty();
    }

    /**
     * Details typed for a driving-licence enrolment: they fill a new registration. The enrolment is
     * provisional until the licence is verified at a facility, so no ABHA is attached; the state line
     * names the enrolment number.
     */
    public void acceptProvisionalEnrolment(String fullName, Gender g, java.time.LocalDate birth, String mobileDigits,
            String postal, String districtName, String stateName, String pin, String enrolmentNumber) {
        newRegistration();
        name.set(fullName);
        gender.set(g);
        birthDate.set(birth == null ? "" : PartialDate.of(birth).toString());
        mobile.set(mobileDigits == null ? "" : mobileDigits);
        address.set(postal);
        district.set(districtName);
        state.set(stateName);
        pinCode.set(pin);
        abhaState.set(i18n.get("registration.abha.provisional", enrolmentNumber));
    }

    /** Saves the form: registers a new patient (showing the MRN) or updates the one being edited. */
    public Optional<Patient> save() {
        formError.set("");
        PatientDetails details;
        try {
            details = details();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            if (editingId == null) {
                Optional<Patient> tagged = taggedPatient(details.abhaNumber(), details.preferredAbhaAddress());
                if (tagged.isPresent()) {
                    offerExisting(tagged.get());
                    return Optional.empty();
                }
                Patient saved = patients.register(details);
                LOG.info("registered patient {} (ABHA: {})", saved.mrn(), saved.hasAbha());
                load(saved);
                dialogs.info(i18n.get("registration.saved.title"), i18n.get("registration.saved.new", saved.mrn()));
                return Optional.of(saved);
            }
            Patient saved = patients.update(editingId, details);
            LOG.info("updated patient {}", saved.mrn());
            load(saved);
            dialogs.info(i18n.get("registration.saved.title"), i18n.get("registration.saved.updated", saved.mrn()));
            return Optional.of(saved);
        } catch (AbhaAlreadyTaggedException e) {
            patients.findById(e.existingPatientId()).ifPresent(this::offerExisting);
            return Optional.empty();
        }
    }

    // ---- Properties ----

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Gender> genderProperty() {
        return gender;
    }

    public StringProperty birthDateProperty() {
        return birthDate;
    }

    public StringProperty mobileProperty() {
        return mobile;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty districtProperty() {
        return district;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public StringProperty pinCodeProperty() {
        return pinCode;
    }

    public ReadOnlyStringProperty abhaNumberTextProperty() {
        return abhaNumberText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty abhaAddressTextProperty() {
        return abhaAddressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty abhaStateProperty() {
        return abhaState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty abhaUnverifiedProperty() {
        return abhaUnverified.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedMrnProperty() {
        return savedMrn.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return nameGiven;
    }

    public Optional<AbhaNumber> abhaNumber() {
        return Optional.ofNullable(abhaNumber.get());
    }

    public Optional<AbhaAddress> abhaAddress() {
        return Optional.ofNullable(abhaAddress.get());
    }

    public boolean hasAbha() {
        return abhaNumber.get() != null || abhaAddress.get() != null;
    }

    // ---- Internals ----

    private PatientDetails details() {
        if (name.get().isBlank()) {
            return fail("registration.error.name");
        }
        if (gender.get() == null) {
            return fail("registration.error.gender");
        }
        Optional<PartialDate> birth;
        try {
            birth = BirthDates.parse(birthDate.get());
        } catch (IllegalArgumentException e) {
            return fail("registration.error.birth");
        }
        Optional<MobileNumber> phone = Optional.empty();
        if (!mobile.get().isBlank()) {
            if (!MobileNumber.check(mobile.get()).acceptable()) {
                formError.set(i18n.check(MobileNumber.check(mobile.get())));
                throw new IllegalArgumentException("mobile");
            }
            phone = Optional.of(MobileNumber.of(mobile.get()));
        }
        List<AbhaAddress> addresses = new ArrayList<>(knownAddresses);
        if (abhaAddress.get() != null && !addresses.contains(abhaAddress.get())) {
            addresses.add(abhaAddress.get());
        }
        return new PatientDetails(name.get().strip(), gender.get(), birth, phone, abhaNumber(), addresses,
                abhaAddress(), address.get().strip(), district.get().strip(), state.get().strip(), pinCode.get().strip());
    }

    private PatientDetails fail(String key) {
        formError.set(i18n.get(key));
        throw new IllegalArgumentException(key);
    }

    private Optional<Patient> taggedPatient(Optional<AbhaNumber> number, Optional<AbhaAddress> addr) {
        Optional<Patient> byNumber = number.flatMap(patients::findByAbhaNumber);
        return byNumber.isPresent() ? byNumber : addr.flatMap(patients::findByAbhaAddress);
    }

    private void offerExisting(Patient existing) {
        LOG.info("ABHA already tagged to patient {}; offering it", existing.mrn());
        boolean open = dialogs.confirm(i18n.get("registration.tagged.title"),
                i18n.get("registration.tagged.message", existing.mrn(), existing.name()));
        formError.set(i18n.get("registration.tagged.short", existing.mrn()));
        if (open) {
            load(existing);
        }
    }

    private boolean isEditing(Patient p) {
        return editingId != null && editingId == p.id();
    }

    String cmSuffix() {
        return cmSuffix;
    }
}
