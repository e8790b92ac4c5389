package org.abdmdesk.engine.share;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;

/**
 * Reads the scan-and-share callback body leniently (abdm-gateway-v3.md section 2.1 (a): birth parts
 * as numbers or strings, {@code pincode} or {@code pinCode}, hyphenated or plain ABHA number, no
 * number for an address-only ABHA) and writes the on-share reply (b).
 */
final class ShareBodies {
    static final String INTENT = "PROFILE_SHARE";

    private final ObjectMapper json;
    private final String cmSuffix;

    ShareBodies(ObjectMapper json, String cmSuffix) {
        this.json = json;
        this.cmSuffix = cmSuffix;
    }

    /** The ABHA address as it came, best effort, for a FAILED on-share ("" if there is none). */
    String sharedAddress(String body) {
        try {
            return text(json.readTree(body).path("profile").path("patient").path("abhaAddress"));
        } catch (JacksonException e) {
            return "";
        }
    }

    /**
     * The share for {@code ourHipId}; {@code headerHipId} is the callback's {@code X-HIP-ID} (may be empty).
     *
     * @throws ShareRefusal a wrong intent, missing or foreign metadata, or a profile without an ABHA or a name
     */
    SharedProfile read(String body, String headerHipId, String ourHipId) throws ShareRefusal {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw ShareRefusal.intent("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw ShareRefusal.intent("body is not a JSON object");
        }
        if (!INTENT.equalsIgnoreCase(text(root.path("intent")))) {
            throw ShareRefusal.intent("intent must be " + INTENT);
        }
        JsonNode meta = root.path("metaData");
        String hipId = text(meta.path("hipId"));
        String counter = text(meta.path("context"));
        if (hipId.isEmpty() || counter.isEmpty()) {
            throw ShareRefusal.metadata("hipId and context are required");
        }
        if (!hipId.equalsIgnoreCase(ourHipId) || !headerHipId.isEmpty() && !headerHipId.equalsIgnoreCase(ourHipId)) {
            throw ShareRefusal.metadata("the profile was shared with another HIP");
        }
        JsonNode patient = root.path("profile").path("patient");
        String name = text(patient.path("name"));
        if (name.isEmpty()) {
            throw ShareRefusal.profile("profile.patient.name is required");
        }
        Optional<AbhaNumber> number = abhaNumber(text(patient.path("abhaNumber")));
        String sharedAddress = text(patient.path("abhaAddress"));
        Optional<AbhaAddress> address = abhaAddress(sharedAddress);
        if (number.isEmpty() && address.isEmpty()) {
            throw ShareRefusal.profile("profile.patient needs an abhaNumber or an abhaAddress");
        }
        JsonNode where = patient.path("address");
        String pin = text(where.path("pincode"));
        if (pin.isEmpty()) {
            pin = text(where.path("pinCode"));
        }
        return new SharedProfile(counter, number, address, sharedAddress, name,
                Gender.fromCode(text(patient.path("gender"))), birthDate(patient), mobile(text(patient.path("phoneNumber"))),
                text(where.path("line")), text(where.path("district")), text(where.path("state")),
                pin.matches("\\d{6}") ? pin : "");
    }

    /** {@code acknowledgement{status SUCCESS, abhaAddress, profile{context, tokenNumber, expiry}}, response{requestId}}. */
    String success(String requestId, String sharedAddress, String counter, int tokenNumber, long expirySeconds) {
        ObjectNode body = json.createObjectNode();
        ObjectNode ack = body.putObject("acknowledgement").put("status", "SUCCESS").put("abhaAddress", sharedAddress);
        ack.putObject("profile").put("context", counter).put("tokenNumber", Integer.toString(tokenNumber))
                .put("expiry", Long.toString(expirySeconds));
        body.putObject("response").put("requestId", requestId);
        return body.toString();
    }

    /** {@code acknowledgement{status FAILED, abhaAddress}, error{code, message}, response{requestId}}. */
    String failure(String requestId, String sharedAddress, String code, String message) {
        ObjectNode body = json.createObjectNode();
        body.putObject("acknowledgement").put("status", "FAILED").put("abhaAddress", sharedAddress);
        body.putObject("error").put("code", code).put("message", message);
        body.putObject("response").put("requestId", requestId);
        return body.toString();
    }

    private static Optional<AbhaNumber> abhaNumber(String text) {
        return text.isEmpty() || !AbhaNumber.check(text).acceptable() ? Optional.empty()
                : Optional.of(AbhaNumber.of(text));
    }

    private Optional<AbhaAddress> abhaAddress(String text) {
        if (text.isEmpty() || !AbhaAddress.checkExisting(text).acceptable()) {
            return Optional.empty();
        }
        return Optional.of(AbhaAddress.parse(text, cmSuffix));
    }

    private static Optional<MobileNumber> mobile(String text) {
        return MobileNumber.check(text).acceptable() ? Optional.of(MobileNumber.of(text)) : Optional.empty();
    }

    /** Year, month and day as numbers or strings; whatever is missing or implausible is left out. */
    private static Optional<PartialDate> birthDate(JsonNode patient) {
        Optional<Integer> year = number(patient.path("yearOfBirth"));
        if (year.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> month = number(patient.path("monthOfBirth"));
        Optional<Integer> day = month.isEmpty() ? Optional.empty() : number(patient.path("dayOfBirth"));
        for (int keep = 2; keep >= 0; keep--) {
            try {
                return Optional.of(new PartialDate(year.get(), keep >= 1 ? month : Optional.empty(),
                        keep >= 2 ? day : Optional.empty()));
            } catch (RuntimeException e) {
                // drop the least significant part and try again
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return Optional.of(node.asInt());
        }
        String s = text(node);
        return s.matches("\\d{1,4}") ? Optional.of(Integer.parseInt(s)) : Optional.empty();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainerNode() ? ""
                : node.asText("").strip();
    }
}
