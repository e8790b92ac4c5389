package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one JSON body and collects every problem, so a bad request gets one
 * field-map 400 naming all of them (ABDM's bean-validation shape).
 */
final class Fields {
    private final Map<String, String> problems = new LinkedHashMap<>();

    /** A non-blank text field, or null (and a problem) when missing. */
    String text(JsonNode parent, String name, String problem) {
        JsonNode node = parent.path(name);
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.putIfAbsent(name, problem);
            return null;
        }
        return node.asText().strip();
    }

    /** A text field that may be absent or blank: returns "" then. */
    String optionalText(JsonNode parent, String name) {
        JsonNode node = parent.path(name);
        return node.isTextual() ? node.asText().strip() : "";
    }

    /** A non-empty array of strings. */
    List<String> texts(JsonNode parent, String name, String problem) {
        JsonNode node = parent.path(name);
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual()) {
                    values.add(n.asText().strip());
                }
            });
        }
        if (values.isEmpty() || values.size() != node.size()) {
            problems.putIfAbsent(name, problem);
            return List.of();
        }
        return values;
    }

    /** A Base64 RSA-OAEP field, decrypted; null (and a problem) when missing or not decryptable. */
    String encrypted(JsonNode parent, String name, String problem) {
        String cipherText = text(parent, name, problem);
        if (cipherText == null) {
            return null;
        }
        var plain = SimKeys.decrypt(cipherText);
        if (plain.isEmpty()) {
            problems.putIfAbsent(name, problem + ": it could not be decrypted with "
                    + SimKeys.TRANSFORMATION);
            return null;
        }
        return plain.get().strip();
    }

    void require(boolean ok, String name, String problem) {
        if (!ok) {
            problems.putIfAbsent(name, problem);
        }
    }

    /** Throws the field-map 400 if anything was wrong. */
    void done() {
        if (!problems.isEmpty()) {
            throw SimError.fieldMap(problems);
        }
    }
}
