package org.abdmdesk.engine.relay;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.abdmdesk.engine.callback.InboundCallback;
import org.abdmdesk.engine.callback.InboundSink;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.error.AbdmException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the workstation's one WebSocket to its relay open (protocol §4) and turns what arrives into
 * stored callbacks: each {@code deliver} is unsealed, handed to the {@link InboundSink} (which stores
 * it durably, or recognises a redelivery by REQUEST-ID) and only then acknowledged. A message that
 * cannot be stored is not acknowledged; the client drops the link and reconnects, and the relay
 * delivers it again. A message that cannot be opened is not acknowledged either and stays at the
 * relay (a wrong key is a setup problem, see {@link #lastFailure()}).
 *
 * <p>The link reconnects forever with {@link Backoff} (1 s doubling to 60 s with jitter by default,
 * reset by each welcome), pings every 20 s, and stops only when the relay says the credential is
 * wrong (HTTP 401) or another workstation has taken the link over (close code 4409): the state is
 * then {@link LinkState#REJECTED} until {@link #start()} is called again.
 *
 * <p>Create it once at start-up with {@link #builder}, call {@link #start()}, watch it with
 * {@link #addListener}, and {@link #close()} it on exit. Logs carry sequence numbers and
 * REQUEST-IDs, never bodies.
 */
public final class RelayClient implements AutoCloseable {
    static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
    static final Duration DEFAULT_REGISTER_TIMEOUT = Duration.ofSeconds(15);
    static final int CLOSE_NORMAL = 1000;
    static final int CLOSE_INTERNAL_ERROR = 1011;
    static final int CLOSE_PROTOCOL_ERROR = 4400;
    static final int CLOSE_REPLACED = 4409;
    private static final Logger LOG = LoggerFactory.getLogger(RelayClient.class);

    private final RelaySettings settings;
    private final InboundSink sink;
    private final SyncHandler syncHandler;
    private final Backoff backoff;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final Duration registerTimeout;
    private final Unsealer unsealer;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService syncWorkers;
    private final List<RelayLinkListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<Void>> registrations = new LinkedHashMap<>();

    // Guarded by this.
    private LinkState state = LinkState.DISCONNECTED;
    private AbdmException lastFailure;
    private Connection current;
    private ScheduledFuture<?> reconnect;
    private int failures;
    private boolean closed;

    private RelayClient(Builder b) {
        this.settings = b.settings;
        this.sink = b.sink;
        this.syncHandler = b.syncHandler;
        this.backoff = b.backoff;
        this.ownsHttp = b.http == null;
        OkHttpClient base = b.http != null ? b.http : new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.http = base.newBuilder().pingInterval(b.pingInterval).build();
        this.registerTimeout = b.registerTimeout;
        this.unsealer = new Unsealer(settings.sealingKey());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relay-reconnect");
            t.setDaemon(true);
            return t;
        });
        this.syncWorkers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("relay-sync-", 1).factory());
    }

    public static Builder builder(RelaySettings settings, InboundSink sink) {
        return new Builder(settings, sink);
    }

    /** Opens the link (again, after {@link LinkState#REJECTED}); does nothing while it is open or opening. */
    public void start() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the relay client is closed");
            }
            if (current != null || reconnect != null) {
                return;
            }
            failures = 0;
        }
        connect();
    }

    public synchronized LinkState state() {
        return state;
    }

    /** What went wrong most recently (cleared by a welcome): advice for people in {@code userMessage(locale)}. */
    public synchronized Optional<AbdmException> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    public void addListener(RelayLinkListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(RelayLinkListener listener) {
        listeners.remove(listener);
    }

    /**
     * Registers an HIU data-push token (protocol §4.4); completes when the relay confirms, fails with
     * an {@link AbdmException} when the relay refuses it (e.g. {@code RELAY-409}), when the link is not
     * up, or after 15 s without an answer. Make tokens with {@link PushTokens#newToken()}.
     */
    public CompletionStage<Void> registerPush(String token, Instant expiresAt) {
        if (!PushTokens.isWellFormed(token)) {
            throw new IllegalArgumentException("a push token is 43 or more base64url characters");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
        CompletableFuture<Void> result = new CompletableFuture<>();
        WebSocket socket;
        synchronized (this) {
            if (state != LinkState.CONNECTED || current == null) {
                return CompletableFuture.failedFuture(RelayFailures.of(Kind.NETWORK, 0, RelayFailures.OFFLINE,
                        "push token not registered: relay link is " + state, null));
            }
            if (registrations.putIfAbsent(token, result) != null) {
                throw new IllegalStateException("this token is already being registered");
            }
            socket = current.socket;
        }
        if (socket == null) {
            return CompletableFuture.failedFuture(RelayFailures.of(Kind.NETWORK, 0, RelayFailures.OFFLINE,
                    "push token not registered: relay link not open", null));
        }
        result.whenComplete((ok, error) -> {
            synchronized (this) {
                registrations.remove(token, result);
            }
        });
        ObjectNode frame = json.createObjectNode().put("type", "register-push").put("token", token)
                .put("expiresAt", expiresAt.toString());
        if (!socket.send(frame.toString())) {
            result.completeExceptionally(RelayFailures.of(Kind.NETWORK, 0, RelayFailures.OFFLINE,
                    "push token not registered: the link closed", null));
        }
        return result.orTimeout(registerTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the link normally and stops reconnecting; unacknowledged messages stay at the relay. */
    @Override
    public void close() {
        WebSocket open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = current == null ? null : current.socket;
            current = null;
            if (reconnect != null) {
                reconnect.cancel(false);
                reconnect = null;
            }
        }
        if (open != null) {
            open.close(CLOSE_NORMAL, "workstation closing");
        }
        failRegistrations("the relay client closed");
        scheduler.shutdownNow();
        syncWorkers.shutdown();
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        changeState(LinkState.DISCONNECTED, null, false);
    }

    private void connect() {
        Connection connection = new Connection();
        synchronized (this) {
            reconnect = null;
            if (closed) {
                return;
            }
            current = connection;
        }
        changeState(LinkState.CONNECTING, null, false);
        Request request = new Request.Builder().url(settings.relayUrl().toString())
                .header("Authorization", "Bearer " + settings.credential())
                .build();
        LOG.info("Connecting to the relay at {} as {}", settings.relayUrl(), settings.clinicId());
        WebSocket socket = http.newWebSocket(request, connection);
        boolean stale;
        synchronized (this) {
            if (connection.socket == null) {
                connection.socket = socket;
            }
            stale = connection != current;
        }
        if (stale) {
            socket.cancel(); // closed (or superseded) while this socket was being made
        }
    }

    /** The link ended unexpectedly: note why, then reconnect after the backoff, or stop for good reasons. */
    private void ended(Connection connection, AbdmException failure, boolean retry, int backoffFailures) {
        Duration delay = null;
        synchronized (this) {
            if (connection.ended) {
                return;
            }
            connection.ended = true;
            if (connection != current || closed) {
                return;
            }
            current = null;
            if (retry) {
                failures = backoffFailures > 0 ? Math.max(failures + 1, backoffFailures) : failures + 1;
                delay = backoff.delay(failures);
                reconnect = scheduler.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        failRegistrations("the relay link ended");
        if (delay == null) {
            LOG.warn("Relay link stopped: {}", failure.getMessage());
            changeState(LinkState.REJECTED, failure, true);
        } else {
            LOG.info("Relay link lost ({}); reconnecting in {} ms", failure.getMessage(), delay.toMillis());
            changeState(LinkState.DISCONNECTED, failure, true);
        }
    }

    private void welcomed(Connection connection, JsonNode frame) {
        synchronized (this) {
            if (connection != current) {
                return;
            }
            failures = 0;
        }
        String clinicId = frame.path("clinicId").asText("");
        if (!clinicId.equals(settings.clinicId())) {
            LOG.warn("Relay welcomed clinic '{}' but this workstation is '{}'", clinicId, settings.clinicId());
        }
        if (frame.path("protocol").asInt(0) != 1) {
            LOG.warn("Relay speaks protocol {}, this workstation speaks 1", frame.path("protocol").asText("?"));
        }
        LOG.info("Relay link up for {}", settings.clinicId());
        synchronized (this) {
            lastFailure = null;
        }
        changeState(LinkState.CONNECTED, null, false);
    }

    private void deliver(Connection connection, WebSocket socket, JsonNode frame) {
        long seq = frame.path("seq").asLong(-1);
        String sealed = frame.path("sealed").asText(null);
        if (seq < 1 || sealed == null) {
            LOG.warn("Relay sent a deliver frame without seq or sealed; ignored");
            return;
        }
        RelayEnvelope envelope;
        try {
            envelope = unsealer.openEnvelope(sealed);
        } catch (SealedEnvelopeException e) {
            LOG.error("Relay message seq {} cannot be opened ({}); not acknowledged, it stays at the relay", seq,
                    e.getMessage());
            noteFailure(RelayFailures.of(Kind.UNEXPECTED_RESPONSE, 0, RelayFailures.UNSEAL,
                    "relay message seq " + seq + " cannot be opened: " + e.getMessage(), e));
            return;
        }
        InboundCallback callback = new InboundCallback(
                envelope.requestId().orElse(InboundCallback.keyForSeq(seq)), envelope.path(), envelope.headers(),
                envelope.body(), envelope.receivedAt(), seq);
        boolean kept;
        RuntimeException problem = null;
        try {
            kept = sink.accept(callback);
        } catch (RuntimeException e) {
            kept = false;
            problem = e;
        }
        if (!kept) {
            LOG.error("Relay message seq {} ({}) could not be stored{}; not acknowledged, reconnecting for redelivery",
                    seq, callback.requestId(), problem == null ? "" : ": " + problem);
            AbdmException failure = RelayFailures.of(Kind.UNEXPECTED_RESPONSE, 0, RelayFailures.STORE,
                    "relay message seq " + seq + " could not be stored", problem);
            socket.close(CLOSE_INTERNAL_ERROR, "could not store");
            ended(connection, failure, true, 0);
            return;
        }
        socket.send(json.createObjectNode().put("type", "ack").put("seq", seq).toString());
        LOG.debug("Acknowledged relay seq {} ({})", seq, callback.requestId());
    }

    private void request(WebSocket socket, JsonNode frame) {
        String corr = frame.path("corr").asText("");
        String sealed = frame.path("sealed").asText(null);
        if (corr.isEmpty() || sealed == null) {
            LOG.warn("Relay sent a request frame without corr or sealed; ignored");
            return;
        }
        syncWorkers.execute(() -> {
            SyncResponse response;
            try {
                RelayEnvelope envelope = unsealer.openEnvelope(sealed);
                response = syncHandler.handle(envelope);
            } catch (SealedEnvelopeException e) {
                LOG.error("Relay request {} cannot be opened ({})", corr, e.getMessage());
                response = new SyncResponse(500, "application/json", "{}");
            } catch (Exception e) {
                LOG.error("Synchronous handler failed on relay request {}: {}", corr, e.getClass().getSimpleName());
                response = new SyncResponse(500, "application/json", "{}");
            }
            socket.send(json.createObjectNode().put("type", "response").put("corr", corr)
                    .put("status", response.status()).put("contentType", response.contentType())
                    .put("body", response.body()).toString());
        });
    }

    private void pushRegistered(JsonNode frame) {
        String token = frame.path("token").asText("");
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = registrations.get(token);
        }
        if (pending != null) {
            pending.complete(null);
        }
    }

    private void error(JsonNode frame) {
        String code = frame.path("code").asText("");
        String message = frame.path("message").asText("");
        CompletableFuture<Void> oldest;
        synchronized (this) {
            // Only register-push is answered with an error frame we wait for; the relay answers in order.
            oldest = registrations.values().stream().findFirst().orElse(null);
        }
        if (oldest != null) {
            oldest.completeExceptionally(RelayFailures.refused(code, message, "relay refused a push token: " + code));
        } else {
            LOG.warn("Relay reported {}: {}", code, message);
        }
    }

    private void failRegistrations(String why) {
        List<CompletableFuture<Void>> pending;
        synchronized (this) {
            pending = new ArrayList<>(registrations.values());
        }
        pending.forEach(f -> f.completeExceptionally(
                RelayFailures.of(Kind.NETWORK, 0, RelayFailures.OFFLINE, "push token not registered: " + why, null)));
    }

    private void noteFailure(AbdmException failure) {
        LinkState now;
        synchronized (this) {
            lastFailure = failure;
            now = state;
        }
        notifyListeners(now, failure);
    }

    private void changeState(LinkState next, AbdmException failure, boolean recordFailure) {
        AbdmException last;
        synchronized (this) {
            if (recordFailure) {
                lastFailure = failure;
            }
            if (state == next && !recordFailure) {
                return;
            }
            state = next;
            last = lastFailure;
        }
        notifyListeners(next, last);
    }

    private void notifyListeners(LinkState now, AbdmException failure) {
        for (RelayLinkListener listener : listeners) {
            try {
                listener.linkChanged(now, Optional.ofNullable(failure));
            } catch (RuntimeException e) {
                LOG.warn("A relay link listener failed: {}", e.toString());
            }
        }
    }

    private static AbdmException failureOf(Throwable t, Response response) {
        if (response != null && response.code() == 401) {
            return RelayFailures.of(Kind.SESSION, 401, RelayFailures.CREDENTIAL,
                    "relay refused the credential (HTTP 401)", t);
        }
        if (response != null && response.code() == 429) {
            return RelayFailures.of(Kind.NETWORK, 429, RelayFailures.RATE_LIMITED,
                    "relay is rate-limiting this workstation (HTTP 429)", t);
        }
        String what = response != null ? "HTTP " + response.code()
                : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return RelayFailures.of(Kind.NETWORK, response == null ? 0 : response.code(), RelayFailures.UNREACHABLE,
                "relay link failed: " + what, t);
    }

    /** One WebSocket connection; events from a connection that is no longer current are ignored. */
    private final class Connection extends WebSocketListener {
        WebSocket socket; // guarded by RelayClient.this
        boolean ended; // guarded by RelayClient.this

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            synchronized (RelayClient.this) {
                socket = webSocket;
            }
        }

        private boolean isCurrent() {
            synchronized (RelayClient.this) {
                return this == current && !ended;
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (!isCurrent()) {
                return;
            }
            JsonNode frame;
            try {
                frame = json.readTree(text);
            } catch (JacksonException e) {
                LOG.warn("Relay sent a frame that is not JSON; ignored");
                return;
            }
            switch (frame.path("type").asText("")) {
                case "welcome" -> welcomed(this, frame);
                case "deliver" -> deliver(this, webSocket, frame);
                case "request" -> request(webSocket, frame);
                case "push-registered" -> pushRegistered(frame);
                case "error" -> error(frame);
                default -> LOG.debug("Relay sent a frame of unknown type {}; ignored", frame.path("type").asText(""));
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(CLOSE_NORMAL, null);
            closedBy(code, reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            closedBy(code, reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            AbdmException failure = failureOf(t, response);
            int code = response == null ? 0 : response.code();
            ended(this, failure, code != 401, code == 429 ? Backoff.LONGEST : 0);
        }

        private void closedBy(int code, String reason) {
            if (code == CLOSE_REPLACED) {
                ended(this, RelayFailures.of(Kind.REJECTED, 0, RelayFailures.REPLACED,
                        "relay link replaced by another connection for this clinic (close 4409)", null), false, 0);
            } else if (code == CLOSE_PROTOCOL_ERROR) {
                ended(this, RelayFailures.of(Kind.UNEXPECTED_RESPONSE, 0, RelayFailures.PROTOCOL,
                        "relay closed the link for a protocol error (4400): " + reason, null), true, 0);
            } else {
                ended(this, RelayFailures.of(Kind.NETWORK, 0, RelayFailures.UNREACHABLE,
                        "relay closed the link (" + code + ")", null), true, 0);
            }
        }
    }

    /** Options with production defaults; tests shorten the backoff. */
    public static final class Builder {
        private final RelaySettings settings;
        private final InboundSink sink;
        private SyncHandler syncHandler = SyncHandler.NONE;
        private Backoff backoff = ExponentialBackoff.standard();
        private OkHttpClient http;
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private Duration registerTimeout = DEFAULT_REGISTER_TIMEOUT;

        private Builder(RelaySettings settings, InboundSink sink) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** Answers synchronous relay calls; by default everything gets 404. */
        public Builder syncHandler(SyncHandler handler) {
            this.syncHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** A shared OkHttp client to derive from (proxy, TLS settings); the relay client adds its ping interval. */
        public Builder httpClient(OkHttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        public Builder pingInterval(Duration interval) {
            this.pingInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        public Builder registerTimeout(Duration timeout) {
            this.registerTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public RelayClient build() {
            return new RelayClient(this);
        }
    }
}
