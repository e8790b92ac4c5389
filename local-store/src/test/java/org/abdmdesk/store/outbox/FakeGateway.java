package org.abdmdesk.store.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.abdmdesk.engine.gateway.AbdmConfig;

/** ABDM's gateway on a loopback port (JDK HTTP server): a sessions endpoint, and on-share answered as told. */
final class FakeGateway implements AutoCloseable {
    static final String ON_SHARE = "patient-share/v3/on-share";

    record Call(String requestId, String hipId, String body) {
    }

    private final HttpServer server;
    private final List<Call> onShareCalls = new CopyOnWriteArrayList<>();
    private volatile IntSupplier onShareStatus = () -> 202;

    FakeGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/gw/gateway/v3/sessions",
                ex -> answer(ex, 200, "{\"accessToken\":\"token-1\",\"expiresIn\":1200}"));
        server.createContext("/gw/" + ON_SHARE, ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            onShareCalls.add(new Call(ex.getRequestHeaders().getFirst("REQUEST-ID"),
                    ex.getRequestHeaders().getFirst("X-HIP-ID"), body));
            answer(ex, onShareStatus.getAsInt(), "");
        });
        server.start();
    }

    void onShareAnswers(IntSupplier status) {
        this.onShareStatus = status;
    }

    List<Call> onShareCalls() {
        return onShareCalls;
    }

    AbdmConfig config() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new AbdmConfig(URI.create(base + "/gw/"), URI.create(base + "/abha"), "sbx", "clinic-1", "s3cret");
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
