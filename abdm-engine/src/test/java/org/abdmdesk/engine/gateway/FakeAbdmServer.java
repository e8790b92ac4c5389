package org.abdmdesk.engine.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A real HTTP server on a loopback port (okhttp's MockWebServer) that plays ABDM for client tests:
 * a gateway sessions endpoint handing out {@code token-1}, {@code token-2}... and routes by
 * "METHOD path". Every request is recorded. Unknown routes answer the routing 404 shape.
 */
public final class FakeAbdmServer implements AutoCloseable {
    public static final String GATEWAY = "/gw/";
    public static final String ABHA = "/abha";
    public static final String SESSIONS = "/gw/gateway/v3/sessions";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile long expiresIn = 1200;

    public FakeAbdmServer() throws IOException {
        route("POST", SESSIONS, r -> json(200, "{\"accessToken\":\"token-" + sessions.incrementAndGet()
                + "\",\"expiresIn\":" + expiresIn + ",\"refreshToken\":\"r\",\"refreshExpiresIn\":1800,"
                + "\"tokenType\":\"bearer\"}"));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                Function<RecordedRequest, MockResponse> handler =
                        routes.get(request.getMethod() + " " + request.getUrl().encodedPath());
                return handler != null ? handler.apply(request)
                        : json(404, "{\"code\":\"404\",\"type\":\"Status report\",\"message\":\"Not Found\"}");
            }
        });
        server.start();
    }

    /** Gateway base with a trailing slash, ABHA base without: the client must handle both. */
    public AbdmConfig config() {
        return new AbdmConfig(server.url(GATEWAY).uri(), server.url(ABHA).uri(), "sbx", "clinic-1", "s3cret");
    }

    public FakeAbdmServer route(String method, String path, Function<RecordedRequest, MockResponse> handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    public void sessionLifetimeSeconds(long seconds) {
        this.expiresIn = seconds;
    }

    public int sessionsIssued() {
        return sessions.get();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
    }

    public static MockResponse bytes(int code, String contentType, byte[] body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", contentType)
                .body(new okio.Buffer().write(body)).build();
    }

    public static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    @Override
    public void close() {
        server.close();
    }
}
