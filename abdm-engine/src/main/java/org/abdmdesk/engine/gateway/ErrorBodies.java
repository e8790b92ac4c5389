package org.abdmdesk.engine.gateway;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abdmdesk.engine.error.AbdmException;

/**
 * Reads ABDM's many error-body shapes (abha-v3.md §7.1, gateway §4.3) into one
 * {@link AbdmException}: a field map ({@code {"otpValue":"Invalid OTP Value",...}}), a nested
 * {@code {"error":{code,message}}}, a flat {@code {code,message}} (with HIS {@code details[]}),
 * an array of any of these, a routing status report and the API gateway's {@code 900901}.
 * Codes lose a trailing {@code ": "}. Technical messages name the call, status and code only,
 * never ABDM's sentence, which could echo patient data.
 */
final class ErrorBodies {
    /** A code and/or message read from a body; both may be null for a field map without entries. */
    record Parsed(String code, String message, String shape) {
    }

    private final ObjectMapper json;

    ErrorBodies(ObjectMapper json) {
        this.json = json;
    }

    /** The exception for a non-2xx answer to {@code call} (e.g. "POST /v3/enrollment/request/otp"). */
    AbdmException toException(String call, int status, String body) {
        if (body == null || body.isBlank()) {
            return AbdmException.unexpected(status, call + " -> HTTP " + status + " with an empty body");
        }
        Optional<Parsed> parsed = parse(body);
        if (parsed.isEmpty()) {
            return AbdmException.unexpected(status, call + " -> HTTP " + status + " with an unreadable body ("
                    + body.length() + " chars, not a known JSON error shape)");
        }
        Parsed p = parsed.get();
        return AbdmException.rejected(p.code(), p.message(), status,
                call + " -> HTTP " + status + ", " + p.shape() + " error" + (p.code() == null ? "" : " " + trim(p.code())));
    }

    /** The code of an error body (trimmed), if the body is one; used to spot {@code 900901}. */
    Optional<String> code(String body) {
        return parse(body).map(Parsed::code).map(ErrorBodies::trim);
    }

    Optional<Parsed> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        return read(root, 0);
    }

    private Optional<Parsed> read(JsonNode node, int depth) {
        if (node == null || depth > 4) {
            return Optional.empty();
        }
        if (node.isArray()) {
            return node.isEmpty() ? Optional.empty() : read(node.get(0), depth + 1).map(p -> as(p, "array"));
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode error = node.get("error");
        if (error != null && (error.isObject() || error.isArray())) {
            return read(error, depth + 1).map(p -> depth == 0 ? as(p, "nested") : p);
        }
        String code = text(node.get("code"));
        String message = text(node.get("message"));
        if (code != null || message != null) {
            return Optional.of(new Parsed(code, withDetails(message, node.get("details")), shapeOf(node, code)));
        }
        if (error != null && error.isTextual()) {
            // Spring's default body: {"timestamp":...,"status":404,"error":"Not Found","path":...}
            return Optional.of(new Parsed(null, error.asText(), "status report"));
        }
        return fieldMap(node);
    }

    private static String shapeOf(JsonNode node, String code) {
        if (node.has("type")) {
            return "routing";
        }
        if (node.has("details")) {
            return "HIS";
        }
        return code != null && trim(code).equals("900901") ? "gateway token" : "flat";
    }

    private static Optional<Parsed> fieldMap(JsonNode node) {
        List<String> messages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equals("timestamp") || field.getKey().equals("code")) {
                continue;
            }
            String value = text(field.getValue());
            if (value != null) {
                messages.add(value);
            }
        }
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(null, String.join("; ", messages), "field-map"));
    }

    private static String withDetails(String message, JsonNode details) {
        if (details == null || !details.isArray() || details.isEmpty()) {
            return message;
        }
        List<String> parts = new ArrayList<>();
        if (message != null) {
            parts.add(message);
        }
        for (JsonNode detail : details) {
            String m = text(detail.get("message"));
            if (m != null) {
                parts.add(m);
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static Parsed as(Parsed p, String shape) {
        return new Parsed(p.code(), p.message(), shape + "/" + p.shape());
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }

    static String trim(String code) {
        String c = code.strip();
        while (c.endsWith(":")) {
            c = c.substring(0, c.length() - 1).strip();
        }
        return c;
    }
}
