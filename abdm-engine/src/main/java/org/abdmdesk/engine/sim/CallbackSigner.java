package org.abdmdesk.engine.sim;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Mints the bearer JWTs the ABDM gateway puts on its callbacks to a bridge ({@code Authorization:
 * Bearer <JWT>}): RS256, header {@code kid} and {@code typ JWT}, claims {@code iss} {@value #ISSUER},
 * {@code sub} {@code gateway}, {@code aud} [{@value #AUDIENCE}], {@code iat}, {@code exp} = iat + 20 min,
 * and a random {@code jti}.
 *
 * <p>The simulator signs with {@link #gateway()}, whose public key it serves at
 * {@link AbdmSimulator#jwksUrl()}. Tests of a bridge or relay use this class to make tokens of every
 * kind without starting a simulator:
 * <pre>{@code
 * CallbackSigner gw = CallbackSigner.gateway();
 * gw.token(now);                                              // valid against the simulator's JWKS
 * gw.expiredToken(now);                                       // exp one minute before now
 * gw.token(now, CallbackSigner.LIFETIME, List.of("other"));   // wrong audience
 * gw.withKeyId("unknown-kid").token(now);                     // right key, kid not in the JWKS
 * CallbackSigner.withNewKey("forged").token(now);             // a key the JWKS does not have
 * CallbackSigner.withNewKey("k2").publicJwksJson();           // serve a JWKS of your own
 * }</pre>
 * Instances are immutable and thread-safe.
 */
public final class CallbackSigner {
    /** Keycloak's default audience, which bridges check (abdm-gateway-v3.md section 1.4). */
    public static final String AUDIENCE = "account";
    public static final String ISSUER = "abdm-desk-simulator";
    /** How long a callback token lives, like the gateway's 20-minute access tokens. */
    public static final Duration LIFETIME = Duration.ofMinutes(20);

    /** The key, resolved on first use: the gateway key may still be being generated in the background. */
    private final Supplier<RSAKey> key;

    private CallbackSigner(Supplier<RSAKey> key) {
        this.key = key;
    }

    /**
     * The simulated gateway's own key (one per JVM): what every simulator signs with and serves as JWKS.
     * Returns at once; the key is generated in the background and waited for on first use.
     */
    public static CallbackSigner gateway() {
        GatewayKeys.warmUp();
        return new CallbackSigner(GatewayKeys::signingKey);
    }

    /** A brand-new RSA-2048 key with this {@code kid}, known to no simulator: its tokens are forgeries. */
    public static CallbackSigner withNewKey(String kid) {
        RSAKey fresh = GatewayKeys.generate(requireText(kid));
        return new CallbackSigner(() -> fresh);
    }

    /** The same key under another {@code kid} (a bridge must refuse a kid its JWKS does not list). */
    public CallbackSigner withKeyId(String kid) {
        requireText(kid);
        return new CallbackSigner(() -> new RSAKey.Builder(key.get()).keyID(kid).build());
    }

    public String keyId() {
        return key.get().getKeyID();
    }

    /** A valid token issued at {@code now}: audience {@value #AUDIENCE}, expiring {@link #LIFETIME} later. */
    public String token(Instant now) {
        return token(now, LIFETIME, List.of(AUDIENCE));
    }

    /** A token that expired one minute before {@code now} (issued 21 minutes before). */
    public String expiredToken(Instant now) {
        return token(now.minus(LIFETIME).minus(Duration.ofMinutes(1)), LIFETIME, List.of(AUDIENCE));
    }

    /** A token with any issue time, lifetime and audience. */
    public String token(Instant issuedAt, Duration lifetime, List<String> audience) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("gateway").audience(audience)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString()).build();
        RSAKey k = key.get();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(k));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a callback token", e);
        }
        return jwt.serialize();
    }

    /** {@code {"keys":[{kty, e, use, kid, alg, n}]}}: the public half only, as a JSON-ready map. */
    public Map<String, Object> publicJwks() {
        return new JWKSet(key.get().toPublicJWK()).toJSONObject(true);
    }

    /** {@link #publicJwks()} as JSON text. */
    public String publicJwksJson() {
        return new JWKSet(key.get().toPublicJWK()).toString(true);
    }

    private static String requireText(String kid) {
        Objects.requireNonNull(kid, "kid");
        if (kid.isBlank()) {
            throw new IllegalArgumentException("kid is blank");
        }
        return kid;
    }

    @Override
    public String toString() {
        return "CallbackSigner[kid=" + keyId() + "]";
    }
}
