package org.abdmdesk.engine.qr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reads the flat JSON objects found in QR codes. */
final class QrJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private QrJson() {
    }

    static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /**
     * The object's scalar values by normalised key (lower case, spaces and underscores alike, so
     * {@code "state name"} and {@code "state_name"} are one key). Blank values, nulls and nested
     * values are left out.
     */
    static Map<String, String> scalarFields(JsonNode node) {
        Map<String, String> fields = new HashMap<>();
        if (node == null || !node.isObject()) {
            return fields;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode value = e.getValue();
            if (!value.isValueNode() || value.isNull()) {
                continue;
            }
            String text = value.asText().strip();
            if (!text.isEmpty()) {
                fields.put(normaliseKey(e.getKey()), text);
            }
        }
        return fields;
    }

    static String normaliseKey(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "_");
    }
}
