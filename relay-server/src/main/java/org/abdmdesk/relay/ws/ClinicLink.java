package org.abdmdesk.relay.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.abdmdesk.relay.i18n.Messages;
import org.abdmdesk.relay.metrics.RelayMetrics;
import org.abdmdesk.relay.store.RelayStore;
import org.abdmdesk.relay.store.Secrets;
import org.abdmdesk.relay.store.StoredMessage;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One clinic's WebSocket. Delivers stored messages in seq order with at most {@code window} unacknowledged,
 * deletes on ack, and on every new connection starts again from the lowest stored seq (at least once).
 * Public only because Jetty invokes WebSocket endpoints reflectively; built by {@link DeliveryHub}.
 */
public final class ClinicLink implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(ClinicLink.class);
    static final int CLOSE_REPLACED = 4409;
    static final int CLOSE_PROTOCOL = 4400;
    private static final Pattern PUSH_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43,128}");
    private static final Duration MAX_PUSH_TOKEN_LIFE = Duration.ofDays(7);

    private final String clinicId;
    private final DeliveryHub hub;
    private final RelayStore store;
    private final RelayMetrics metrics;
    private final Messages messages;
    private final int window;
    private final Clock clock;
    private final TreeSet<Long> inFlight = new TreeSet<>();
    private Session session;
    private long lastSentSeq;
    /** Whether the store may hold messages not yet sent (so an ack must look there); false once caught up. */
    private boolean backlog = true;
    private boolean closed;
    private volatile Instant lastHeard;

    ClinicLink(String clinicId, DeliveryHub hub, RelayStore store, RelayMetrics metrics, Messages messages,
               int window, Clock clock) {
        this.clinicId = clinicId;
        this.hub = hub;
        this.store = store;
        this.metrics = metrics;
        this.messages = messages;
        this.window = window;
        this.clock = clock;
        this.lastHeard = clock.instant();
    }

    String clinicId() {
        return clinicId;
    }

    @Override
    public void onWebSocketOpen(Session newSession) {
        synchronized (this) {
            this.session = newSession;
        }
        LOG.info("clinic {} connected from {}", clinicId, newSession.getRemoteSocketAddress());
        hub.attach(this);
        synchronized (this) {
            send(Frames.welcome(clinicId));
            pump();
        }
    }

    /** A message just committed for this clinic: send it now if it is next and the window has room. */
    synchronized void offer(StoredMessage m) {
        if (closed || session == null || m.seq() <= lastSentSeq) {
            return;
        }
        if (inFlight.size() >= window) {
            backlog = true; // sent from the store when acks make room
            return;
        }
        if (m.seq() == lastSentSeq + 1) {
            deliver(m);
        } else {
            pump();
        }
    }

    /** Fills the window from the store, in seq order; notes when nothing stored is left unsent. */
    private void pump() {
        while (!closed && inFlight.size() < window) {
            int room = window - inFlight.size();
            List<StoredMessage> next = store.pending(clinicId, lastSentSeq, room);
            next.forEach(this::deliver);
            if (next.size() < room) {
                backlog = false; // from now on every commit is offered to this link
                return;
            }
        }
    }

    private void deliver(StoredMessage m) {
        send(Frames.deliver(m));
        inFlight.add(m.seq());
        lastSentSeq = m.seq();
        metrics.delivered(hub.sentBefore(clinicId, m.seq()));
        hub.markSent(clinicId, m.seq());
    }

    @Override
    public void onWebSocketText(String text) {
        lastHeard = clock.instant();
        JsonNode frame;
        try {
            frame = Frames.JSON.readTree(text);
        } catch (java.io.IOException e) {
            error(400, "ws.badJson");
            return;
        }
        if (frame == null || !frame.isObject()) {
            error(400, "ws.badJson");
            return;
        }
        switch (frame.path("type").asText("")) {
            case "ack" -> ack(frame);
            case "register-push" -> registerPush(frame);
            case "response" -> respond(frame);
            default -> error(400, "ws.unknownType");
        }
    }

    private void ack(JsonNode frame) {
        if (!frame.path("seq").canConvertToLong()) {
            error(400, "ws.badAck");
            return;
        }
        long seq = frame.path("seq").asLong();
        synchronized (this) {
            if (!inFlight.remove(seq)) {
                return; // unknown or already acked: ignored silently (protocol §4.5)
            }
            metrics.acked();
            store.delete(clinicId, seq).exceptionally(e -> {
                LOG.warn("deleting {}#{} failed: {}", clinicId, seq, e.toString());
                return null;
            });
            if (backlog) {
                pump();
            }
        }
    }

    private void registerPush(JsonNode frame) {
        String token = frame.path("token").asText("");
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(frame.path("expiresAt").asText(""));
        } catch (DateTimeParseException e) {
            error(400, "ws.badPushToken");
            return;
        }
        Instant now = clock.instant();
        if (!PUSH_TOKEN.matcher(token).matches() || !expiresAt.isAfter(now)
                || expiresAt.isAfter(now.plus(MAX_PUSH_TOKEN_LIFE))) {
            error(400, "ws.badPushToken");
            return;
        }
        store.registerPushToken(Secrets.sha256(token), clinicId, expiresAt).whenComplete((outcome, e) -> {
            if (e != null) {
                error(503, "ws.storeUnavailable");
            } else if (outcome == RelayStore.PushRegistration.HELD_BY_ANOTHER_CLINIC) {
                error(409, "ws.pushTokenTaken");
            } else {
                synchronized (this) {
                    send(Frames.pushRegistered(token));
                }
            }
        });
    }

    private void respond(JsonNode frame) {
        String corr = frame.path("corr").asText("");
        int status = frame.path("status").asInt(0);
        if (corr.isEmpty() || status < 100 || status > 599) {
            error(400, "ws.badResponse");
            return;
        }
        hub.answered(clinicId, corr, new SyncAnswer(status,
                frame.path("contentType").asText("application/json"), frame.path("body").asText("")));
    }

    synchronized void sendRequest(String corr, byte[] sealed) {
        send(Frames.request(corr, sealed));
    }

    private void error(int status, String key) {
        synchronized (this) {
            send(Frames.error("RELAY-" + status, messages.get(key)));
        }
    }

    /** Called under the lock. */
    private void send(String frame) {
        if (session == null || closed) {
            return;
        }
        session.sendText(frame, Callback.from(() -> { }, e -> LOG.debug("send to {} failed: {}", clinicId,
                e.toString())));
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        lastHeard = clock.instant();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        lastHeard = clock.instant();
        Session s = session;
        if (s != null) {
            s.sendPong(payload, Callback.NOOP);
        }
    }

    /** Pings, or closes a socket silent longer than {@code idleTimeout} or whose clinic was revoked. */
    void keepAlive(Duration idleTimeout) {
        Session s;
        synchronized (this) {
            s = session;
            if (s == null || closed) {
                return;
            }
        }
        if (Duration.between(lastHeard, clock.instant()).compareTo(idleTimeout) > 0) {
            LOG.info("clinic {} silent for over {}: closing", clinicId, idleTimeout);
            close(1000, "idle");
            return;
        }
        if (!hub.stillActive(clinicId)) {
            LOG.info("clinic {} revoked: closing", clinicId);
            close(1008, "revoked");
            return;
        }
        s.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    }

    void replaced() {
        LOG.info("clinic {}: older connection replaced", clinicId);
        close(CLOSE_REPLACED, "replaced by a newer connection");
    }

    void shutdown() {
        close(1001, "relay shutting down");
    }

    private void close(int code, String reason) {
        Session s;
        synchronized (this) {
            if (closed || session == null) {
                return;
            }
            closed = true;
            s = session;
        }
        s.close(code, reason, Callback.NOOP);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        synchronized (this) {
            closed = true;
        }
        hub.detach(this);
        LOG.info("clinic {} disconnected ({}), {} unacknowledged", clinicId, statusCode, inFlightCount());
    }

    private synchronized int inFlightCount() {
        return inFlight.size();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("clinic {} socket error: {}", clinicId, cause.toString());
    }
}
