package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abdmdesk.engine.qr.QrCodes;
import org.abdmdesk.engine.sim.OtpChallenge.Verifier;

/**
 * Verifying by ABHA address, the PHR-web family {@code /v3/phr/web/login/...}: search, OTP (ABHA
 * mobile or Aadhaar), verify, and the profile, PHR card and QR for its X-token.
 */
final class PhrEndpoints {
    static final Set<String> AADHAAR_SCOPE = Set.of("abha-address-login", "aadhaar-verify");
    static final Set<String> MOBILE_SCOPE = Set.of("abha-address-login", "mobile-verify");

    private final EndpointSupport support;
    private final SimState state;
    private final LoginEndpoints logins;
    private final ObjectMapper json;

    PhrEndpoints(EndpointSupport support, LoginEndpoints logins, ObjectMapper json) {
        this.support = support;
        this.state = support.state;
        this.logins = logins;
        this.json = json;
    }

    // ---- POST /v3/phr/web/login/abha/search ----

    SimResponse search(SimRequest request) {
        Fields f = new Fields();
        String input = f.text(request.json(), "abhaAddress", "Invalid ABHA Address");
        f.done();
        String address = Identifiers.address(input);
        Account a = state.locked(() -> state.accountByAddress(address)).orElseThrow(AbdmErrors::userNotFound);
        return SimResponse.ok(JsonMaps.of("healthIdNumber", a.hyphenated(), "abhaAddress", address,
                "authMethods", a.authMethods(), "blockedAuthMethods", List.of(), "status", a.status(),
                "message", "User found.", "fullName", a.person().name(),
                "mobile", a.mobile() == null ? null : Masks.mobile(a.mobile())));
    }

    // ---- POST /v3/phr/web/login/abha/request/otp ----

    SimResponse requestOtp(SimRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields();
        Set<String> scope = Set.copyOf(f.texts(body, "scope", "Invalid scope"));
        String hint = f.text(body, "loginHint", "Invalid Login Hint");
        String otpSystem = f.text(body, "otpSystem", "Invalid OTP System");
        f.text(body, "loginId", "Invalid LoginId");
        f.done();
        String loginId = f.encrypted(body, "loginId", "Invalid LoginId");
        f.done();
        if (!"abha-address".equals(hint)) {
            throw AbdmErrors.invalid("Invalid loginHint");
        }
        Verifier verifier = LoginEndpoints.verifier(scope, otpSystem, AADHAAR_SCOPE, MOBILE_SCOPE);
        String address = Identifiers.address(loginId);
        record Target(Account account, String sentTo) {
        }
        Target target = state.locked(() -> {
            Account a = state.accountByAddress(address).orElseThrow(AbdmErrors::userNotFound);
            return new Target(a, logins.otpDestination(a, verifier));
        });
        String key = "phr:" + otpSystem + ":" + address;
        Txn txn = support.sendOtp(key, Txn.Flow.PHR_LOGIN, SentOtp.ADDRESS_LOGIN, verifier, target.sentTo(),
                request.now(), t -> {
                    t.scope = scope;
                    t.loginHint = hint;
                    t.phrAddress = address;
                    t.abhaNumber = target.account().abhaNumber();
                });
        return SimResponse.ok(JsonMaps.of("txnId", txn.id,
                "message", EndpointSupport.otpSentMessage(verifier, target.sentTo())));
    }

    // ---- POST /v3/phr/web/login/abha/verify ----

    SimResponse verify(SimRequest request) {
        OtpAuthBody auth = OtpAuthBody.read(request);
        Set<String> scope = auth.scope();
        String txnId = auth.txnId();
        String otp = auth.otp();
        Map<String, Object> answer = state.locked(() -> {
            Txn txn = auth.loginTxn(state, Txn.Flow.PHR_LOGIN, "Invalid transaction for ABHA address login");
            txn.challenge.verify(otp, request.now());
            Account a = state.account(txn.abhaNumber).orElseThrow(AbdmErrors::userNotFound);
            String token = state.grant(Grant.Kind.PHR, a.abhaNumber(), txn.phrAddress, txn.id, request.now());
            return JsonMaps.of("message", "OTP verified successfully", "authResult", "success",
                    "users", List.of(JsonMaps.of("abhaAddress", txn.phrAddress, "fullName", a.person().name(),
                            "abhaNumber", a.hyphenated(), "status", a.status(),
                            "kycStatus", a.kycVerified() ? "VERIFIED" : "PENDING")),
                    "tokens", ProfileJson.tokens(token, SimState.X_TOKEN_LIFETIME.toSeconds(), state.newToken()));
        });
        return SimResponse.ok(answer);
    }

    // ---- GET /v3/phr/web/login/profile/abha-profile, .../abha/phr-card, .../abha/qrcode ----

    SimResponse profile(SimRequest request) {
        Grant g = support.xToken(request, Grant.Kind.PHR);
        return SimResponse.ok(ProfileJson.phrProfile(account(g), g.phrAddress()));
    }

    SimResponse card(SimRequest request) {
        Grant g = support.xToken(request, Grant.Kind.PHR);
        Account a = account(g);
        return SimResponse.png(CardRenderer.png(a, g.phrAddress(), QrPayload.text(json, QrPayload.phr(a, g.phrAddress()))));
    }

    SimResponse qrCode(SimRequest request) {
        Grant g = support.xToken(request, Grant.Kind.PHR);
        Account a = account(g);
        return SimResponse.png(QrCodes.renderPng(QrPayload.text(json, QrPayload.phr(a, g.phrAddress())), 400));
    }

    private Account account(Grant g) {
        return state.locked(() -> state.account(g.abhaNumber())).orElseThrow(AbdmErrors::userNotFound);
    }
}
