package org.abdmdesk.engine.callback;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A call that reached the clinic through the relay (an ABDM callback such as
 * {@code /api/v3/hip/patient/share}, or an HIP's data push), as it is stored before the relay is
 * acknowledged. {@code requestId} is ABDM's {@code REQUEST-ID}, the de-duplication key; a call that
 * came without one (a data push) is keyed {@code relay-seq-<seq>}, which the relay never reuses.
 * Header names are looked up without regard to case. The body may hold patient data: it lives only
 * in the local database and is never logged ({@link #toString()} leaves it out).
 */
public record InboundCallback(String requestId, String path, Map<String, String> headers, String body,
        Instant receivedAt, long relaySeq) {

    public InboundCallback {
        Objects.requireNonNull(requestId, "requestId");
        if (requestId.isBlank()) {
            throw new IllegalArgumentException("requestId is blank");
        }
        Objects.requireNonNull(path, "path");
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(headers, "headers").forEach((k, v) -> copy.put(k, v));
        headers = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The key used when a delivered call carries no REQUEST-ID. */
    public static String keyForSeq(long relaySeq) {
        return "relay-seq-" + relaySeq;
    }

    /** The header's value, whatever the case of {@code name}. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public String toString() {
        return "InboundCallback[requestId=" + requestId + ", path=" + path + ", seq=" + relaySeq + ", body "
                + body.length() + " chars, receivedAt=" + receivedAt + "]";
    }
}
