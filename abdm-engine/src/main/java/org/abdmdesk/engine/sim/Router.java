package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: records each request, refuses oversized bodies (413), finds the endpoint
 * (404/405 otherwise), runs its {@link Guard} (session, common headers, X-CM-ID, replayed REQUEST-ID),
 * runs the endpoint and writes its answer or its refusal. Logs method, path, status and REQUEST-ID
 * only: never bodies (they carry OTPs and patient profiles).
 */
final class Router implements HttpHandler {
    static final int MAX_BODY = 1024 * 1024;
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    private static final int MAX_DRAIN = 64 * 1024 * 1024;
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /**
     * Which checks run before the endpoint: OPEN none (the gateway's public keys: JWKS fetchers send no
     * ABDM headers); HEADERS REQUEST-ID, TIMESTAMP and no replay (the session call has no Authorization
     * yet); SESSION also the session token; GATEWAY (HIE-CM paths) also {@code X-CM-ID: sbx}.
     */
    enum Guard { OPEN, HEADERS, SESSION, GATEWAY }

    private record Route(Guard guard, Endpoint endpoint) {
    }

    private final Map<String, Route> routes = new HashMap<>();
    private final Set<String> knownPaths = new HashSet<>();
    private final SimState state;
    private final RequestIds requestIds = new RequestIds();
    private final RequestLog log;
    private final Clock clock;
    private final ObjectMapper json;

    Router(SimState state, RequestLog log, Clock clock, ObjectMapper json) {
        this.state = state;
        this.log = log;
        this.clock = clock;
        this.json = json;
    }

    Router add(String method, String path, Guard guard, Endpoint endpoint) {
        routes.put(method + " " + path, new Route(guard, endpoint));
        knownPaths.add(path);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Instant now = clock.instant();
        Map<String, List<String>> headers = exchange.getRequestHeaders();
        String requestId = exchange.getRequestHeaders().getFirst("REQUEST-ID");
        int status;
        try (exchange) {
            byte[] body = readBody(exchange);
            log.add(new RecordedRequest(method, path, query == null ? "" : query, headers,
                    body == null ? "" : new String(body, StandardCharsets.UTF_8), now));
            SimResponse response;
            if (body == null) {
                response = refusal(SimError.statusReport(413, "Payload Too Large"));
            } else {
                response = dispatch(new SimRequest(method, path, headers, body, now, json));
            }
            status = response.status();
            write(exchange, response);
        }
        LOG.debug("{} {} -> {} (REQUEST-ID {})", method, path, status, requestId);
    }

    private SimResponse dispatch(SimRequest request) {
        try {
            Route route = routes.get(request.method() + " " + request.path());
            if (route == null) {
                throw knownPaths.contains(request.path())
                        ? SimError.statusReport(405, "Method Not Allowed")
                        : SimError.statusReport(404, "Not Found");
            }
            if (route.guard() != Guard.OPEN) {
                if (route.guard() == Guard.SESSION || route.guard() == Guard.GATEWAY) {
                    checkSession(request);
                }
                checkHeaders(request);
                if (route.guard() == Guard.GATEWAY) {
                    checkCmId(request);
                }
                checkReplay(request);
            }
            return route.endpoint().handle(request);
        } catch (SimError e) {
            return refusal(e);
        } catch (RuntimeException e) {
            LOG.error("simulator endpoint failed on {} {}: {}", request.method(), request.path(), Failures.describe(e));
            return refusal(AbdmErrors.internal());
        }
    }

    private void checkSession(SimRequest request) {
        String auth = request.header("Authorization").orElse("");
        boolean ok = auth.startsWith("Bearer ")
                && state.locked(() -> state.sessionValid(auth.substring("Bearer ".length()).strip(), request.now()));
        if (!ok) {
            throw AbdmErrors.gatewayToken(request.path());
        }
    }

    private void checkHeaders(SimRequest request) {
        String requestId = request.header("REQUEST-ID").orElse("");
        try {
            UUID.fromString(requestId);
        } catch (IllegalArgumentException e) {
            throw AbdmErrors.invalidRequestId();
        }
        if (requestId.length() != 36) {
            throw AbdmErrors.invalidRequestId();
        }
        String timestamp = request.header("TIMESTAMP").orElse("");
        if (!TIMESTAMP.matcher(timestamp).matches()) {
            throw AbdmErrors.invalidTimestamp();
        }
        try {
            Duration skew = Duration.between(Instant.parse(timestamp), request.now()).abs();
            if (skew.compareTo(TIMESTAMP_TOLERANCE) > 0) {
                throw AbdmErrors.invalidTimestamp();
            }
        } catch (DateTimeParseException e) {
            throw AbdmErrors.invalidTimestamp();
        }
    }

    private static void checkCmId(SimRequest request) {
        if (!request.header("X-CM-ID").orElse("").equals(AbdmSimulator.CM_ID)) {
            throw AbdmErrors.invalidCmId();
        }
    }

    /** Last check, so a request refused for its headers or session does not use up its REQUEST-ID. */
    private void checkReplay(SimRequest request) {
        if (!requestIds.firstUse(request.header("REQUEST-ID").orElseThrow())) {
            throw AbdmErrors.duplicateRequest(request.path());
        }
    }

    private SimResponse refusal(SimError e) {
        return SimResponse.json(e.status(), e.body(clock));
    }

    /** The body, or null when it is over {@link #MAX_BODY} (the rest is drained so the client sees the 413). */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        InputStream in = exchange.getRequestBody();
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > MAX_BODY) {
                    drain(in);
                    return null;
                }
            } catch (NumberFormatException e) {
                // let the server's own framing decide; read as usual
            }
        }
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            drain(in);
            return null;
        }
        return body;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < MAX_DRAIN && (n = in.read(buffer)) > 0) {
            total += n;
        }
    }

    private void write(HttpExchange exchange, SimResponse response) throws IOException {
        byte[] bytes = response.bytes();
        if (bytes == null) {
            try {
                bytes = json.writeValueAsBytes(response.jsonBody());
            } catch (JsonProcessingException e) {
                throw new IOException("could not write JSON", e);
            }
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
