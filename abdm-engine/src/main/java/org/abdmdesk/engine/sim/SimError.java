package org.abdmdesk.engine.sim;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal, thrown by any endpoint and turned into an HTTP answer by {@link Router}. The body uses
 * one of ABDM's error shapes (abha-v3.md section 7.1), so clients exercise their whole parser.
 */
final class SimError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter FIELD_MAP_TIME =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(ZoneId.of("Asia/Kolkata"));

    enum Shape { FIELD_MAP, NESTED, FLAT, ARRAY, STATUS_REPORT, GATEWAY }

    private final int status;
    private final Shape shape;
    private final String code;
    private final Map<String, String> fields;

    private SimError(int status, Shape shape, String code, String message, Map<String, String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.shape = shape;
        this.code = code;
        this.fields = fields;
    }

    /** Shape 1: {@code {"otpValue":"Invalid OTP Value", ..., "timestamp":"24-11-2022 20:38:44"}}, HTTP 400. */
    static SimError fieldMap(Map<String, String> problems) {
        return new SimError(400, Shape.FIELD_MAP, null, String.join(", ", problems.keySet()),
                Map.copyOf(new LinkedHashMap<>(problems)));
    }

    static SimError fieldMap(String field, String problem) {
        return fieldMap(Map.of(field, problem));
    }

    /** Shape 2: {@code {"error":{"code":"ABDM-1204","message":"..."}}}. */
    static SimError nested(int status, String code, String message) {
        return new SimError(status, Shape.NESTED, code, message, Map.of());
    }

    /** Shape 3: {@code {"code":"ABDM-1042","message":"Invalid OTP"}}. */
    static SimError flat(int status, String code, String message) {
        return new SimError(status, Shape.FLAT, code, message, Map.of());
    }

    /** Shape 4: {@code [{"code":"ABDM-1006: ","message":"..."}]}. */
    static SimError array(int status, String code, String message) {
        return new SimError(status, Shape.ARRAY, code, message, Map.of());
    }

    /** Shape 5 (routing): {@code {"code":"404","type":"Status report","message":"Not Found"}}. */
    static SimError statusReport(int status, String message) {
        return new SimError(status, Shape.STATUS_REPORT, Integer.toString(status), message, Map.of());
    }

    /** The API gateway's own refusal: {@code {"code":"900901","message":...,"description":...}}, HTTP 401. */
    static SimError gateway(String description) {
        return new SimError(401, Shape.GATEWAY, "900901", "Invalid Credentials", Map.of("description", description));
    }

    int status() {
        return status;
    }

    /** The JSON-ready body (maps and lists), stamped with {@code clock} where ABDM stamps it. */
    Object body(Clock clock) {
        return switch (shape) {
            case FIELD_MAP -> {
                Map<String, String> m = new LinkedHashMap<>(new java.util.TreeMap<>(fields));
                m.put("timestamp", FIELD_MAP_TIME.format(clock.instant()));
                yield m;
            }
            case NESTED -> Map.of("error", codeAndMessage());
            case FLAT -> codeAndMessage();
            case ARRAY -> List.of(codeAndMessage());
            case STATUS_REPORT -> orderedMap("code", code, "type", "Status report", "message", getMessage());
            case GATEWAY -> orderedMap("code", code, "message", getMessage(), "description", fields.get("description"));
        };
    }

    private Map<String, String> codeAndMessage() {
        return orderedMap("code", code, "message", getMessage());
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
