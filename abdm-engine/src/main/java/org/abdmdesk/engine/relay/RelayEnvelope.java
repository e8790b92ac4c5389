package org.abdmdesk.engine.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP call as the relay received it (the plaintext of a sealed envelope, protocol §3): ABDM's
 * callback or an HIP's data push. Header names are looked up without regard to case.
 * The body may hold patient data: never log it.
 */
public record RelayEnvelope(String method, String path, String query, Map<String, String> headers, String body,
        Instant receivedAt) {

    public RelayEnvelope {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        headers = caseInsensitive(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The header's value, whatever the case of {@code name}. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** ABDM's {@code REQUEST-ID}, the key under which the workstation stores and de-duplicates the call. */
    public Optional<String> requestId() {
        return header("REQUEST-ID").map(String::strip).filter(s -> !s.isEmpty());
    }

    /** An unmodifiable copy whose {@code get} ignores case. */
    public static Map<String, String> caseInsensitive(Map<String, String> headers) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        }
        return Collections.unmodifiableMap(copy);
    }

    static RelayEnvelope parse(ObjectMapper json, byte[] plaintext) throws SealedEnvelopeException {
        JsonNode node;
        try {
            node = json.readTree(plaintext);
        } catch (IOException e) {
            throw new SealedEnvelopeException("sealed envelope does not hold JSON");
        }
        if (node == null || !node.isObject()) {
            throw new SealedEnvelopeException("sealed envelope does not hold a JSON object");
        }
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        node.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        try {
            return new RelayEnvelope(text(node, "method"), text(node, "path"), node.path("query").asText(""), headers,
                    text(node, "body"), Instant.parse(text(node, "receivedAt")));
        } catch (DateTimeParseException e) {
            throw new SealedEnvelopeException("sealed envelope has an unreadable receivedAt");
        }
    }

    private static String text(JsonNode node, String field) throws SealedEnvelopeException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new SealedEnvelopeException("sealed envelope has no text field '" + field + "'");
        }
        return value.asText();
    }

    @Override
    public String toString() {
        return "RelayEnvelope[" + method + " " + path + ", requestId=" + requestId().orElse("-") + ", body "
                + body.length() + " chars, receivedAt=" + receivedAt + "]";
    }
}
