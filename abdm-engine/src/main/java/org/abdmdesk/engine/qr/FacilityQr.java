package org.abdmdesk.engine.qr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The clinic's own "Scan &amp; Share" counter QR (ABDM facility QR), which the <em>patient</em> scans with
 * the ABHA app. Recognise it when it is scanned at the desk by mistake, so the receptionist is told what
 * happened instead of "not a QR we know", and so the app can check the counter QR it prints.
 *
 * <p>Two forms are read: the URL {@code https://phr.abdm.gov.in/share-profile?hip-id=..&counter-id=..}
 * (sandbox host {@code phrsbx.abdm.gov.in}; {@code hipid}/{@code counterid} accepted too) and the legacy
 * JSON {@code {"hipId":"..","code":".."}}.
 */
public record FacilityQr(String hipId, String counterId) {
    private static final Set<String> HOSTS = Set.of("phrsbx.abdm.gov.in", "phr.abdm.gov.in");

    public FacilityQr {
        Objects.requireNonNull(hipId);
        Objects.requireNonNull(counterId);
        hipId = hipId.strip();
        counterId = counterId.strip();
        if (hipId.isEmpty() || counterId.isEmpty()) {
            throw new IllegalArgumentException("a facility QR needs a HIP id and a counter id");
        }
    }

    /** The facility QR in {@code text}, or empty when {@code text} is anything else (never throws). */
    public static Optional<FacilityQr> parse(String text) {
        String s = QrText.clean(text);
        if (s.startsWith("{")) {
            return fromJson(s);
        }
        return fromUrl(s);
    }

    private static Optional<FacilityQr> fromJson(String s) {
        JsonNode node;
        try {
            node = QrJson.read(s);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        Map<String, String> fields = QrJson.scalarFields(node);
        return of(fields.get("hipid"), fields.get("code"));
    }

    private static Optional<FacilityQr> fromUrl(String s) {
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        String path = uri.getPath();
        if (scheme == null || host == null || path == null
                || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || !HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String firstSegment = path.replaceFirst("^/+", "").split("/", 2)[0];
        if (!firstSegment.equals("share-profile")) {
            return Optional.empty();
        }
        Map<String, String> query = query(uri.getRawQuery());
        String hip = query.getOrDefault("hip-id", query.get("hipid"));
        String counter = query.getOrDefault("counter-id", query.get("counterid"));
        return of(hip, counter);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                params.putIfAbsent(key, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a badly escaped parameter is simply not there
            }
        }
        return params;
    }

    private static Optional<FacilityQr> of(String hip, String counter) {
        if (hip == null || counter == null || hip.isBlank() || counter.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new FacilityQr(hip, counter));
    }
}
