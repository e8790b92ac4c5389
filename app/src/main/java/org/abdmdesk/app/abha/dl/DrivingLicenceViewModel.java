package org.abdmdesk.app.abha.dl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.abdmdesk.app.common.BackgroundCalls;
import org.abdmdesk.app.common.FlowServices;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.OtpEntry;
import org.abdmdesk.engine.abha.DocumentEnrolment;
import org.abdmdesk.engine.abha.DrivingLicenceApplication;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.identity.Check;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating an ABHA with a driving licence instead of Aadhaar (CRT_ABHA_401.., abha-v3.md 3.7): an
 * OTP to the patient's mobile (same OTP box, resend countdown and cap as every flow), then the
 * licence form with photos of both sides, checked here before anything is sent. ABDM answers with
 * a provisional enrolment number; the licence must then be verified at a facility. The form's
 * details can go on to registration.
 */
public final class DrivingLicenceViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DrivingLicenceViewModel.class);
    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    public enum Step { MOBILE, OTP, FORM, DONE }

    /** The form's fields; each has its own error sentence, cleared when the field changes. */
    public enum Field { LICENCE_NUMBER, FIRST_NAME, MIDDLE_NAME, LAST_NAME, BIRTH_DATE, GENDER, FRONT_PHOTO, BACK_PHOTO,
        ADDRESS, STATE, DISTRICT, PIN_CODE }

    /** What registration is prefilled with once the enrolment is submitted. */
    public record Details(String name, Gender gender, LocalDate birthDate, String mobile, String address,
            String district, String state, String pinCode, String enrolmentNumber) {
    }

    private final FlowServices s;
    private final I18n i18n;
    private final Consumer<Details> register;
    private final BackgroundCalls calls;
    private final OtpEntry otp;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.MOBILE);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final StringProperty mobile = new SimpleStringProperty(this, "mobile", "");
    private final ReadOnlyStringWrapper mobileProblem = new ReadOnlyStringWrapper(this, "mobileProblem", "");
    private final BooleanBinding canSend;
    private final BooleanBinding canVerify;
    private final BooleanBinding canResend;

    private final Map<Field, StringProperty> text = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> problems = new EnumMap<>(Field.class);
    private final ObjectProperty<Gender> gender = new SimpleObjectProperty<>(this, "gender");
    private final Map<Field, byte[]> photos = new EnumMap<>(Field.class);
    private final BooleanBinding canSubmit;

    private final ReadOnlyStringWrapper enrolmentNumber = new ReadOnlyStringWrapper(this, "enrolmentNumber", "");
    private final ReadOnlyStringWrapper enrolmentState = new ReadOnlyStringWrapper(this, "enrolmentState", "");
    private String txnId;
    private String verifiedMobile;
    private DocumentEnrolment enrolment;

    /** {@code patientName} (from the consent step) pre-fills the names; {@code register} opens registration. */
    public DrivingLicenceViewModel(FlowServices services, String patientName, Consumer<Details> register) {
        this.s = Objects.requireNonNull(services);
        this.i18n = services.i18n();
        this.register = Objects.requireNonNull(register);
        this.calls = services.newCalls();
        this.otp = services.newOtpEntry();
        for (Field f : Field.values()) {
            problems.put(f, new ReadOnlyStringWrapper(this, f.name() + "Problem", ""));
            if (f != Field.GENDER && f != Field.FRONT_PHOTO && f != Field.BACK_PHOTO) {
                StringProperty p = new SimpleStringProperty(this, f.name(), "");
                p.addListener((o, a, n) -> problems.get(f).set(""));
                text.put(f, p);
            }
        }
        // the photo fields hold the chosen file's name
        text.put(Field.FRONT_PHOTO, new SimpleStringProperty(this, "frontPhoto", ""));
        text.put(Field.BACK_PHOTO, new SimpleStringProperty(this, "backPhoto", ""));
        gender.addListener((o, a, n) -> problems.get(Field.GENDER).set(""));
        splitName(patientName == null ? "" : patientName.strip());

        mobile.addListener((o, a, n) -> mobileProblem.set(n.isBlank() ? "" : i18n.check(MobileNumber.check(n))));
        canSend = Bindings.createBooleanBinding(() -> MobileNumber.check(mobile.get()).acceptable(), mobile)
                .and(calls.runningProperty().not());
        canVerify = otp.completeBinding().and(calls.runningProperty().not());
        canResend = otp.countdown().canResendProperty().and(calls.runningProperty().not());
        canSubmit = calls.runningProperty().not();
    }

    // ---- Commands ----

    public void sendOtp() {
        Check c = MobileNumber.check(mobile.get());
        if (!c.acceptable()) {
            mobileProblem.set(i18n.check(c));
            return;
        }
        MobileNumber number = MobileNumber.of(mobile.get());
        calls.run("dl-mobile-otp", () -> s.abha().requestDrivingLicenceMobileOtp(number), sent -> {
            verifiedMobile = number.digits();
            error.set("");
            otp.sent(sent);
            step.set(Step.OTP);
        }, e -> error.set(i18n.problem(e)));
    }

    public void resendOtp() {
        if (!canResend.get() || verifiedMobile == null) {
            return;
        }
        MobileNumber number = MobileNumber.of(verifiedMobile);
        calls.run("dl-mobile-otp-resend", () -> s.abha().requestDrivingLicenceMobileOtp(number), otp::resent,
                e -> otp.failed(i18n.problem(e)));
    }

    public void verifyOtp() {
        if (!canVerify.get()) {
            return;
        }
        String txn = otp.txnId();
        var code = otp.takeOtp();
        calls.run("dl-verify-mobile", () -> s.abha().verifyDrivingLicenceMobileOtp(txn, code), newTxn -> {
            txnId = newTxn;
            otp.finished();
            error.set("");
            step.set(Step.FORM);
        }, e -> {
            if (e.kind() == AbdmException.Kind.CANCELLED) {
                otp.failed(i18n.problem(e));
            } else {
                otp.rejected(i18n.problem(e));
            }
        });
    }

    public void chooseFrontPhoto() {
        choosePhoto(Field.FRONT_PHOTO, "dl.photo.front.choose");
    }

    public void chooseBackPhoto() {
        choosePhoto(Field.BACK_PHOTO, "dl.photo.back.choose");
    }

    /** Checks the form here; when it is complete, submits it to ABDM. */
    public void submit() {
        if (step.get() != Step.FORM || calls.isRunning()) {
            return;
        }
        Optional<DrivingLicenceApplication> application = validate();
        if (application.isEmpty()) {
            error.set(i18n.get("dl.error.form"));
            return;
        }
        error.set("");
        String txn = txnId;
        DrivingLicenceApplication a = application.get();
        calls.run("dl-enrol", () -> s.abha().enrolByDrivingLicence(txn, a), done -> {
            enrolment = done;
            txnId = done.txnId();
            enrolmentNumber.set(done.enrolmentNumber());
            enrolmentState.set("PROVISIONAL".equalsIgnoreCase(done.enrolmentState())
                    ? i18n.get("dl.state.provisional") : done.enrolmentState());
            LOG.info("driving-licence enrolment submitted: state {}", done.enrolmentState());
            step.set(Step.DONE);
        }, e -> error.set(i18n.problem(e)));
    }

    /** Opens registration filled from the form. */
    public void registerPatient() {
        if (enrolment == null) {
            return;
        }
        String name = String.join(" ", value(Field.FIRST_NAME), value(Field.MIDDLE_NAME), value(Field.LAST_NAME))
                .replaceAll("\\s+", " ").strip();
        register.accept(new Details(name, gender.get(), parseDate(value(Field.BIRTH_DATE)).orElse(null),
                verifiedMobile, value(Field.ADDRESS), value(Field.DISTRICT), value(Field.STATE), value(Field.PIN_CODE),
                enrolment.enrolmentNumber()));
    }

    public void cancelCall() {
        calls.cancel();
    }

    /** Leaves the flow: stops timers and lets go of the photos. */
    public void close() {
        calls.cancel();
        otp.finished();
        photos.clear();
    }

    // ---- Checks ----

    /** Sets each field's error; the application when every field is acceptable. */
    Optional<DrivingLicenceApplication> validate() {
        boolean ok = true;
        ok &= check(Field.LICENCE_NUMBER, licenceProblem(value(Field.LICENCE_NUMBER)));
        ok &= check(Field.FIRST_NAME, nameProblem(value(Field.FIRST_NAME), true));
        ok &= check(Field.MIDDLE_NAME, nameProblem(value(Field.MIDDLE_NAME), false));
        ok &= check(Field.LAST_NAME, nameProblem(value(Field.LAST_NAME), false));
        ok &= check(Field.BIRTH_DATE, birthProblem(value(Field.BIRTH_DATE)));
        ok &= check(Field.GENDER, gender.get() == null ? "dl.error.gender" : null);
        ok &= check(Field.FRONT_PHOTO, photos.containsKey(Field.FRONT_PHOTO) ? null : "dl.error.photo");
        ok &= check(Field.BACK_PHOTO, photos.containsKey(Field.BACK_PHOTO) ? null : "dl.error.photo");
        ok &= check(Field.ADDRESS, value(Field.ADDRESS).isEmpty() ? "dl.error.required" : null);
        ok &= check(Field.STATE, value(Field.STATE).isEmpty() ? "dl.error.required" : null);
        ok &= check(Field.DISTRICT, value(Field.DISTRICT).isEmpty() ? "dl.error.required" : null);
        ok &= check(Field.PIN_CODE, value(Field.PIN_CODE).matches("[1-9]\\d{5}") ? null : "dl.error.pin");
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new DrivingLicenceApplication(value(Field.LICENCE_NUMBER).toUpperCase(java.util.Locale.ROOT)
                .replace(" ", ""), value(Field.FIRST_NAME), value(Field.MIDDLE_NAME), value(Field.LAST_NAME),
                parseDate(value(Field.BIRTH_DATE)).orElseThrow(), gender.get(), photos.get(Field.FRONT_PHOTO),
                photos.get(Field.BACK_PHOTO), value(Field.ADDRESS), value(Field.STATE), value(Field.DISTRICT),
                value(Field.PIN_CODE)));
    }

    private boolean check(Field f, String problemKey) {
        problems.get(f).set(problemKey == null ? "" : i18n.get(problemKey));
        return problemKey == null;
    }

    /** An Indian licence: two letters of the state, then 11 to 16 letters, digits, hyphens or spaces. */
    static String licenceProblem(String v) {
        if (v.isEmpty()) {
            return "dl.error.required";
        }
        return v.matches("[A-Za-z]{2}[A-Za-z0-9 -]{11,16}") ? null : "dl.error.number";
    }

    static String nameProblem(String v, boolean required) {
        if (v.isEmpty()) {
            return required ? "dl.error.required" : null;
        }
        return v.matches("[\\p{L}\\p{M} .'-]{1,60}") ? null : "dl.error.name";
    }

    private String birthProblem(String v) {
        if (v.isEmpty()) {
            return "dl.error.required";
        }
        Optional<LocalDate> date = parseDate(v);
        if (date.isEmpty()) {
            return "dl.error.birth";
        }
        LocalDate today = LocalDate.now(s.clock());
        return date.get().isAfter(today) || date.get().getYear() < 1900 ? "dl.error.birthRange" : null;
    }

    static Optional<LocalDate> parseDate(String v) {
        try {
            return Optional.of(LocalDate.parse(v.strip().replace('/', '-').replace('.', '-'), DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void choosePhoto(Field field, String titleKey) {
        Optional<Path> file = s.dialogs().chooseImageFile(i18n.get(titleKey));
        if (file.isEmpty()) {
            return;
        }
        try {
            if (Files.size(file.get()) > MAX_PHOTO_BYTES) {
                problems.get(field).set(i18n.get("dl.error.photoSize"));
                return;
            }
            byte[] bytes = Files.readAllBytes(file.get());
            if (!isJpegOrPng(bytes)) {
                problems.get(field).set(i18n.get("dl.error.photoType"));
                return;
            }
            photos.put(field, bytes);
            text.get(field).set(file.get().getFileName().toString());
            problems.get(field).set("");
        } catch (IOException e) {
            LOG.warn("could not read the licence photo: {}", e.getClass().getName());
            problems.get(field).set(i18n.get("dl.error.photoUnreadable"));
        }
    }

    static boolean isJpegOrPng(byte[] b) {
        boolean jpeg = b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
        boolean png = b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        return jpeg || png;
    }

    private void splitName(String full) {
        String[] parts = full.isEmpty() ? new String[0] : full.split("\\s+");
        if (parts.length >= 1) {
            text.get(Field.FIRST_NAME).set(parts[0]);
        }
        if (parts.length >= 2) {
            text.get(Field.LAST_NAME).set(parts[parts.length - 1]);
        }
        if (parts.length >= 3) {
            text.get(Field.MIDDLE_NAME).set(String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1)));
        }
    }

    private String value(Field f) {
        return text.get(f).get().strip();
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

    public OtpEntry otp() {
        return otp;
    }

    public StringProperty mobileProperty() {
        return mobile;
    }

    public ReadOnlyStringProperty mobileProblemProperty() {
        return mobileProblem.getReadOnlyProperty();
    }

    public BooleanBinding canSendBinding() {
        return canSend;
    }

    public BooleanBinding canVerifyBinding() {
        return canVerify;
    }

    public BooleanBinding canResendBinding() {
        return canResend;
    }

    public BooleanBinding canSubmitBinding() {
        return canSubmit;
    }

    /** The text of a field (for the photos: the chosen file's name, which only the view model sets). */
    public StringProperty textProperty(Field f) {
        return text.get(f);
    }

    public ObjectProperty<Gender> genderProperty() {
        return gender;
    }

    public ReadOnlyStringProperty problemProperty(Field f) {
        return problems.get(f).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty enrolmentNumberProperty() {
        return enrolmentNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty enrolmentStateProperty() {
        return enrolmentState.getReadOnlyProperty();
    }
}
