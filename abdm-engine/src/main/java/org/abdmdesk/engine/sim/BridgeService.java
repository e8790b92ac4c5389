package org.abdmdesk.engine.sim;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A facility service registered to the client's bridge, as {@code GET /gateway/v3/bridge-services}
 * lists it: its HFR/HIP id, its name and its roles ({@code HIP}, {@code HIU}, {@code HEALTH_LOCKER},
 * {@code PHR}). In real ABDM this is set up once in the facility registry; here it is configuration.
 */
public record BridgeService(String id, String name, List<String> types) {
    public static final String HIP = "HIP";
    public static final String HIU = "HIU";
    private static final Set<String> TYPES = Set.of(HIP, HIU, "HEALTH_LOCKER", "PHR");

    public BridgeService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        types = List.copyOf(types);
        if (id.isBlank() || types.isEmpty() || !TYPES.containsAll(types)) {
            throw new IllegalArgumentException("a bridge service needs an id and types among " + TYPES);
        }
    }

    /** A facility that is both HIP and HIU. */
    public static BridgeService hipAndHiu(String id, String name) {
        return new BridgeService(id, name, List.of(HIP, HIU));
    }

    public boolean isHip() {
        return types.contains(HIP);
    }

    public boolean isHiu() {
        return types.contains(HIU);
    }
}
