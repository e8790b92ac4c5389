package org.abdmdesk.app.abha.verify;

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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.abdmdesk.app.common.BackgroundCalls;
import org.abdmdesk.app.common.FlowServices;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.OtpEntry;
import org.abdmdesk.engine.abha.AbhaProfile;
import org.abdmdesk.engine.abha.AccountSummary;
import org.abdmdesk.engine.abha.LoginRequest;
import org.abdmdesk.engine.abha.LoginRequest.Method;
import org.abdmdesk.engine.abha.LoginRequest.OtpRoute;
import org.abdmdesk.engine.abha.LoginResult;
import org.abdmdesk.engine.abha.UserToken;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.identity.AadhaarNumber;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Check;
import org.abdmdesk.engine.identity.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifying an existing ABHA (VRFY_ABHA_*): by ABHA Number or ABHA Address (Aadhaar OTP or
 * ABHA-mobile OTP), by mobile (then pick one of the ABHAs on it) or by Aadhaar; then the profile,
 * which goes to registration.
 */
public final class VerifyAbhaViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(VerifyAbhaViewModel.class);

    public enum Step { IDENTIFY, OTP, ACCOUNTS, PROFILE }

    private final FlowServices s;
    private final I18n i18n;
    private final Consumer<AbhaProfile> register;
    private final BackgroundCalls calls;
    private final OtpEntry otp;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.IDENTIFY);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(this, "method", Method.ABHA_NUMBER);
    private final ObjectProperty<OtpRoute> route = new SimpleObjectProperty<>(this, "route", OtpRoute.ABHA_MOBILE);
    private final StringProperty identifier = new SimpleStringProperty(this, "identifier", "");
    private final ReadOnlyStringWrapper identifierProblem = new ReadOnlyStringWrapper(this, "identifierProblem", "");
    private final BooleanBinding routeChoosable;
    private final BooleanBinding canSend;
    private final BooleanBinding canVerify;
    private final BooleanBinding canResend;
    private final ObservableList<AccountSummary> accounts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AbhaProfile> profile = new ReadOnlyObjectWrapper<>(this, "profile");
    private final ReadOnlyStringWrapper profileSummary = new ReadOnlyStringWrapper(this, "profileSummary", "");
    private LoginRequest request;
    private LoginResult mobileLogin;

    public VerifyAbhaViewModel(FlowServices services, Consumer<AbhaProfile> register) {
        this.s = Objects.requireNonNull(services);
        this.i18n = services.i18n();
        this.register = Objects.requireNonNull(register);
        this.calls = services.newCalls();
        this.otp = services.newOtpEntry();
        routeChoosable = Bindings.createBooleanBinding(
                () -> method.get() == Method.ABHA_NUMBER || method.get() == Method.ABHA_ADDRESS, method);
        identifier.addListener((o, a, n) -> identifierProblem.set(n.isBlank() ? "" : i18n.check(check())));
        method.addListener((o, a, n) -> {
            identifier.set("");
            identifierProblem.set("");
            error.set("");
        });
        canSend = Bindings.createBooleanBinding(() -> check().acceptable(), identifier, method)
                .and(calls.runningProperty().not());
        canVerify = otp.completeBinding().and(calls.runningProperty().not());
        canResend = otp.countdown().canResendProperty().and(calls.runningProperty().not());
    }

    /** Opens the flow with an identifier already typed (e.g. the ABHA Number read from a QR). */
    public void prefill(Method m, String value) {
        method.set(m);
        identifier.set(value);
    }

    // ---- Commands ----

    public void sendOtp() {
        Check c = check();
        if (!c.acceptable()) {
            identifierProblem.set(i18n.check(c));
            return;
        }
        LoginRequest req = new LoginRequest(method.get(), effectiveRoute(), identifier.get().strip());
        calls.run("login-otp", () -> s.abha().requestLoginOtp(req), sent -> {
            request = req;
            if (req.method() == Method.AADHAAR) {
                identifier.set("");
            }
            error.set("");
            otp.sent(sent);
            step.set(Step.OTP);
        }, e -> error.set(i18n.problem(e)));
    }

    public void resendOtp() {
        if (!canResend.get() || request == null) {
            return;
        }
        LoginRequest req = request;
        calls.run("login-otp-resend", () -> s.abha().requestLoginOtp(req), otp::resent,
                e -> otp.failed(i18n.problem(e)));
    }

    public void verifyOtp() {
        if (!canVerify.get()) {
            return;
        }
        LoginRequest req = request;
        String txn = otp.txnId();
        var code = otp.takeOtp();
        calls.run("login-verify", () -> s.abha().verifyLoginOtp(req, txn, code), this::loggedIn, e -> {
            if (e.kind() == AbdmException.Kind.CANCELLED) {
                otp.failed(i18n.problem(e));
            } else {
                otp.rejected(i18n.problem(e));
            }
        });
    }

    public void selectAccount(AccountSummary account) {
        if (account == null || account.abhaNumber().isEmpty() || mobileLogin == null) {
            return;
        }
        AbhaNumber number = account.abhaNumber().get();
        LoginResult login = mobileLogin;
        calls.run("select-account", () -> s.abha().selectAccount(login, number), this::loadProfile,
                e -> error.set(i18n.problem(e)));
    }

    /** Hands the verified profile to registration. */
    public void usePatient() {
        if (profile.get() != null) {
            register.accept(profile.get());
        }
    }

    public void startOver() {
        calls.cancel();
        otp.finished();
        request = null;
        mobileLogin = null;
        accounts.clear();
        profile.set(null);
        error.set("");
        step.set(Step.IDENTIFY);
    }

    public void cancelCall() {
        calls.cancel();
    }

    public void close() {
        calls.cancel();
        otp.finished();
        request = null;
        identifier.set("");
    }

    // ---- Transitions ----

    private void loggedIn(LoginResult result) {
        otp.finished();
        if (!result.needsAccountChoice()) {
            loadProfile(result.token().orElseThrow());
            return;
        }
        if (result.accounts().isEmpty()) {
            error.set(i18n.get("verify.noAbhaOnMobile"));
            step.set(Step.IDENTIFY);
            return;
        }
        mobileLogin = result;
        accounts.setAll(result.accounts());
        LOG.info("mobile login: {} account(s) to choose from", result.accounts().size());
        step.set(Step.ACCOUNTS);
    }

    private void loadProfile(UserToken token) {
        calls.run("profile", () -> s.abha().profile(token), p -> {
            request = null;
            profile.set(p);
            profileSummary.set(i18n.get("verify.profile.summary", p.name(),
                    p.abhaNumber().map(AbhaNumber::hyphenated).orElse("-"),
                    p.preferredAddress().map(AbhaAddress::full).orElse("-"), p.birthDate().toString(),
                    i18n.get("gender." + p.gender().name())));
            error.set("");
            step.set(Step.PROFILE);
        }, e -> error.set(i18n.problem(e)));
    }

    private OtpRoute effectiveRoute() {
        return switch (method.get()) {
            case MOBILE -> OtpRoute.ABHA_MOBILE;
            case AADHAAR -> OtpRoute.AADHAAR;
            default -> route.get();
        };
    }

    private Check check() {
        String v = identifier.get();
        return switch (method.get()) {
            case ABHA_NUMBER -> AbhaNumber.check(v);
            case ABHA_ADDRESS -> AbhaAddress.checkExisting(v);
            case MOBILE -> MobileNumber.check(v);
            case AADHAAR -> AadhaarNumber.check(v);
        };
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

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public ObjectProperty<OtpRoute> routeProperty() {
        return route;
    }

    public StringProperty identifierProperty() {
        return identifier;
    }

    public ReadOnlyStringProperty identifierProblemProperty() {
        return identifierProblem.getReadOnlyProperty();
    }

    public BooleanBinding routeChoosableBinding() {
        return routeChoosable;
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

    public ObservableList<AccountSummary> accounts() {
        return accounts;
    }

    public ReadOnlyObjectProperty<AbhaProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profileSummaryProperty() {
        return profileSummary.getReadOnlyProperty();
    }

    public Optional<AbhaProfile> profile() {
        return Optional.ofNullable(profile.get());
    }
}
