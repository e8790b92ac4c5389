package org.abdmdesk.engine.sim;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;

/** What a bridge does with a callback's bearer JWT: fetch the JWKS, pick the key by kid, verify RS256. */
final class GatewayJwts {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayJwts() {
    }

    /** GET the JWKS with no headers at all, as a JWKS fetcher does. */
    static JWKSet fetch(URI jwksUrl) throws IOException, InterruptedException, ParseException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(jwksUrl).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("JWKS answered " + r.statusCode());
        }
        return JWKSet.parse(r.body());
    }

    /** The claims of a token signed RS256 by a key of {@code jwks} named by its kid; throws otherwise. */
    static JWTClaimsSet verify(String token, JWKSet jwks) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new JOSEException("not RS256");
        }
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null) {
            throw new JOSEException("unknown kid " + jwt.getHeader().getKeyID());
        }
        if (!jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
            throw new JOSEException("bad signature");
        }
        return jwt.getJWTClaimsSet();
    }
}
