package org.abdmdesk.engine.share;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How this clinic runs scan and share: its HIP id (the facility id in the counter QR and in
 * {@code X-HIP-ID}), its counters (the QR's {@code counter-id}, 1-20 letters, digits, '-' or '_'),
 * how long a token is valid (30 minutes unless configured) and the clinic's time zone, which decides
 * when a day's numbering starts again.
 */
public record ShareSettings(String hipId, List<String> counters, Duration validity, ZoneId zone) {
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(30);

    public ShareSettings {
        Objects.requireNonNull(hipId, "hipId");
        if (hipId.isBlank()) {
            throw new IllegalArgumentException("hipId is blank");
        }
        counters = List.copyOf(counters);
        if (counters.isEmpty()) {
            throw new IllegalArgumentException("at least one counter");
        }
        counters.forEach(c -> {
            if (!c.matches("[A-Za-z0-9_-]{1,20}")) {
                throw new IllegalArgumentException("a counter id is 1-20 letters, digits, '-' or '_': " + c);
            }
        });
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** One counter, 30-minute tokens. */
    public static ShareSettings of(String hipId, String counter, ZoneId zone) {
        return new ShareSettings(hipId, List.of(counter), DEFAULT_VALIDITY, zone);
    }

    public ShareSettings withValidity(Duration newValidity) {
        return new ShareSettings(hipId, counters, newValidity, zone);
    }
}
