package org.abdmdesk.engine.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A clinic's bridge for tests: a loopback JDK HTTP server that records every call it receives and
 * answers with scripted statuses (202 once the script is used up), optionally holding its answers
 * until released.
 */
final class TestBridge implements AutoCloseable {

    /** One call as the bridge received it; header names match case-insensitively. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Integer> script = new LinkedBlockingQueue<>();
    private final BlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private TestBridge(HttpServer server) {
        this.server = server;
    }

    static TestBridge start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            TestBridge bridge = new TestBridge(server);
            server.setExecutor(bridge.executor);
            server.createContext("/", bridge::handle);
            server.start();
            return bridge;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT} (no trailing slash), the bridge base URL to register. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next calls get these statuses, in order; after that, 202. */
    void answer(int... statuses) {
        for (int s : statuses) {
            script.add(s);
        }
    }

    /** Calls are recorded at once but answered only after {@code release} counts down. */
    void holdAnswersUntil(CountDownLatch release) {
        this.hold = release;
    }

    /** The next call not yet taken, waiting at most {@code timeout}. */
    Received next(Duration timeout) throws InterruptedException {
        Received r = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("the bridge received nothing within " + timeout);
        }
        return r;
    }

    /** A call within {@code timeout}, if any (for asserting that nothing arrives). */
    Optional<Received> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
            received.add(r);
            arrivals.add(r);
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Integer status = script.poll();
            exchange.sendResponseHeaders(status == null ? 202 : status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
