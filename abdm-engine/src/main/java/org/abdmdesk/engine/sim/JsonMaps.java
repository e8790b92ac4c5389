package org.abdmdesk.engine.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered JSON objects that may hold nulls (ABDM sends explicit nulls, e.g. {@code "email": null}). */
final class JsonMaps {
    private JsonMaps() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
