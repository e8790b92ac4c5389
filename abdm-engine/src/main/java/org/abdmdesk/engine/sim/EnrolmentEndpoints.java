package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.sim.OtpChallenge.Verifier;

/**
 * ABHA creation, {@code /v3/enrollment/...}: Aadhaar OTP enrolment, communication mobile / e-mail
 * verification, address suggestions and creation, and the driving-licence (document) enrolment.
 */
final class EnrolmentEndpoints {
    static final Set<String> AADHAAR_SCOPE = Set.of("abha-enrol");
    static final Set<String> MOBILE_VERIFY_SCOPE = Set.of("abha-enrol", "mobile-verify");
    static final Set<String> EMAIL_VERIFY_SCOPE = Set.of("abha-enrol", "email-verify");
    static final Set<String> DL_SCOPE = Set.of("abha-enrol", "mobile-verify", "dl-flow");

    private final EndpointSupport support;
    private final SimState state;

    EnrolmentEndpoints(EndpointSupport support) {
        this.support = support;
        this.state = support.state;
    }

    // ---- POST /v3/enrollment/request/otp ----

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
        String txnId = f.optionalText(body, "txnId");
        if (scope.equals(AADHAAR_SCOPE)) {
            requireHint(hint, "aadhaar", otpSystem, "aadhaar");
            return aadhaarOtp(request, Identifiers.aadhaar(loginId), txnId);
        }
        if (scope.equals(MOBILE_VERIFY_SCOPE)) {
            requireHint(hint, "mobile", otpSystem, "abdm");
            return contactOtp(request, txnId, Identifiers.mobile(loginId), SentOtp.MOBILE_VERIFICATION);
        }
        if (scope.equals(EMAIL_VERIFY_SCOPE)) {
            requireHint(hint, "email", otpSystem, "abdm");
            if (!loginId.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw AbdmErrors.invalid("Invalid email");
            }
            return contactOtp(request, txnId, loginId, SentOtp.EMAIL_VERIFICATION);
        }
        if (scope.equals(DL_SCOPE)) {
            requireHint(hint, "mobile", otpSystem, "abdm");
            String mobile = Identifiers.mobile(loginId);
            Txn txn = support.sendOtp("dl:" + mobile, Txn.Flow.ENROL_DRIVING_LICENCE,
                    SentOtp.DRIVING_LICENCE_ENROLMENT, Verifier.ABDM, mobile, request.now(),
                    t -> t.pendingContact = mobile);
            return otpSent(txn.id, Verifier.ABDM, mobile);
        }
        throw AbdmErrors.invalid("Invalid scope");
    }

    private SimResponse aadhaarOtp(SimRequest request, String aadhaar, String txnId) {
        String linkedMobile = state.locked(() -> state.resident(aadhaar))
                .orElseThrow(AbdmErrors::uidaiInvalidAadhaar).aadhaarMobile();
        if (!txnId.isEmpty()) {
            SentOtp sent = state.locked(() -> {
                Txn txn = state.txn(txnId);
                if (txn.flow != Txn.Flow.ENROL_AADHAAR || !aadhaar.equals(txn.aadhaar)) {
                    throw AbdmErrors.invalid("Invalid transaction for this Aadhaar number");
                }
                return support.sendOtpWithin(txn, SentOtp.ENROLMENT, Verifier.AADHAAR, linkedMobile, request.now());
            });
            support.deliver(sent);
            return otpSent(txnId, Verifier.AADHAAR, linkedMobile);
        }
        Txn txn = support.sendOtp("enrol:" + aadhaar, Txn.Flow.ENROL_AADHAAR, SentOtp.ENROLMENT, Verifier.AADHAAR,
                linkedMobile, request.now(), t -> {
                    t.aadhaar = aadhaar;
                    t.scope = AADHAAR_SCOPE;
                });
        return otpSent(txn.id, Verifier.AADHAAR, linkedMobile);
    }

    /** Mobile or e-mail verification inside an enrolment: needs the txnId of enrol/byAadhaar. */
    private SimResponse contactOtp(SimRequest request, String txnId, String contact, String purpose) {
        if (txnId.isEmpty()) {
            throw SimError.fieldMap("txnId", "Invalid Transaction Id");
        }
        SentOtp sent = state.locked(() -> {
            Txn txn = state.txn(txnId);
            if (txn.flow != Txn.Flow.ENROL_AADHAAR || txn.abhaNumber == null) {
                throw AbdmErrors.invalid("Invalid transaction: enrol by Aadhaar first");
            }
            txn.pendingContact = contact;
            return support.sendOtpWithin(txn, purpose, Verifier.ABDM, contact, request.now());
        });
        support.deliver(sent);
        return otpSent(txnId, Verifier.ABDM, contact);
    }

    // ---- POST /v3/enrollment/enrol/byAadhaar ----

    SimResponse enrolByAadhaar(SimRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields();
        JsonNode authData = body.path("authData");
        JsonNode otpNode = authData.path("otp");
        List<String> methods = f.texts(authData, "authMethods", "AuthMethod cannot be null or empty");
        f.require(methods.isEmpty() || methods.contains("otp"), "authMethods", "Invalid AuthMethod");
        String txnId = f.text(otpNode, "txnId", "Invalid Transaction Id");
        f.text(otpNode, "otpValue", "Invalid OTP Value");
        String mobile = f.text(otpNode, "mobile", "Invalid Mobile Number");
        f.require(mobile == null || Identifiers.isMobile(mobile), "mobile", "Invalid Mobile Number");
        checkConsent(f, body.path("consent"));
        f.done();
        String otp = f.encrypted(otpNode, "otpValue", "Invalid OTP Value");
        f.done();
        record Result(Txn txn, Account account, boolean isNew, String token, String refresh) {
        }
        Result r = state.locked(() -> {
            Txn txn = state.txn(txnId);
            if (txn.flow != Txn.Flow.ENROL_AADHAAR || txn.challenge == null
                    || !txn.challenge.purpose.equals(SentOtp.ENROLMENT)) {
                throw AbdmErrors.invalid("Invalid transaction for enrolment");
            }
            txn.challenge.verify(otp, request.now());
            Resident resident = state.resident(txn.aadhaar).orElseThrow(AbdmErrors::uidaiInvalidAadhaar);
            Account existing = state.accountForAadhaar(resident.aadhaar()).orElse(null);
            Account account = existing != null ? existing : newAccount(resident, mobile, request);
            state.save(account);
            txn.abhaNumber = account.abhaNumber();
            String token = state.grant(Grant.Kind.PROFILE, account.abhaNumber(), null, txn.id, request.now());
            return new Result(txn, account, existing == null, token, state.newToken());
        });
        return SimResponse.ok(JsonMaps.of(
                "message", r.isNew() ? "Account created successfully" : "This account already exist",
                "txnId", r.txn().id,
                "tokens", ProfileJson.tokens(r.token(), SimState.X_TOKEN_LIFETIME.toSeconds(), r.refresh()),
                "ABHAProfile", ProfileJson.enrolmentProfile(r.account()),
                "isNew", r.isNew()));
    }

    private Account newAccount(Resident resident, String communicationMobile, SimRequest request) {
        String digits = state.mintAbhaNumber();
        String mobile = communicationMobile.equals(resident.aadhaarMobile()) ? communicationMobile : null;
        String address = digits + SimState.SUFFIX;
        return new Account(digits, resident.person(), resident.aadhaar(), mobile, null, List.of(address), address,
                "ACTIVE", true, request.now());
    }

    // ---- POST /v3/enrollment/auth/byAbdm ----

    SimResponse authByAbdm(SimRequest request) {
        OtpAuthBody auth = OtpAuthBody.read(request);
        Set<String> scope = auth.scope();
        String txnId = auth.txnId();
        String otp = auth.otp();
        Map<String, Object> answer = state.locked(() -> {
            Txn txn = state.txn(txnId);
            if (txn.challenge == null) {
                throw AbdmErrors.invalid("Invalid transaction: no OTP was requested");
            }
            String expectedPurpose = scope.equals(MOBILE_VERIFY_SCOPE) ? SentOtp.MOBILE_VERIFICATION
                    : scope.equals(EMAIL_VERIFY_SCOPE) ? SentOtp.EMAIL_VERIFICATION
                    : scope.equals(DL_SCOPE) ? SentOtp.DRIVING_LICENCE_ENROLMENT : null;
            if (expectedPurpose == null || !expectedPurpose.equals(txn.challenge.purpose)) {
                throw AbdmErrors.invalid("Invalid scope");
            }
            txn.challenge.verify(otp, request.now());
            txn.contactVerified = true;
            if (scope.equals(DL_SCOPE)) {
                List<Map<String, Object>> accounts = state.accountsOnMobile(txn.pendingContact).stream()
                        .map(a -> JsonMaps.of("ABHANumber", a.hyphenated())).toList();
                return JsonMaps.of("txnId", txn.id, "authResult", "success", "message", "OTP verified successfully.",
                        "accounts", accounts);
            }
            Account account = state.account(txn.abhaNumber).orElseThrow(AbdmErrors::userNotFound);
            boolean mobile = scope.equals(MOBILE_VERIFY_SCOPE);
            account = mobile ? account.withMobile(txn.pendingContact) : account.withEmail(txn.pendingContact);
            state.save(account);
            return JsonMaps.of("txnId", txn.id, "authResult", "success",
                    "message", mobile ? "Mobile Number linked successfully." : "Email linked successfully.",
                    "accounts", List.of(JsonMaps.of("ABHANumber", account.hyphenated())));
        });
        return SimResponse.ok(answer);
    }

    // ---- GET /v3/enrollment/enrol/suggestion ----

    SimResponse suggestions(SimRequest request) {
        String txnId = request.header("TRANSACTION_ID").orElse("");
        if (txnId.isBlank()) {
            throw SimError.fieldMap("transactionId", "Invalid Transaction Id");
        }
        List<String> list = state.locked(() -> {
            Account account = enrolledAccount(state.txn(txnId.strip()));
            return AddressSuggester.suggest(account.person(), state::usernameTaken);
        });
        return SimResponse.ok(JsonMaps.of("txnId", txnId.strip(), "abhaAddressList", list));
    }

    // ---- POST /v3/enrollment/enrol/abha-address ----

    SimResponse createAddress(SimRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields();
        String txnId = f.text(body, "txnId", "Invalid Transaction Id");
        String username = f.text(body, "abhaAddress", "Invalid ABHA Address");
        f.done();
        String bare = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
        if (!AbhaAddress.checkNewUsername(bare).acceptable()) {
            throw SimError.fieldMap("abhaAddress", AbdmErrors.ADDRESS_POLICY_MESSAGE);
        }
        String full = bare.toLowerCase(java.util.Locale.ROOT) + SimState.SUFFIX;
        boolean preferred = body.path("preferred").asInt(1) == 1;
        Account saved = state.locked(() -> {
            Account account = enrolledAccount(state.txn(txnId));
            if (state.accountByAddress(full).isPresent()) {
                throw AbdmErrors.addressInUse();
            }
            Account updated = account.withAddress(full, preferred);
            state.save(updated);
            return updated;
        });
        return SimResponse.ok(JsonMaps.of("txnId", txnId, "healthIdNumber", saved.hyphenated(),
                "preferredAbhaAddress", saved.preferredAddress()));
    }

    private Account enrolledAccount(Txn txn) {
        if (txn.abhaNumber == null) {
            throw AbdmErrors.invalid("Invalid transaction: no ABHA enrolled in it yet");
        }
        return state.account(txn.abhaNumber).orElseThrow(AbdmErrors::userNotFound);
    }

    // ---- POST /v3/enrollment/enrol/byDocument ----

    SimResponse enrolByDocument(SimRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields();
        String txnId = f.text(body, "txnId", "Invalid Transaction Id");
        String type = f.text(body, "documentType", "Invalid Document Type");
        f.require(type == null || type.equals("DRIVING_LICENCE"), "documentType", "Invalid Document Type");
        f.text(body, "documentId", "Invalid Document Id");
        String first = f.text(body, "firstName", "Invalid First Name");
        String dob = f.text(body, "dob", "Invalid Date of Birth");
        LocalDate birth = parseDate(dob);
        f.require(dob == null || birth != null, "dob", "Invalid Date of Birth");
        String gender = f.text(body, "gender", "Invalid Gender");
        f.require(gender == null || gender.matches("[MFO]"), "gender", "Invalid Gender");
        f.require(isBase64(f.text(body, "frontSidePhoto", "Invalid Front Side Photo")), "frontSidePhoto",
                "Invalid Front Side Photo");
        f.require(isBase64(f.text(body, "backSidePhoto", "Invalid Back Side Photo")), "backSidePhoto",
                "Invalid Back Side Photo");
        String address = f.text(body, "address", "Invalid Address");
        String stateName = f.text(body, "state", "Invalid State");
        String district = f.text(body, "district", "Invalid District");
        String pin = f.text(body, "pinCode", "Invalid Pin Code");
        f.require(pin == null || pin.matches("\\d{6}"), "pinCode", "Invalid Pin Code");
        checkConsent(f, body.path("consent"));
        f.done();
        Person person = new Person(first, f.optionalText(body, "middleName"), f.optionalText(body, "lastName"),
                Gender.fromCode(gender), birth, address, district, district, stateName, stateName, pin);
        Account account = state.locked(() -> {
            Txn txn = state.txn(txnId);
            if (txn.flow != Txn.Flow.ENROL_DRIVING_LICENCE || !txn.contactVerified) {
                throw AbdmErrors.invalid("Invalid transaction: verify the mobile OTP first");
            }
            if (txn.abhaNumber != null) {
                throw AbdmErrors.invalid("Invalid transaction: a document was already submitted");
            }
            String digits = state.mintAbhaNumber();
            String defaultAddress = digits + SimState.SUFFIX;
            Account created = new Account(digits, person, null, txn.pendingContact, null, List.of(defaultAddress),
                    defaultAddress, "PROVISIONAL", false, request.now());
            state.save(created);
            txn.abhaNumber = digits;
            return created;
        });
        Map<String, Object> profile = ProfileJson.enrolmentProfile(account);
        profile.remove("ABHANumber");
        profile.remove("abhaStatus");
        profile.put("enrolmentNumber", account.hyphenated());
        profile.put("enrolmentState", "PROVISIONAL");
        return SimResponse.ok(JsonMaps.of("txnId", txnId, "message",
                "Your enrolment is provisional. Visit a facility to get your driving licence verified.",
                "enrolProfile", profile));
    }

    // ---- helpers ----

    private static void requireHint(String hint, String expectedHint, String otpSystem, String expectedSystem) {
        if (!expectedHint.equals(hint)) {
            throw AbdmErrors.invalid("Invalid loginHint");
        }
        if (!expectedSystem.equals(otpSystem)) {
            throw AbdmErrors.invalid("Invalid otpSystem");
        }
    }

    private static void checkConsent(Fields f, JsonNode consent) {
        f.require("abha-enrollment".equals(consent.path("code").asText(null)), "consentCode",
                "Invalid Consent Code");
        f.require("1.4".equals(consent.path("version").asText(null)), "consentVersion", "Invalid Consent Version");
    }

    private static SimResponse otpSent(String txnId, Verifier verifier, String sentTo) {
        return SimResponse.ok(JsonMaps.of("txnId", txnId,
                "message", EndpointSupport.otpSentMessage(verifier, sentTo)));
    }

    private static LocalDate parseDate(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isBase64(String s) {
        if (s == null) {
            return true;
        }
        try {
            return Base64.getDecoder().decode(s).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
