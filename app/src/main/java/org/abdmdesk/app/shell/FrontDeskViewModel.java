package org.abdmdesk.app.shell;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.abdmdesk.app.abha.create.CreateAbhaViewModel;
import org.abdmdesk.app.abha.dl.DrivingLicenceViewModel;
import org.abdmdesk.app.abha.verify.VerifyAbhaViewModel;
import org.abdmdesk.app.common.FlowServices;
import org.abdmdesk.app.registration.PatientSearchViewModel;
import org.abdmdesk.app.registration.RegistrationViewModel;
import org.abdmdesk.app.share.ShareQueueViewModel;
import org.abdmdesk.app.share.ShareServices;
import org.abdmdesk.engine.abha.AbhaProfile;
import org.abdmdesk.engine.abha.EnrolmentConsentLog;
import org.abdmdesk.engine.abha.LoginRequest;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.patient.PatientRepository;
import org.abdmdesk.engine.qr.AbhaQrProfile;
import org.abdmdesk.app.qr.FrameSource;
import org.abdmdesk.app.qr.QrScanViewModel;
import java.util.function.Supplier;

/**
 * The front desk: search and registration stay; the ABHA flows open in the workspace one at a
 * time and hand their profile back to registration when done.
 */
public final class FrontDeskViewModel {
    public enum Screen { REGISTRATION, CREATE_ABHA, DRIVING_LICENCE, VERIFY_ABHA, SCAN_QR, SHARE_QUEUE }

    private final FlowServices services;
    private final EnrolmentConsentLog consents;
    private final String operator;
    private final Supplier<FrameSource> camera;
    private final Optional<ShareServices> share;
    private final RegistrationViewModel registration;
    private final PatientSearchViewModel search;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.REGISTRATION);
    private final ReadOnlyObjectWrapper<Object> flow = new ReadOnlyObjectWrapper<>(this, "flow");

    public FrontDeskViewModel(FlowServices services, PatientRepository patients, EnrolmentConsentLog consents,
            String operator, Supplier<FrameSource> camera) {
        this(services, patients, consents, operator, camera, Optional.empty());
    }

    /** With the scan-and-share queue when {@code share} is present. */
    public FrontDeskViewModel(FlowServices services, PatientRepository patients, EnrolmentConsentLog consents,
            String operator, Supplier<FrameSource> camera, Optional<ShareServices> share) {
        this.share = Objects.requireNonNull(share);
        this.services = Objects.requireNonNull(services);
        this.camera = Objects.requireNonNull(camera);
        this.consents = Objects.requireNonNull(consents);
        this.operator = Objects.requireNonNull(operator);
        this.registration = new RegistrationViewModel(patients, services.dialogs(), services.i18n(),
                services.cmSuffix());
        this.search = new PatientSearchViewModel(patients, registration, services.i18n());
    }

    public void newRegistration() {
        closeFlow();
        registration.newRegistration();
        screen.set(Screen.REGISTRATION);
    }

    public CreateAbhaViewModel startCreateAbha() {
        closeFlow();
        CreateAbhaViewModel vm = new CreateAbhaViewModel(services, consents, operator, this::abhaReady,
                this::startDrivingLicence);
        open(Screen.CREATE_ABHA, vm);
        return vm;
    }

    /** The driving-licence route of ABHA creation (opened from the consent step, which records the consent). */
    public DrivingLicenceViewModel startDrivingLicence(String patientName) {
        closeFlow();
        DrivingLicenceViewModel vm = new DrivingLicenceViewModel(services, patientName, this::provisionalEnrolment);
        open(Screen.DRIVING_LICENCE, vm);
        return vm;
    }

    public VerifyAbhaViewModel startVerifyAbha() {
        closeFlow();
        VerifyAbhaViewModel vm = new VerifyAbhaViewModel(services, this::abhaReady);
        registration.abhaNumber().ifPresentOrElse(n -> vm.prefill(LoginRequest.Method.ABHA_NUMBER, n.hyphenated()),
                () -> registration.abhaAddress().ifPresent(a -> vm.prefill(LoginRequest.Method.ABHA_ADDRESS, a.full())));
        open(Screen.VERIFY_ABHA, vm);
        return vm;
    }

    public QrScanViewModel startScanQr() {
        closeFlow();
        QrScanViewModel vm = new QrScanViewModel(camera, services.dialogs(), services.i18n(), services.ui(),
                services.cmSuffix(), this::qrRead);
        open(Screen.SCAN_QR, vm);
        return vm;
    }

    /** Whether this desk has scan and share (a HIP id is set up). */
    public boolean hasShareQueue() {
        return share.isPresent();
    }

    /** The scan-and-share screen: counter QR and token queue (Ctrl+Shift+S). */
    public ShareQueueViewModel startShareQueue() {
        closeFlow();
        ShareQueueViewModel vm = new ShareQueueViewModel(share.orElseThrow(() -> new IllegalStateException(
                "scan and share is not set up")), services.dialogs(), services.i18n(), services.clock(),
                services.ticker(), services.ui(), this::openSharedPatient);
        open(Screen.SHARE_QUEUE, vm);
        return vm;
    }

    /** Back to the registration form without taking anything from the flow. */
    public void backToRegistration() {
        closeFlow();
        screen.set(Screen.REGISTRATION);
    }

    public RegistrationViewModel registration() {
        return registration;
    }

    public PatientSearchViewModel search() {
        return search;
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    /** The view model of the open flow (create, verify, scan), or null on the registration screen. */
    public ReadOnlyObjectProperty<Object> flowProperty() {
        return flow.getReadOnlyProperty();
    }

    public <T> Optional<T> flow(Class<T> type) {
        return type.isInstance(flow.get()) ? Optional.of(type.cast(flow.get())) : Optional.empty();
    }

    void open(Screen s, Object vm) {
        flow.set(vm);
        screen.set(s);
    }

    private void abhaReady(AbhaProfile profile) {
        closeFlow();
        registration.acceptVerifiedProfile(profile);
        screen.set(Screen.REGISTRATION);
    }

    private void provisionalEnrolment(DrivingLicenceViewModel.Details d) {
        closeFlow();
        registration.acceptProvisionalEnrolment(d.name(), d.gender(), d.birthDate(), d.mobile(), d.address(),
                d.district(), d.state(), d.pinCode(), d.enrolmentNumber());
        screen.set(Screen.REGISTRATION);
    }

    private void qrRead(AbhaQrProfile qr) {
        closeFlow();
        registration.acceptUnverifiedAbha(qr.name().orElse(""), qr.gender(), qr.dateOfBirth(),
                qr.mobile().map(m -> m.digits()), qr.abhaNumber(), Optional.of(qr.abhaAddress()),
                qr.address().orElse(""), qr.districtName().orElse(""), qr.stateName().orElse(""));
        screen.set(Screen.REGISTRATION);
    }

    private void openSharedPatient(Patient patient) {
        closeFlow();
        registration.load(patient);
        screen.set(Screen.REGISTRATION);
    }

    FlowServices services() {
        return services;
    }

    void closeFlow() {
        Object current = flow.get();
        if (current instanceof CreateAbhaViewModel c) {
            c.close();
        } else if (current instanceof VerifyAbhaViewModel v) {
            v.close();
        } else if (current instanceof DrivingLicenceViewModel d) {
            d.close();
        } else if (current instanceof AutoCloseable a) {
            try {
                a.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a flow failed", e);
            }
        }
        flow.set(null);
    }
}
