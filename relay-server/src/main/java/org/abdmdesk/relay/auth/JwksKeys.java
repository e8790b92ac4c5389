package org.abdmdesk.relay.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's RSA signing keys, fetched from its JWKS URL and cached. An unknown {@code kid} causes at most one
 * refetch per kid per {@code unknownKidRefetchInterval}, so forged tokens with random kids cannot make the relay
 * hammer the gateway. The whole set is refetched after {@code cacheTtl}.
 */
public final class JwksKeys {
    private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);
    private static final int MAX_REMEMBERED_KIDS = 10_000;

    private final URI url;
    private final Duration cacheTtl;
    private final Duration unknownKidRefetchInterval;
    private final Duration fetchTimeout;
    private final Clock clock;
    private final HttpClient http;
    private final AtomicLong fetches = new AtomicLong();
    private final Map<String, Instant> refetchedForKid = new HashMap<>();
    private Map<String, RSAPublicKey> keys = Map.of();
    private Instant fetchedAt = Instant.MIN;

    public JwksKeys(URI url, Duration cacheTtl, Duration unknownKidRefetchInterval, Duration fetchTimeout, Clock clock) {
        this.url = url;
        this.cacheTtl = cacheTtl;
        this.unknownKidRefetchInterval = unknownKidRefetchInterval;
        this.fetchTimeout = fetchTimeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(fetchTimeout).build();
    }

    /** The key with this kid, fetching the JWKS if the cache is stale or (rate-limited) the kid is new. */
    public synchronized Optional<RSAPublicKey> key(String kid) {
        Instant now = clock.instant();
        if (fetchedAt.plus(cacheTtl).isBefore(now)) {
            fetch(now);
        }
        RSAPublicKey key = keys.get(kid);
        if (key != null) {
            return Optional.of(key);
        }
        Instant last = refetchedForKid.get(kid);
        if (last != null && last.plus(unknownKidRefetchInterval).isAfter(now)) {
            return Optional.empty();
        }
        if (refetchedForKid.size() >= MAX_REMEMBERED_KIDS) {
            refetchedForKid.clear();
        }
        refetchedForKid.put(kid, now);
        fetch(now);
        return Optional.ofNullable(keys.get(kid));
    }

    /** How many times the JWKS was fetched (tests and metrics). */
    public long fetchCount() {
        return fetches.get();
    }

    private void fetch(Instant now) {
        fetches.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(fetchTimeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("JWKS fetch from {} answered {}", url, response.statusCode());
                return;
            }
            Map<String, RSAPublicKey> fresh = new HashMap<>();
            for (JWK jwk : JWKSet.parse(response.body()).getKeys()) {
                if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null) {
                    fresh.put(jwk.getKeyID(), rsa.toRSAPublicKey());
                }
            }
            keys = Map.copyOf(fresh);
            fetchedAt = now;
            LOG.info("JWKS fetched from {}: {} RSA keys", url, fresh.size());
        } catch (IOException | ParseException | com.nimbusds.jose.JOSEException e) {
            LOG.warn("JWKS fetch from {} failed: {}", url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
