package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abdmdesk.engine.sim.OtpChallenge.Verifier;

/**
 * Verifying an existing ABHA, {@code /v3/profile/login/...}: by ABHA number (Aadhaar OTP or ABHA
 * mobile OTP), by mobile (all ABHAs on it, then pick one with the T-token) or by Aadhaar.
 */
final class LoginEndpoints {
    static final Set<String> AADHAAR_SCOPE = Set.of("abha-login", "aadhaar-verify");
    static final Set<String> MOBILE_SCOPE = Set.of("abha-login", "mobile-verify");

    private final EndpointSupport support;
    private final SimState state;

    LoginEndpoints(EndpointSupport support) {
        this.support = support;
        this.state = support.state;
    }

    /** Who gets the OTP and which ABHA(s) the login is about. */
    private record Target(String sentTo, String abhaNumber, List<String> candidates) {
    }

    // ---- POST /v3/profile/login/request/otp ----

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
        Verifier verifier = verifier(scope, otpSystem, AADHAAR_SCOPE, MOBILE_SCOPE);
        Target target = state.locked(() -> switch (hint) {
            case "abha-number" -> byAbhaNumber(Identifiers.abhaNumber(loginId), verifier);
            case "mobile" -> byMobile(Identifiers.mobile(loginId), verifier);
            case "aadhaar" -> byAadhaar(Identifiers.aadhaar(loginId), verifier);
            default -> throw AbdmErrors.invalid("Invalid loginHint");
        });
        String key = "login:" + hint + ":" + otpSystem + ":" + target.abhaNumber() + ":" + target.sentTo();
        Txn txn = support.sendOtp(key, Txn.Flow.LOGIN, SentOtp.LOGIN, verifier, target.sentTo(), request.now(), t -> {
            t.scope = scope;
            t.loginHint = hint;
            t.abhaNumber = target.abhaNumber();
            t.candidates = target.candidates();
        });
        return SimResponse.ok(JsonMaps.of("txnId", txn.id,
                "message", EndpointSupport.otpSentMessage(verifier, target.sentTo())));
    }

    /** The OTP route from scope and otpSystem; they must agree (aadhaar-verify/aadhaar, mobile-verify/abdm). */
    static Verifier verifier(Set<String> scope, String otpSystem, Set<String> aadhaarScope, Set<String> mobileScope) {
        if (scope.equals(aadhaarScope)) {
            if (!"aadhaar".equals(otpSystem)) {
                throw AbdmErrors.invalid("Invalid otpSystem");
            }
            return Verifier.AADHAAR;
        }
        if (scope.equals(mobileScope)) {
            if (!"abdm".equals(otpSystem)) {
                throw AbdmErrors.invalid("Invalid otpSystem");
            }
            return Verifier.ABDM;
        }
        throw AbdmErrors.invalid("Invalid scope");
    }

    private Target byAbhaNumber(String digits, Verifier verifier) {
        Account account = state.account(digits).orElseThrow(AbdmErrors::userNotFound);
        return new Target(otpDestination(account, verifier), digits, List.of(digits));
    }

    private Target byMobile(String mobile, Verifier verifier) {
        if (verifier != Verifier.ABDM) {
            throw AbdmErrors.invalid("Invalid scope");
        }
        List<String> numbers = state.accountsOnMobile(mobile).stream().map(Account::abhaNumber).toList();
        if (numbers.isEmpty()) {
            throw AbdmErrors.userNotFound();
        }
        return new Target(mobile, null, numbers);
    }

    private Target byAadhaar(String aadhaar, Verifier verifier) {
        if (verifier != Verifier.AADHAAR) {
            throw AbdmErrors.invalid("Invalid scope");
        }
        Resident resident = state.resident(aadhaar).orElseThrow(AbdmErrors::uidaiInvalidAadhaar);
        Account account = state.accountForAadhaar(aadhaar).orElseThrow(AbdmErrors::userNotFound);
        return new Target(resident.aadhaarMobile(), account.abhaNumber(), List.of(account.abhaNumber()));
    }

    /** Aadhaar route: the Aadhaar-linked mobile; mobile route: the mobile on the ABHA. */
    String otpDestination(Account account, Verifier verifier) {
        if (verifier == Verifier.AADHAAR) {
            if (account.aadhaar() == null) {
                throw AbdmErrors.invalid("Login via Aadhaar OTP is not allowed for this account");
            }
            return state.resident(account.aadhaar()).orElseThrow(AbdmErrors::userNotFound).aadhaarMobile();
        }
        if (account.mobile() == null) {
            throw AbdmErrors.invalid("Login via mobile number OTP is not allowed");
        }
        return account.mobile();
    }

    // ---- POST /v3/profile/login/verify ----

    SimResponse verify(SimRequest request) {
        OtpAuthBody auth = OtpAuthBody.read(request);
        Set<String> scope = auth.scope();
        String txnId = auth.txnId();
        String otp = auth.otp();
        Map<String, Object> answer = state.locked(() -> {
            Txn txn = auth.loginTxn(state, Txn.Flow.LOGIN, "Invalid transaction for login");
            txn.challenge.verify(otp, request.now());
            List<Account> accounts = txn.candidates.stream().map(n -> state.account(n).orElseThrow()).toList();
            boolean mobileLogin = "mobile".equals(txn.loginHint);
            String token = mobileLogin
                    ? state.grant(Grant.Kind.TRANSFER, null, null, txn.id, request.now())
                    : state.grant(Grant.Kind.PROFILE, txn.abhaNumber, null, txn.id, request.now());
            long expiresIn = (mobileLogin ? SimState.T_TOKEN_LIFETIME : SimState.X_TOKEN_LIFETIME).toSeconds();
            Map<String, Object> m = JsonMaps.of("txnId", txn.id, "authResult", "success",
                    "message", "OTP verified successfully");
            m.putAll(ProfileJson.tokens(token, expiresIn, state.newToken()));
            m.put("accounts", ProfileJson.summaries(accounts));
            return m;
        });
        return SimResponse.ok(answer);
    }

    // ---- POST /v3/profile/login/verify/user ----

    SimResponse verifyUser(SimRequest request) {
        Grant transfer = support.tToken(request);
        JsonNode body = request.json();
        Fields f = new Fields();
        String number = f.text(body, "ABHANumber", "Invalid ABHA Number");
        String txnId = f.text(body, "txnId", "Invalid Transaction Id");
        f.done();
        String digits = Identifiers.abhaNumber(number);
        Map<String, Object> answer = state.locked(() -> {
            Txn txn = state.txn(txnId);
            if (!txn.id.equals(transfer.txnId())) {
                throw AbdmErrors.invalid("Invalid transaction for this T-token");
            }
            if (!txn.candidates.contains(digits)) {
                throw AbdmErrors.invalid("Invalid ABHA number: it is not linked to this mobile");
            }
            String token = state.grant(Grant.Kind.PROFILE, digits, null, txn.id, request.now());
            return ProfileJson.tokens(token, SimState.X_TOKEN_LIFETIME.toSeconds(), state.newToken());
        });
        return SimResponse.ok(answer);
    }
}
