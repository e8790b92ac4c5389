package org.abdmdesk.engine.abha;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * Builds the JSON bodies of the ABHA V3 calls (abha-v3.md §3-§4) from values that are already
 * encrypted where ABDM wants them encrypted. Pure functions: no I/O, no secrets in clear except the
 * fields ABDM takes in clear (the communication mobile of enrol/byAadhaar, the ABHA number of
 * verify/user).
 */
final class AbhaRequests {
    static final List<String> ENROL = List.of("abha-enrol");
    static final List<String> ENROL_MOBILE = List.of("abha-enrol", "mobile-verify");
    static final List<String> ENROL_DL_MOBILE = List.of("abha-enrol", "mobile-verify", "dl-flow");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AbhaRequests() {
    }

    /** {@code request/otp} (enrolment or login); {@code txnId} null leaves it out. */
    static ObjectNode requestOtp(String txnId, List<String> scope, String loginHint, String encryptedLoginId,
            String otpSystem) {
        ObjectNode body = NODES.objectNode();
        if (txnId != null) {
            body.put("txnId", txnId);
        }
        body.set("scope", array(scope));
        body.put("loginHint", loginHint);
        body.put("loginId", encryptedLoginId);
        body.put("otpSystem", otpSystem);
        return body;
    }

    /** {@code enrol/byAadhaar} with the Aadhaar OTP and the plain communication mobile. */
    static ObjectNode enrolByAadhaar(String txnId, String encryptedOtp, String mobileDigits, String timestamp) {
        ObjectNode otp = otp(txnId, encryptedOtp, timestamp);
        otp.put("mobile", mobileDigits);
        ObjectNode body = NODES.objectNode();
        body.set("authData", authData(otp));
        body.set("consent", consent());
        return body;
    }

    /** {@code auth/byAbdm}: verifies a mobile (or DL-flow) OTP during enrolment. */
    static ObjectNode authByAbdm(List<String> scope, String txnId, String encryptedOtp, String timestamp) {
        ObjectNode body = NODES.objectNode();
        body.set("scope", array(scope));
        body.set("authData", authData(otp(txnId, encryptedOtp, timestamp)));
        return body;
    }

    /** {@code enrol/abha-address}: the bare username, made preferred. */
    static ObjectNode abhaAddress(String txnId, String username) {
        return NODES.objectNode().put("txnId", txnId).put("abhaAddress", username).put("preferred", 1);
    }

    /** {@code enrol/byDocument} for a driving licence (abha-v3.md §3.7). */
    static ObjectNode byDrivingLicence(String txnId, DrivingLicenceApplication a) {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode body = NODES.objectNode()
                .put("txnId", txnId)
                .put("documentType", "DRIVING_LICENCE")
                .put("documentId", a.documentId())
                .put("firstName", nullToEmpty(a.firstName()))
                .put("middleName", nullToEmpty(a.middleName()))
                .put("lastName", nullToEmpty(a.lastName()))
                .put("dob", DateTimeFormatter.ISO_LOCAL_DATE.format(a.dateOfBirth()))
                .put("gender", a.gender().code())
                .put("frontSidePhoto", b64.encodeToString(a.frontPhoto()))
                .put("backSidePhoto", b64.encodeToString(a.backPhoto()))
                .put("address", nullToEmpty(a.address()))
                .put("state", nullToEmpty(a.state()))
                .put("district", nullToEmpty(a.district()))
                .put("pinCode", nullToEmpty(a.pinCode()));
        body.set("consent", consent());
        return body;
    }

    /** {@code profile/login/verify} and {@code phr/web/login/abha/verify}: the scope repeats request/otp's. */
    static ObjectNode loginVerify(List<String> scope, String txnId, String encryptedOtp) {
        ObjectNode otp = NODES.objectNode().put("txnId", txnId).put("otpValue", encryptedOtp);
        ObjectNode body = NODES.objectNode();
        body.set("scope", array(scope));
        body.set("authData", authData(otp));
        return body;
    }

    /** {@code profile/login/verify/user}: the chosen account of a mobile login. */
    static ObjectNode verifyUser(String abhaNumberHyphenated, String txnId) {
        return NODES.objectNode().put("ABHANumber", abhaNumberHyphenated).put("txnId", txnId);
    }

    private static ObjectNode otp(String txnId, String encryptedOtp, String timestamp) {
        return NODES.objectNode().put("timeStamp", timestamp).put("txnId", txnId).put("otpValue", encryptedOtp);
    }

    private static ObjectNode authData(ObjectNode otp) {
        ObjectNode authData = NODES.objectNode();
        authData.set("authMethods", array(List.of("otp")));
        authData.set("otp", otp);
        return authData;
    }

    private static ObjectNode consent() {
        return NODES.objectNode()
                .put("code", EnrolmentConsent.ABDM_CONSENT_CODE)
                .put("version", EnrolmentConsent.ABDM_CONSENT_VERSION);
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
