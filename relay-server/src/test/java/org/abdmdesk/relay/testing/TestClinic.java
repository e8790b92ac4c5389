package org.abdmdesk.relay.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A workstation for tests: one WebSocket to the relay, frames queued as they arrive, waits with deadlines. */
public final class TestClinic implements Session.Listener.AutoDemanding, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocketClient client;
    private volatile Session session;

    private TestClinic(WebSocketClient client) {
        this.client = client;
    }

    /** Connects with {@code Authorization: Bearer <credential>}; fails with the upgrade error if refused. */
    public static TestClinic connect(URI relay, String credential) throws Exception {
        WebSocketClient client = new WebSocketClient();
        client.start();
        TestClinic clinic = new TestClinic(client);
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setHeader("Authorization", "Bearer " + credential);
        URI ws = URI.create(relay.toString().replaceFirst("^http", "ws") + "/ws");
        try {
            client.connect(clinic, ws, request).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.stop();
            throw e;
        }
        return clinic;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
    }

    @Override
    public void onWebSocketText(String message) {
        try {
            frames.add(JSON.readTree(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closeCode.complete(statusCode);
    }

    /** The next frame, waiting up to 10 s. */
    public JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return frame;
    }

    /** The next frame of the given type, skipping none: fails if another type arrives first. */
    public JsonNode next(String type) throws InterruptedException {
        JsonNode frame = next();
        if (!type.equals(frame.path("type").asText())) {
            throw new AssertionError("expected a " + type + " frame, got " + frame);
        }
        return frame;
    }

    /** Frames already received and not taken. */
    public int queued() {
        return frames.size();
    }

    public void send(String json) {
        session.sendText(json, Callback.NOOP);
    }

    public void ack(long seq) {
        send("{\"type\":\"ack\",\"seq\":" + seq + "}");
    }

    /** The close code, waiting up to 10 s. */
    public int awaitClose() throws Exception {
        return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(1000, "bye", Callback.NOOP);
            try {
                closeCode.get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the relay may already be gone
            }
        }
        client.stop();
    }
}
