package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request as an endpoint sees it: headers (case-insensitive), the body, and its JSON on demand. */
final class SimRequest {
    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Instant receivedAt;
    private final ObjectMapper json;
    private JsonNode parsed;

    SimRequest(String method, String path, Map<String, List<String>> headers, byte[] body, Instant receivedAt,
            ObjectMapper json) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
        this.receivedAt = receivedAt;
        this.json = json;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    /** The simulator clock's time when the request arrived; every rule of this request uses it. */
    Instant now() {
        return receivedAt;
    }

    Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().getFirst());
            }
        }
        return Optional.empty();
    }

    /** The body as a JSON object; anything else is refused with a field-map 400. */
    JsonNode json() {
        if (parsed == null) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw SimError.fieldMap("body", "Request body is missing");
            }
            try {
                JsonNode node = json.readTree(text);
                if (node == null || !node.isObject()) {
                    throw SimError.fieldMap("body", "Request body must be a JSON object");
                }
                parsed = node;
            } catch (JsonProcessingException e) {
                throw SimError.fieldMap("body", "Malformed JSON request");
            }
        }
        return parsed;
    }
}
