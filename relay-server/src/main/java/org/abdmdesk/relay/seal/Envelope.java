package org.abdmdesk.relay.seal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The plaintext of a sealed message (protocol §3): method, path, query, the kept headers, body, receivedAt.
 * Only {@link #KEPT_HEADERS} survive; {@code Authorization} never does.
 */
@JsonPropertyOrder({"method", "path", "query", "headers", "body", "receivedAt"})
public record Envelope(String method, String path, String query, Map<String, String> headers, String body,
                       String receivedAt) {
    /** The headers the envelope keeps, in this order and with these names. */
    public static final List<String> KEPT_HEADERS =
            List.of("REQUEST-ID", "TIMESTAMP", "X-HIP-ID", "X-HIU-ID", "X-CM-ID", "Content-Type");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    /** Builds an envelope keeping only the listed headers ({@code header} looks a name up case-insensitively). */
    public static Envelope of(String method, String path, String query, Function<String, String> header,
                              byte[] body, Instant receivedAt) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = header.apply(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return new Envelope(method, path, query == null ? "" : query, kept,
                new String(body, StandardCharsets.UTF_8), timestamp(receivedAt));
    }

    /** ISO-8601 UTC with milliseconds, e.g. {@code 2026-11-25T04:00:00.123Z}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** UTF-8 JSON bytes. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
