package org.abdmdesk.engine.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A relay for tests: a real WebSocket server on a loopback port (MockWebServer's upgrade support)
 * that checks the bearer credential, sends the welcome, and lets the test script each connection:
 * deliver sealed messages, read the frames the workstation sends, close with a code, drop the socket.
 */
final class FakeRelay implements AutoCloseable {
    static final String CLINIC_ID = "c_abcdefghijklmnop";
    static final String CREDENTIAL = CLINIC_ID + ".c2VjcmV0LXNlY3JldC1zZWNyZXQ";
    static final long WAIT_SECONDS = 10;

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final byte[] clinicPublic;
    private final BlockingQueue<Conn> connections = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedDeque<Integer> refusals = new ConcurrentLinkedDeque<>();
    private final List<RecordedRequest> upgrades = new CopyOnWriteArrayList<>();
    private volatile Consumer<JsonNode> onFrame = frame -> { };
    private final CuttableProxy proxy;

    FakeRelay(byte[] clinicPublic) {
        this.clinicPublic = clinicPublic;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                upgrades.add(request);
                Integer refusal = refusals.poll();
                if (refusal != null) {
                    return new MockResponse.Builder().code(refusal).body("{\"error\":{\"code\":\"RELAY-" + refusal
                            + "\",\"message\":\"refused\"}}").build();
                }
                if (!("Bearer " + CREDENTIAL).equals(request.getHeaders().get("Authorization"))) {
                    return new MockResponse.Builder().code(401).build();
                }
                Conn conn = new Conn();
                return new MockResponse.Builder().webSocketUpgrade(conn).build();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        proxy = new CuttableProxy(server.getPort());
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + proxy.port() + "/ws");
    }

    /** The next upgrade attempts are answered with these HTTP statuses instead of a WebSocket. */
    void refuseNext(int... statuses) {
        for (int status : statuses) {
            refusals.add(status);
        }
    }

    /** Called on the relay's reader thread as each frame from the workstation arrives. */
    void onFrame(Consumer<JsonNode> hook) {
        this.onFrame = hook;
    }

    List<RecordedRequest> upgrades() {
        return upgrades;
    }

    /** The next workstation connection (already welcomed). */
    Conn nextConnection() throws InterruptedException {
        Conn conn = connections.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (conn == null) {
            throw new AssertionError("the workstation did not connect");
        }
        return conn;
    }

    String seal(String plaintext) {
        return TestSealer.seal(clinicPublic, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    String envelope(String requestId, String path, String body) {
        ObjectNode headers = json.createObjectNode();
        if (requestId != null) {
            headers.put("request-id", requestId);
        }
        headers.put("X-HIP-ID", "IN3210000018");
        return json.createObjectNode().put("method", "POST").put("path", path).put("query", "")
                .<ObjectNode>set("headers", headers).put("body", body).put("receivedAt", "2026-11-25T04:00:00.123Z")
                .toString();
    }

    /** Cuts every TCP connection between the workstation and the relay, without a close frame. */
    void cutNetwork() {
        proxy.cutAll();
    }

    @Override
    public void close() {
        proxy.close();
        server.close();
    }

    /** One accepted WebSocket, seen from the relay. */
    final class Conn extends WebSocketListener {
        private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        private volatile WebSocket socket;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            webSocket.send("{\"type\":\"welcome\",\"clinicId\":\"" + CLINIC_ID + "\",\"protocol\":1}");
            connections.add(this);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            try {
                JsonNode frame = json.readTree(text);
                onFrame.accept(frame);
                received.add(frame);
                frames.add(frame);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            closedWith.complete(code);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            closedWith.complete(-1);
        }

        void send(String frame) {
            socket.send(frame);
        }

        void deliver(long seq, String sealed) {
            send("{\"type\":\"deliver\",\"seq\":" + seq + ",\"kind\":\"callback\",\"receivedAt\":"
                    + "\"2026-11-25T04:00:00.123Z\",\"sealed\":\"" + sealed + "\"}");
        }

        /** The next frame from the workstation. */
        JsonNode next() throws InterruptedException {
            JsonNode frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame from the workstation");
            }
            return frame;
        }

        void close(int code, String reason) {
            socket.close(code, reason);
        }

        int awaitClosed() throws Exception {
            return closedWith.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
