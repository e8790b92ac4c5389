package org.abdmdesk.app;

import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.abdmdesk.engine.share.ShareSettings;

/**
 * Real mode's clinic settings (no settings screen yet): system properties {@code abdmdesk.hip.id},
 * {@code abdmdesk.counters} (comma-separated, default {@code 1}), {@code abdmdesk.share.validity.minutes}
 * (default 30), {@code abdmdesk.relay.url} ({@code wss://relay.example.in/ws}) and
 * {@code abdmdesk.relay.credential} ({@code <clinic id>.<secret>} from {@code relay-server clinic add}).
 * {@link #toString()} hides the credential.
 */
record RealModeSettings(Optional<String> hipId, List<String> counters, int validityMinutes, Optional<URI> relayUrl,
        Optional<String> credential) {

    static RealModeSettings from(UnaryOperator<String> property) {
        Optional<String> hip = value(property, "abdmdesk.hip.id");
        List<String> counters = value(property, "abdmdesk.counters")
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .filter(l -> !l.isEmpty()).orElse(List.of("1"));
        int minutes = value(property, "abdmdesk.share.validity.minutes").map(Integer::parseInt).orElse(30);
        return new RealModeSettings(hip, counters, minutes, value(property, "abdmdesk.relay.url").map(URI::create),
                value(property, "abdmdesk.relay.credential"));
    }

    Optional<ShareSettings> share(ZoneId zone) {
        return hipId.map(h -> new ShareSettings(h, counters, java.time.Duration.ofMinutes(validityMinutes), zone));
    }

    boolean relayConfigured() {
        return hipId.isPresent() && relayUrl.isPresent() && credential.isPresent();
    }

    private static Optional<String> value(UnaryOperator<String> property, String name) {
        return Optional.ofNullable(property.apply(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public String toString() {
        return "RealModeSettings[hipId=" + hipId.orElse("-") + ", counters=" + counters + ", relayUrl="
                + relayUrl.map(URI::toString).orElse("-") + ", credential=" + (credential.isPresent() ? "****" : "-")
                + "]";
    }
}
