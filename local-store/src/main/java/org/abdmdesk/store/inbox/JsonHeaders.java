package org.abdmdesk.store.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP headers as a JSON object in a TEXT column (inbound callbacks here, outbox messages too). */
public final class JsonHeaders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private JsonHeaders() {
    }

    public static String write(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(headers));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("headers cannot be written as JSON", e);
        }
    }

    public static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not a JSON object", e);
        }
    }
}
