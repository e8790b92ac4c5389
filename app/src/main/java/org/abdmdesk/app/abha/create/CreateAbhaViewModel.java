package org.abdmdesk.app.abha.create;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.abdmdesk.app.common.BackgroundCalls;
import org.abdmdesk.app.common.FlowServices;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.OtpEntry;
import org.abdmdesk.engine.abha.AbhaProfile;
import org.abdmdesk.engine.abha.CreatedAddress;
import org.abdmdesk.engine.abha.Document;
import org.abdmdesk.engine.abha.EnrolmentConsent;
import org.abdmdesk.engine.abha.EnrolmentConsentLog;
import org.abdmdesk.engine.abha.Enrolment;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.identity.AadhaarNumber;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.Check;
import org.abdmdesk.engine.identity.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating an ABHA through Aadhaar OTP (CRT_ABHA_101..114), one step at a time: consent, Aadhaar,
 * OTP with the communication mobile, the mobile's own OTP when it differs, the existing-ABHA
 * answer, the ABHA Address, and the result with the card. The Aadhaar number lives only in memory
 * while the OTP can still be resent, and is dropped as soon as the enrolment answers.
 */
public final class CreateAbhaViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CreateAbhaViewModel.class);

    public enum Step { CONSENT, AADHAAR, OTP, MOBILE_OTP, EXISTING, ADDRESS, DONE }

    private final FlowServices s;
    private final I18n i18n;
    private final EnrolmentConsentLog consentLog;
    private final String operator;
    private final Consumer<AbhaProfile> register;
    private final Consumer<String> drivingLicence;
    private final BackgroundCalls calls;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.CONSENT);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    // consent
    private final StringProperty patientName = new SimpleStringProperty(this, "patientName", "");
    private final ObjectProperty<Locale> consentLocale;
    private final Map<String, BooleanProperty> ticks = new LinkedHashMap<>();
    private final ObservableList<String> statements = FXCollections.observableArrayList();
    private final BooleanBinding canAgree;
    private final BooleanBinding canUseDrivingLicence;

    // aadhaar
    private final StringProperty aadhaarInput = new SimpleStringProperty(this, "aadhaar", "");
    private final ReadOnlyStringWrapper aadhaarProblem = new ReadOnlyStringWrapper(this, "aadhaarProblem", "");
    private final ReadOnlyStringWrapper aadhaarMasked = new ReadOnlyStringWrapper(this, "aadhaarMasked", "");
    private final BooleanBinding canSendOtp;
    private AadhaarNumber aadhaar;

    // otp + mobile
    private final OtpEntry otp;
    private final StringProperty communicationMobile = new SimpleStringProperty(this, "mobile", "");
    private final ReadOnlyStringWrapper mobileProblem = new ReadOnlyStringWrapper(this, "mobileProblem", "");
    private final BooleanBinding canVerify;
    private final OtpEntry mobileOtp;
    private final BooleanBinding canVerifyMobile;
    private final BooleanBinding canResend;
    private final BooleanBinding canResendMobile;
    private Enrolment enrolment;
    private String txnId;

    // address
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final ReadOnlyStringWrapper usernameFeedback = new ReadOnlyStringWrapper(this, "usernameFeedback", "");
    private final BooleanBinding canCreateAddress;

    // result
    private final ReadOnlyStringWrapper existingMessage = new ReadOnlyStringWrapper(this, "existingMessage", "");
    private final ReadOnlyStringWrapper resultNumber = new ReadOnlyStringWrapper(this, "resultNumber", "");
    private final ReadOnlyStringWrapper resultAddress = new ReadOnlyStringWrapper(this, "resultAddress", "");
    private final ReadOnlyObjectWrapper<Document> card = new ReadOnlyObjectWrapper<>(this, "card");
    private AbhaProfile result;

    public CreateAbhaViewModel(FlowServices services, EnrolmentConsentLog consentLog, String operator,
            Consumer<AbhaProfile> register) {
        this(services, consentLog, operator, register, name -> { });
    }

    /** {@code drivingLicence} opens the driving-licence route with the patient's name. */
    public CreateAbhaViewModel(FlowServices services, EnrolmentConsentLog consentLog, String operator,
            Consumer<AbhaProfile> register, Consumer<String> drivingLicence) {
        this.drivingLicence = Objects.requireNonNull(drivingLicence);
        this.s = Objects.requireNonNull(services);
        this.i18n = services.i18n();
        this.consentLog = Objects.requireNonNull(consentLog);
        this.operator = Objects.requireNonNull(operator);
        this.register = Objects.requireNonNull(register);
        this.calls = services.newCalls();
        this.otp = services.newOtpEntry();
        this.mobileOtp = services.newOtpEntry();
        this.consentLocale = new SimpleObjectProperty<>(this, "consentLocale", i18n.locale());

        ConsentStatements.IDS.forEach(id -> ticks.put(id, new SimpleBooleanProperty(this, "tick" + id)));
        consentLocale.addListener((o, a, n) -> renderStatements());
        patientName.addListener((o, a, n) -> renderStatements());
        renderStatements();
        List<javafx.beans.Observable> deps = new ArrayList<>(ticks.values());
        deps.add(patientName);
        canAgree = Bindings.createBooleanBinding(this::consentComplete, deps.toArray(javafx.beans.Observable[]::new));
        canUseDrivingLicence = Bindings.createBooleanBinding(this::drivingLicenceConsentComplete,
                deps.toArray(javafx.beans.Observable[]::new));

        aadhaarInput.addListener((o, a, n) -> aadhaarProblem.set(n.isBlank() ? "" : i18n.check(AadhaarNumber.check(n))));
        canSendOtp = Bindings.createBooleanBinding(() -> AadhaarNumber.check(aadhaarInput.get()).acceptable(),
                aadhaarInput).and(calls.runningProperty().not());

        communicationMobile.addListener((o, a, n) -> mobileProblem.set(n.isBlank() ? "" : i18n.check(MobileNumber.check(n))));
        canVerify = otp.completeBinding()
                .and(Bindings.createBooleanBinding(() -> MobileNumber.check(communicationMobile.get()).acceptable(),
                        communicationMobile))
                .and(calls.runningProperty().not());
        canVerifyMobile = mobileOtp.completeBinding().and(calls.runningProperty().not());
        canResend = otp.countdown().canResendProperty().and(calls.runningProperty().not());
        canResendMobile = mobileOtp.countdown().canResendProperty().and(calls.runningProperty().not());

        username.addListener((o, a, n) -> usernameFeedback.set(addressFeedback(n)));
        canCreateAddress = Bindings.createBooleanBinding(
                () -> AbhaAddress.checkNewUsername(username.get()).acceptable(), username)
                .and(calls.runningProperty().not());
    }

    // ---- Commands ----

    /** Records the consent (before any Aadhaar leaves) and opens the Aadhaar step. */
    public void agree() {
        if (!consentComplete()) {
            return;
        }
        recordConsent();
        error.set("");
        step.set(Step.AADHAAR);
    }

    /**
     * The patient creates the ABHA with a driving licence instead (statement 2 ticked, with 6 and 7):
     * records that consent and opens the driving-licence route.
     */
    public void useDrivingLicence() {
        if (!drivingLicenceConsentComplete()) {
            error.set(i18n.get("create.dl.needsConsent"));
            return;
        }
        recordConsent();
        drivingLicence.accept(patientName.get().strip());
    }

    private void recordConsent() {
        Locale locale = consentLocale.get();
        List<String> shown = List.copyOf(statements);
        Set<String> ticked = new HashSet<>();
        ticks.forEach((id, p) -> {
            if (p.get()) {
                ticked.add(id);
            }
        });
        long id = consentLog.record(new EnrolmentConsent(ticked, ConsentStatements.version(locale),
                ConsentStatements.sha256(locale, shown), locale.getLanguage(), operator, patientName.get().strip(),
                s.clock().instant()));
        LOG.info("enrolment consent {} recorded (text {})", id, ConsentStatements.version(locale));
    }

    public void sendOtp() {
        Check c = AadhaarNumber.check(aadhaarInput.get());
        if (!c.acceptable()) {
            aadhaarProblem.set(i18n.check(c));
            return;
        }
        AadhaarNumber number = AadhaarNumber.of(aadhaarInput.get());
        calls.run("enrolment-otp", () -> s.abha().requestEnrolmentOtp(number), sent -> {
            aadhaar = number;
            aadhaarMasked.set(number.masked());
            aadhaarInput.set("");
            error.set("");
            otp.sent(sent);
            step.set(Step.OTP);
        }, e -> error.set(i18n.problem(e)));
    }

    public void resendOtp() {
        if (!canResend.get() || aadhaar == null) {
            return;
        }
        AadhaarNumber number = aadhaar;
        calls.run("enrolment-otp-resend", () -> s.abha().requestEnrolmentOtp(number), otp::resent,
                e -> otp.failed(i18n.problem(e)));
    }

    public void verifyOtp() {
        if (!canVerify.get()) {
            return;
        }
        MobileNumber mobile = MobileNumber.of(communicationMobile.get());
        var code = otp.takeOtp();
        String txn = otp.txnId();
        calls.run("enrol-by-aadhaar", () -> s.abha().enrolByAadhaar(txn, code, mobile), this::enrolled,
                e -> otpRejected(otp, e));
    }

    public void verifyMobileOtp() {
        if (!canVerifyMobile.get()) {
            return;
        }
        var code = mobileOtp.takeOtp();
        String txn = mobileOtp.txnId();
        calls.run("verify-mobile", () -> s.abha().verifyMobileOtp(txn, code), newTxn -> {
            txnId = newTxn;
            mobileOtp.finished();
            openAddressStep();
        }, e -> otpRejected(mobileOtp, e));
    }

    public void resendMobileOtp() {
        if (!canResendMobile.get()) {
            return;
        }
        MobileNumber mobile = MobileNumber.of(communicationMobile.get());
        String txn = mobileOtp.txnId();
        calls.run("mobile-otp-resend", () -> s.abha().requestMobileVerificationOtp(txn, mobile), mobileOtp::resent,
                e -> mobileOtp.failed(i18n.problem(e)));
    }

    /** The Aadhaar already had an ABHA: carry on with that one. */
    public void useExisting() {
        showResult(enrolment.profile());
    }

    public void chooseSuggestion(String suggestion) {
        if (suggestion != null) {
            username.set(suggestion);
        }
    }

    public void createAddress() {
        if (!canCreateAddress.get()) {
            usernameFeedback.set(addressFeedback(username.get()));
            return;
        }
        String wanted = bare(username.get());
        String txn = txnId;
        calls.run("create-address", () -> s.abha().createAbhaAddress(txn, wanted), this::addressCreated,
                e -> usernameFeedback.set(i18n.problem(e)));
    }

    /** Fetches ABDM's card for the ABHA (View card). */
    public void loadCard() {
        if (enrolment == null) {
            return;
        }
        var token = enrolment.token();
        calls.run("abha-card", () -> s.abha().abhaCard(token), card::set, e -> error.set(i18n.problem(e)));
    }

    public void saveCard() {
        Document doc = card.get();
        if (doc == null) {
            return;
        }
        Optional<Path> target = s.dialogs().chooseSaveFile(i18n.get("create.card.saveTitle"),
                "abha-card." + doc.extension());
        target.ifPresent(path -> {
            try {
                Files.write(path, doc.bytes());
            } catch (IOException e) {
                LOG.warn("could not save the ABHA card: {}", e.getClass().getName());
                s.dialogs().error(i18n.get("create.card.saveTitle"), i18n.get("create.card.saveFailed"));
            }
        });
    }

    public void printCard() {
        Document doc = card.get();
        if (doc != null && !s.dialogs().print(doc)) {
            LOG.info("ABHA card not printed");
        }
    }

    /** Opens registration filled from the new (or existing) ABHA. */
    public void registerPatient() {
        if (result != null) {
            register.accept(result);
        }
    }

    /** Esc: stops a running call. */
    public void cancelCall() {
        calls.cancel();
    }

    /** Leaves the flow: stops timers and forgets the Aadhaar. */
    public void close() {
        calls.cancel();
        otp.finished();
        mobileOtp.finished();
        aadhaar = null;
        aadhaarInput.set("");
    }

    // ---- Step transitions ----

    private void enrolled(Enrolment e) {
        enrolment = e;
        txnId = e.txnId();
        aadhaar = null;
        otp.finished();
        LOG.info("enrolment answered: new={}, mobile matches={}", e.isNew(), e.mobileMatches());
        if (!e.isNew()) {
            String number = e.profile().abhaNumber().map(n -> n.hyphenated()).orElse("");
            existingMessage.set(i18n.get("create.existing.message", number));
            step.set(Step.EXISTING);
        } else if (!e.mobileMatches()) {
            MobileNumber mobile = MobileNumber.of(communicationMobile.get());
            String txn = txnId;
            calls.run("mobile-otp", () -> s.abha().requestMobileVerificationOtp(txn, mobile), sent -> {
                mobileOtp.sent(sent);
                step.set(Step.MOBILE_OTP);
            }, ex -> error.set(i18n.problem(ex)));
        } else {
            openAddressStep();
        }
    }

    private void openAddressStep() {
        step.set(Step.ADDRESS);
        String txn = txnId;
        calls.run("address-suggestions", () -> s.abha().suggestAddresses(txn), list -> {
            suggestions.setAll(list);
            if (!list.isEmpty() && username.get().isBlank()) {
                username.set(list.get(0));
            }
        }, e -> error.set(i18n.problem(e)));
    }

    private void addressCreated(CreatedAddress created) {
        txnId = created.txnId();
        AbhaProfile p = enrolment.profile();
        List<AbhaAddress> all = new ArrayList<>(p.addresses());
        if (!all.contains(created.preferredAddress())) {
            all.add(created.preferredAddress());
        }
        showResult(new AbhaProfile(Optional.of(created.abhaNumber()), Optional.of(created.preferredAddress()), all,
                p.name(), p.firstName(), p.middleName(), p.lastName(), p.gender(), p.birthDate(), p.mobile(), p.email(),
                p.address(), p.districtName(), p.stateName(), p.pinCode(), p.status(), p.kycVerified(), p.photoJpeg()));
    }

    private void showResult(AbhaProfile profile) {
        result = profile;
        resultNumber.set(profile.abhaNumber().map(n -> n.hyphenated()).orElse(""));
        resultAddress.set(profile.preferredAddress().map(AbhaAddress::full).orElse(""));
        error.set("");
        step.set(Step.DONE);
        loadCard();
    }

    private void otpRejected(OtpEntry entry, AbdmException e) {
        if (e.kind() == AbdmException.Kind.CANCELLED) {
            entry.failed(i18n.problem(e));
        } else {
            entry.rejected(i18n.problem(e));
        }
    }

    // ---- Helpers ----

    private boolean consentComplete() {
        return !patientName.get().isBlank()
                && ConsentStatements.REQUIRED.stream().allMatch(id -> ticks.get(id).get())
                && !ticks.get(ConsentStatements.MUST_STAY_UNTICKED).get();
    }

    private boolean drivingLicenceConsentComplete() {
        return !patientName.get().isBlank() && ConsentStatements.DRIVING_LICENCE_REQUIRED.stream()
                .allMatch(id -> ticks.get(id).get());
    }

    private void renderStatements() {
        String patient = patientName.get().isBlank() ? i18n.get("consent.patientPlaceholder") : patientName.get().strip();
        statements.setAll(ConsentStatements.render(consentLocale.get(), operator, patient));
    }

    private String addressFeedback(String input) {
        if (input == null || input.isBlank()) {
            return "";
        }
        Check c = AbhaAddress.checkNewUsername(input);
        return c.acceptable() ? i18n.get("create.address.policyOk", bare(input) + "@" + s.cmSuffix()) : i18n.check(c);
    }

    private static String bare(String input) {
        String t = input.strip();
        return t.contains("@") ? t.substring(0, t.indexOf('@')) : t;
    }

    // ---- Properties ----

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BackgroundCalls calls() {
        return calls;
    }

    public StringProperty patientNameProperty() {
        return patientName;
    }

    public ObjectProperty<Locale> consentLocaleProperty() {
        return consentLocale;
    }

    public BooleanProperty tickProperty(String statementId) {
        return ticks.get(statementId);
    }

    public ObservableList<String> statements() {
        return statements;
    }

    public BooleanBinding canAgreeBinding() {
        return canAgree;
    }

    public BooleanBinding canUseDrivingLicenceBinding() {
        return canUseDrivingLicence;
    }

    public StringProperty aadhaarProperty() {
        return aadhaarInput;
    }

    public ReadOnlyStringProperty aadhaarProblemProperty() {
        return aadhaarProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty aadhaarMaskedProperty() {
        return aadhaarMasked.getReadOnlyProperty();
    }

    public BooleanBinding canSendOtpBinding() {
        return canSendOtp;
    }

    public OtpEntry otp() {
        return otp;
    }

    public OtpEntry mobileOtp() {
        return mobileOtp;
    }

    public StringProperty communicationMobileProperty() {
        return communicationMobile;
    }

    public ReadOnlyStringProperty mobileProblemProperty() {
        return mobileProblem.getReadOnlyProperty();
    }

    public BooleanBinding canVerifyBinding() {
        return canVerify;
    }

    public BooleanBinding canVerifyMobileBinding() {
        return canVerifyMobile;
    }

    public BooleanBinding canResendBinding() {
        return canResend;
    }

    public BooleanBinding canResendMobileBinding() {
        return canResendMobile;
    }

    public ReadOnlyStringProperty existingMessageProperty() {
        return existingMessage.getReadOnlyProperty();
    }

    public ObservableList<String> suggestions() {
        return suggestions;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public ReadOnlyStringProperty usernameFeedbackProperty() {
        return usernameFeedback.getReadOnlyProperty();
    }

    public BooleanBinding canCreateAddressBinding() {
        return canCreateAddress;
    }

    public ReadOnlyStringProperty resultNumberProperty() {
        return resultNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultAddressProperty() {
        return resultAddress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Document> cardProperty() {
        return card.getReadOnlyProperty();
    }

    public Optional<AbhaProfile> result() {
        return Optional.ofNullable(result);
    }
}
