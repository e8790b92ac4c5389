package org.abdmdesk.relay.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the gateway's {@code Authorization: Bearer <JWT>} on a callback: RS256 only, signature by the JWKS key
 * named by {@code kid}, {@code aud} containing the configured audience, {@code exp} present and in the future
 * (with a small clock skew), {@code nbf} if present not in the future. A token that passed is remembered by its
 * exact text ({@link VerifiedTokens}) until it expires, at most {@link #MAX_CACHE_AGE}: the gateway reuses one token
 * for many callbacks, and re-verifying the same bytes would only repeat the same answer.
 */
public final class GatewayJwtVerifier {
    /** Why a token was refused; the value names the metrics label. */
    public enum Rejection { MISSING, MALFORMED, ALGORITHM, UNKNOWN_KID, SIGNATURE, EXPIRED, AUDIENCE }

    /** A verified token is trusted again without checking for at most this long (JWKS key withdrawal). */
    static final java.time.Duration MAX_CACHE_AGE = java.time.Duration.ofMinutes(5);
    private static final int CACHE_CAPACITY = 4_096;

    private final VerifiedTokens verified = new VerifiedTokens(CACHE_CAPACITY);
    private final JwksKeys keys;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;

    public GatewayJwtVerifier(JwksKeys keys, String audience, Duration clockSkew, Clock clock) {
        this.keys = keys;
        this.audience = audience;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** Empty if the header carries a valid gateway token, else the reason for refusing it. */
    public Optional<Rejection> verify(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(Rejection.MISSING);
        }
        String token = authorizationHeader.substring(7).trim();
        if (verified.contains(token, clock.instant())) {
            return Optional.empty();
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            // also unsecured ("alg":"none") tokens: they are not JWS objects
            return Optional.of(Rejection.MALFORMED);
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return Optional.of(Rejection.ALGORITHM);
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            return Optional.of(Rejection.UNKNOWN_KID);
        }
        Optional<RSAPublicKey> key = keys.key(kid);
        if (key.isEmpty()) {
            return Optional.of(Rejection.UNKNOWN_KID);
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(key.get()))) {
                return Optional.of(Rejection.SIGNATURE);
            }
        } catch (JOSEException e) {
            return Optional.of(Rejection.SIGNATURE);
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Optional.of(Rejection.MALFORMED);
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().plus(clockSkew).isAfter(now)) {
            return Optional.of(Rejection.EXPIRED);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(clockSkew).isAfter(now)) {
            return Optional.of(Rejection.EXPIRED);
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(audience)) {
            return Optional.of(Rejection.AUDIENCE);
        }
        Instant expires = exp.toInstant().plus(clockSkew);
        Instant maxAge = now.plus(MAX_CACHE_AGE);
        verified.remember(token, expires.isBefore(maxAge) ? expires : maxAge);
        return Optional.empty();
    }
}
