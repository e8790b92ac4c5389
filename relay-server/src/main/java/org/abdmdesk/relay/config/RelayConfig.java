package org.abdmdesk.relay.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the relay needs to serve, grouped by concern. Built by {@link ConfigLoader} from the command line
 * and an optional properties file; tests build it directly with {@link #defaults}.
 */
public record RelayConfig(Listen listen, Optional<Tls> tls, Path dataDir, Jwt jwt, Limits limits, Delivery delivery,
                          WebSocket webSocket, Sync sync, RateLimits rateLimits) {

    /** Where to listen; port 0 picks a free port. */
    public record Listen(String bind, int port, Duration idleTimeout) {
    }

    /** Jetty-native TLS from a PKCS12 keystore; absent means plain HTTP behind a TLS proxy. */
    public record Tls(Path keystore, String password) {
    }

    /** Gateway JWT checks (§1.4 of the gateway reference). */
    public record Jwt(URI jwksUrl, String audience, Duration clockSkew, Duration jwksCacheTtl,
                      Duration unknownKidRefetchInterval, Duration fetchTimeout) {
    }

    /** Body caps, enforced while reading. */
    public record Limits(int callbackBytes, int pushBytes) {
    }

    /** Delivery window, retention of undelivered messages and how often expiry runs. */
    public record Delivery(int window, Duration retention, Duration sweepInterval) {
    }

    /** WebSocket keep-alive: ping interval and the silence after which a socket is closed. */
    public record WebSocket(Duration pingInterval, Duration idleTimeout) {
    }

    /** Paths answered synchronously by the clinic (not stored) and how long to wait. */
    public record Sync(List<String> paths, Duration deadline) {
    }

    /** Failed WebSocket logins allowed per IP address per window before 429. */
    public record RateLimits(int wsAuthFailures, Duration wsAuthWindow) {
    }

    /** The documented defaults (docs/relay-server.md) for a given data dir and JWKS URL, on loopback port 0. */
    public static RelayConfig defaults(Path dataDir, URI jwksUrl) {
        return new RelayConfig(
                new Listen("127.0.0.1", 0, Duration.ofSeconds(30)),
                Optional.empty(),
                dataDir,
                new Jwt(jwksUrl, "account", Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofMinutes(5),
                        Duration.ofSeconds(5)),
                new Limits(1 << 20, 16 << 20),
                new Delivery(64, Duration.ofDays(7), Duration.ofMinutes(10)),
                new WebSocket(Duration.ofSeconds(20), Duration.ofSeconds(60)),
                new Sync(List.of(), Duration.ofSeconds(10)),
                new RateLimits(10, Duration.ofMinutes(1)));
    }

    public RelayConfig withListen(Listen value) {
        return new RelayConfig(value, tls, dataDir, jwt, limits, delivery, webSocket, sync, rateLimits);
    }

    public RelayConfig withTls(Optional<Tls> value) {
        return new RelayConfig(listen, value, dataDir, jwt, limits, delivery, webSocket, sync, rateLimits);
    }

    public RelayConfig withJwt(Jwt value) {
        return new RelayConfig(listen, tls, dataDir, value, limits, delivery, webSocket, sync, rateLimits);
    }

    public RelayConfig withLimits(Limits value) {
        return new RelayConfig(listen, tls, dataDir, jwt, value, delivery, webSocket, sync, rateLimits);
    }

    public RelayConfig withDelivery(Delivery value) {
        return new RelayConfig(listen, tls, dataDir, jwt, limits, value, webSocket, sync, rateLimits);
    }

    public RelayConfig withWebSocket(WebSocket value) {
        return new RelayConfig(listen, tls, dataDir, jwt, limits, delivery, value, sync, rateLimits);
    }

    public RelayConfig withSync(Sync value) {
        return new RelayConfig(listen, tls, dataDir, jwt, limits, delivery, webSocket, value, rateLimits);
    }

    public RelayConfig withRateLimits(RateLimits value) {
        return new RelayConfig(listen, tls, dataDir, jwt, limits, delivery, webSocket, sync, value);
    }
}
