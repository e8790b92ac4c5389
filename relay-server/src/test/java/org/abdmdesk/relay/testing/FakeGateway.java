package org.abdmdesk.relay.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The gateway's side for tests: an RSA key served as JWKS on a local JDK HTTP server, and a JWT signer. */
public final class FakeGateway implements AutoCloseable {
    private final HttpServer server;
    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final RSAKey key;

    public FakeGateway() throws IOException, JOSEException {
        key = gatewayKey();
        published.add(key);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gateway/v3/certs", exchange -> {
            jwksRequests.incrementAndGet();
            byte[] body = new JWKSet(published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                    .toList()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    private static RSAKey shared;

    /** One gateway key per test JVM: RSA key generation is slow. */
    private static synchronized RSAKey gatewayKey() throws JOSEException {
        if (shared == null) {
            shared = newKey("gw-1");
        }
        return shared;
    }

    public static RSAKey newKey(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    public URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gateway/v3/certs");
    }

    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** Publishes another key (key rotation). */
    public void publish(RSAKey another) {
        published.add(another);
    }

    public RSAKey key() {
        return key;
    }

    /** A valid gateway token: RS256, kid, aud account, exp in 20 minutes. */
    public String token() {
        return sign(key, claims(List.of("account"), Instant.now().plus(Duration.ofMinutes(20))));
    }

    public static JWTClaimsSet claims(List<String> audience, Instant exp) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer("https://dev.abdm.gov.in/auth/realms/central-registry")
                .subject("gateway").issueTime(new Date()).audience(audience);
        if (exp != null) {
            b.expirationTime(Date.from(exp));
        }
        return b.build();
    }

    public static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
