package org.abdmdesk.engine.gateway;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.abdmdesk.engine.error.AbdmException;

/**
 * The one HTTP door to ABDM: a shared OkHttp client whose interceptor chain adds the gateway
 * session token, REQUEST-ID/TIMESTAMP/X-CM-ID, bounded retries and an audit line per attempt, and
 * which turns every failure into an {@link AbdmException} (ABDM's refusal, network, cancelled,
 * unreadable answer). Calls block the caller but react to {@link Thread#interrupt()}: the HTTP call
 * is cancelled and {@link AbdmException.Kind#CANCELLED} is raised. Create one per configuration,
 * share it, and {@link #close()} it when the application ends.
 */
public final class GatewayHttp implements AutoCloseable {
    static final MediaType JSON = MediaType.get("application/json");
    static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    private record Answer(int status, String contentType, byte[] bytes, String requestId) {
    }

    private final AbdmConfig config;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final ErrorBodies errors = new ErrorBodies(json);
    private final OkHttpClient client;
    private final ExecutorService executor;
    private volatile boolean closed;

    private GatewayHttp(AbdmConfig config, Clock clock, int maxAttempts, Duration backoff) {
        this.config = config;
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        Duration timeout = config.callTimeout();
        OkHttpClient base = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(executor))
                .callTimeout(timeout)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .retryOnConnectionFailure(false)
                .build();
        RetryInterceptor retry = new RetryInterceptor(maxAttempts, backoff);
        CommonHeadersInterceptor common = new CommonHeadersInterceptor(clock, config.cmId());
        AuditInterceptor audit = new AuditInterceptor();
        OkHttpClient sessionClient = base.newBuilder()
                .addInterceptor(retry).addInterceptor(common).addInterceptor(audit)
                .build();
        GatewaySession session = new GatewaySession(sessionClient, config, clock, json);
        this.client = base.newBuilder()
                .addInterceptor(retry).addInterceptor(new SessionInterceptor(session, errors))
                .addInterceptor(common).addInterceptor(audit)
                .build();
    }

    /** The client for {@code config}; {@code clock} stamps TIMESTAMPs and times the session token. */
    public static GatewayHttp create(AbdmConfig config, Clock clock) {
        return new GatewayHttp(config, clock, RetryInterceptor.DEFAULT_MAX_ATTEMPTS, RetryInterceptor.DEFAULT_BACKOFF);
    }

    /** For tests: a different retry budget. */
    static GatewayHttp create(AbdmConfig config, Clock clock, int maxAttempts, Duration backoff) {
        return new GatewayHttp(config, clock, maxAttempts, backoff);
    }

    public AbdmConfig config() {
        return config;
    }

    /** The JSON mapper this client reads and writes with (thread-safe, shared). */
    ObjectMapper json() {
        return json;
    }

    /** Now, in ABDM's timestamp form, for timestamps inside bodies ({@code authData.otp.timeStamp}). */
    public String timestamp() {
        return Timestamps.format(clock.instant());
    }

    /** POSTs {@code body} as JSON and reads the JSON answer (an empty answer reads as {@code {}}). */
    public JsonNode postJson(URI url, Map<String, String> headers, JsonNode body) throws AbdmException {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body cannot be written as JSON", e);
        }
        Request request = request(url, headers).post(RequestBody.create(bytes, JSON)).build();
        return readJson(request, send(request));
    }

    /**
     * POSTs {@code body} as JSON and returns the {@code REQUEST-ID} of the attempt ABDM accepted (any
     * 2xx, usually 202 with an empty body). For asynchronous calls: ABDM's callback names this id in
     * {@code response.requestId}, and the outbox records it. Failures as in {@link #postJson}.
     */
    public String postForRequestId(URI url, Map<String, String> headers, JsonNode body) throws AbdmException {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body cannot be written as JSON", e);
        }
        Request request = request(url, headers).post(RequestBody.create(bytes, JSON)).build();
        return send(request).requestId();
    }

    /** GETs a JSON answer. */
    public JsonNode getJson(URI url, Map<String, String> headers) throws AbdmException {
        Request request = request(url, headers).get().build();
        return readJson(request, send(request));
    }

    /** GETs bytes (an image or a PDF). */
    public Payload getBytes(URI url, Map<String, String> headers) throws AbdmException {
        Request request = request(url, headers).get().build();
        Answer answer = send(request);
        return new Payload(answer.status(), answer.contentType(), answer.bytes());
    }

    /** Cancels calls in flight (their callers get CANCELLED) and releases threads and connections. */
    @Override
    public void close() {
        closed = true;
        client.dispatcher().cancelAll();
        executor.shutdown();
        client.connectionPool().evictAll();
    }

    private Request.Builder request(URI url, Map<String, String> headers) {
        Request.Builder b = new Request.Builder().url(url.toString()).header("Accept", "*/*");
        headers.forEach(b::header);
        return b;
    }

    private Answer send(Request request) throws AbdmException {
        if (closed) {
            throw new IllegalStateException("the ABDM client is closed");
        }
        String name = describe(request);
        Call call = client.newCall(request);
        CompletableFuture<Answer> result = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    result.complete(read(response));
                } catch (IOException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        Answer answer;
        try {
            answer = result.get();
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw AbdmException.cancelled(name + " cancelled by interrupt");
        } catch (ExecutionException e) {
            throw failure(name, call, e.getCause());
        }
        if (answer.status() < 200 || answer.status() >= 300) {
            throw errors.toException(name, answer.status(), text(answer));
        }
        return answer;
    }

    private static Answer read(Response response) throws IOException {
        ResponseBody body = response.body();
        BufferedSource source = body.source();
        if (source.request(MAX_BODY_BYTES + 1)) {
            throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
        }
        MediaType type = body.contentType();
        return new Answer(response.code(), type == null ? "" : type.toString(), source.readByteArray(),
                response.request().header(CommonHeadersInterceptor.REQUEST_ID));
    }

    private static AbdmException failure(String name, Call call, Throwable cause) {
        if (cause instanceof AbdmIoException wrapped) {
            return wrapped.abdm();
        }
        if (cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage())) {
            return AbdmException.network(name + " timed out", cause);
        }
        if (call.isCanceled()) {
            return AbdmException.cancelled(name + " cancelled");
        }
        return AbdmException.network(name + " failed: " + cause.getClass().getSimpleName() + ": "
                + cause.getMessage(), cause);
    }

    private JsonNode readJson(Request request, Answer answer) throws AbdmException {
        String name = describe(request);
        String text = text(answer);
        JsonNode node;
        if (text.isBlank()) {
            node = json.createObjectNode();
        } else {
            try {
                node = json.readTree(text);
            } catch (JacksonException e) {
                throw AbdmException.unexpected(answer.status(), name + " -> HTTP " + answer.status()
                        + " with a body that is not JSON (" + answer.contentType() + ", " + answer.bytes().length
                        + " bytes)");
            }
        }
        String authResult = node.path("authResult").asText("");
        if (authResult.equalsIgnoreCase("failed") || authResult.equalsIgnoreCase("failure")) {
            AbdmException parsed = errors.toException(name, answer.status(), text);
            throw AbdmException.rejected(parsed.code().orElse(null), parsed.abdmMessage().orElse(null),
                    answer.status(), name + " -> HTTP " + answer.status() + " with authResult " + authResult);
        }
        return node;
    }

    private static String text(Answer answer) {
        return new String(answer.bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String describe(Request request) {
        return request.method() + " " + request.url().encodedPath();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "abdm-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
