package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A response as a test sees it. */
record Reply(int status, String contentType, byte[] bytes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonNode json() {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text(), e);
        }
    }

    /** The error code whatever the shape: nested error.code, flat code, or first array element's code. */
    String errorCode() {
        JsonNode n = json();
        if (n.isArray()) {
            n = n.get(0);
        }
        if (n.has("error")) {
            n = n.get("error");
        }
        return n.path("code").asText();
    }

    String errorMessage() {
        JsonNode n = json();
        if (n.isArray()) {
            n = n.get(0);
        }
        if (n.has("error")) {
            n = n.get("error");
        }
        return n.path("message").asText();
    }

    @Override
    public String toString() {
        return status + " " + contentType + " " + (contentType != null && contentType.contains("json") ? text() : "");
    }
}
