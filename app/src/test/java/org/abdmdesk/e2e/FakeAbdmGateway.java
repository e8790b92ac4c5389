package org.abdmdesk.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.abdmdesk.engine.sim.CallbackSigner;

/**
 * ABDM's side of the relay for end-to-end tests: serves the gateway's JWKS on a JDK HTTP server (loopback) and
 * sends callbacks signed with the simulator's {@link CallbackSigner}, one fresh key per instance.
 */
final class FakeAbdmGateway implements AutoCloseable {
    /** The path the callbacks go to. */
    static final String SHARE_PATH = "/api/v3/hip/patient/share";

    private final CallbackSigner signer = CallbackSigner.withNewKey("e2e-gw");
    private final HttpServer jwks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String token;

    FakeAbdmGateway() throws IOException {
        byte[] body = signer.publicJwksJson().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        token = signer.token(Instant.now());
    }

    URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs");
    }

    /**
     * POSTs one signed share callback for {@code hipId}; returns the HTTP status.
     *
     * @throws IOException when no answer came (connection refused or reset, timeout)
     */
    int sendShare(URI relay, String hipId, String requestId, int n) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(relay.resolve(SHARE_PATH)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token).header("REQUEST-ID", requestId)
                .header("TIMESTAMP", Instant.now().toString()).header("X-HIP-ID", hipId).header("X-CM-ID", "sbx")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"intent\":\"PROFILE_SHARE\",\"n\":" + n + "}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** GET {@code /metrics} as text. */
    String metrics(URI relay) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(relay.resolve("/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        jwks.stop(0);
        http.close();
    }
}
