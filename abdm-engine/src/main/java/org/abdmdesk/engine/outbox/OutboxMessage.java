package org.abdmdesk.engine.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A message that must reach ABDM, kept in the {@link Outbox} until it has: typically an {@code on-*}
 * reply to a callback ({@code correlation} = the callback's REQUEST-ID, which the body names in
 * {@code response.requestId}). {@code target} is {@code "POST {gateway}/<path>"}, resolved against
 * the gateway base URL when it is sent (so a settings change applies to queued replies). Only gateway
 * targets are allowed: every attempt carries the gateway session token, which must never go to
 * another host (an HIP's data push to an HIU needs its own transport). {@code headers} are extra headers such as
 * {@code X-HIP-ID}; REQUEST-ID, TIMESTAMP, X-CM-ID and the session token are added per attempt.
 * The body may hold patient data: it is never logged ({@link #toString()} leaves it out).
 */
public record OutboxMessage(String id, String target, Map<String, String> headers, String body, String correlation,
        Instant createdAt) {
    /** The placeholder for the gateway base URL in {@link #target()}. */
    public static final String GATEWAY = "{gateway}";
    private static final String POST = "POST ";

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
        Objects.requireNonNull(target, "target");
        if (!target.startsWith(POST + GATEWAY + "/") || target.length() == (POST + GATEWAY + "/").length()) {
            throw new IllegalArgumentException("target must be 'POST {gateway}/<path>': " + target);
        }
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(headers, "headers").forEach(copy::put);
        headers = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(body, "body");
        correlation = correlation == null ? "" : correlation;
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** {@code "POST {gateway}/<path>"}, e.g. {@code gatewayTarget("patient-share/v3/on-share")}. */
    public static String gatewayTarget(String path) {
        String p = Objects.requireNonNull(path, "path");
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return POST + GATEWAY + "/" + p;
    }

    /**
     * The reply to the callback {@code correlation} at {@code gatewayPath}. Its id is derived from
     * both, so a handler that runs twice for the same callback (after a crash) enqueues it once.
     */
    public static OutboxMessage replyTo(String correlation, String gatewayPath, Map<String, String> headers,
            String body, Instant createdAt) {
        String target = gatewayTarget(gatewayPath);
        String id = UUID.nameUUIDFromBytes((correlation + "\n" + target).getBytes(StandardCharsets.UTF_8)).toString();
        return new OutboxMessage(id, target, headers, body, correlation, createdAt);
    }

    /** Where to POST, with {@code {gateway}} replaced by {@code gatewayBase} (with or without a trailing slash). */
    public URI url(URI gatewayBase) {
        String where = target.substring(POST.length());
        String base = gatewayBase.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + where.substring(GATEWAY.length()));
    }

    @Override
    public String toString() {
        return "OutboxMessage[id=" + id + ", target=" + target + ", correlation=" + correlation + ", body "
                + body.length() + " chars, createdAt=" + createdAt + "]";
    }
}
