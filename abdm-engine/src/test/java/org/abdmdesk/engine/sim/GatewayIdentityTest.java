package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's signing key, served as JWKS, and the callback JWTs a bridge verifies against it. */
class GatewayIdentityTest extends SimulatorTestBase {

    @Test
    void certsServeThePublicRs256KeyWithoutAnyHeaders() throws Exception {
        JWKSet jwks = GatewayJwts.fetch(sim.jwksUrl());

        assertThat(sim.jwksUrl()).isEqualTo(URI.create(sim.gatewayBaseUrl() + "/gateway/v3/certs"));
        assertThat(jwks.getKeys()).hasSize(1);
        JWK key = jwks.getKeys().getFirst();
        Map<String, Object> json = key.toJSONObject();
        assertThat(json).containsKeys("kid", "kty", "alg", "use", "n", "e").doesNotContainKeys("d", "p", "q");
        assertThat(json).containsEntry("kty", "RSA").containsEntry("alg", "RS256").containsEntry("use", "sig")
                .containsEntry("e", "AQAB");
        assertThat(key.isPrivate()).isFalse();
        assertThat(((RSAKey) key).toRSAPublicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(key.getKeyID()).isEqualTo(sim.callbackSigner().keyId()).isNotBlank();
    }

    @Test
    void openIdConfigurationPointsAtTheJwks() {
        Reply r = client.send("GET", client.gateway("/gateway/v3/.well-known/openid-configuration"), Map.of(), null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("jwks_uri").asText()).isEqualTo(sim.jwksUrl().toString());
    }

    @Test
    void aSignedTokenVerifiesWithKidRs256AudienceAccountAndTwentyMinutes() throws Exception {
        Instant now = Instant.now();
        String token = sim.callbackSigner().token(now);

        JWTClaimsSet claims = GatewayJwts.verify(token, GatewayJwts.fetch(sim.jwksUrl()));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(sim.callbackSigner().keyId());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(claims.getAudience()).containsExactly("account");
        assertThat(claims.getIssuer()).isEqualTo(CallbackSigner.ISSUER);
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(20));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void theSameKeyServesEverySimulatorInTheJvm() throws Exception {
        try (AbdmSimulator other = AbdmSimulator.start(SimulatorConfig.defaults())) {
            assertThat(GatewayJwts.fetch(other.jwksUrl()).getKeys().getFirst().getKeyID())
                    .isEqualTo(GatewayJwts.fetch(sim.jwksUrl()).getKeys().getFirst().getKeyID());
        }
    }

    @Test
    void forgedTokensDoNotVerifyAndBadClaimsAreVisible() throws Exception {
        JWKSet jwks = GatewayJwts.fetch(sim.jwksUrl());
        Instant now = Instant.now();

        assertThatThrownBy(() -> GatewayJwts.verify(CallbackSigner.withNewKey("forged").token(now), jwks))
                .isInstanceOf(JOSEException.class).hasMessageContaining("unknown kid forged");
        CallbackSigner sameKid = CallbackSigner.withNewKey(sim.callbackSigner().keyId());
        assertThatThrownBy(() -> GatewayJwts.verify(sameKid.token(now), jwks)).hasMessageContaining("bad signature");
        assertThatThrownBy(() -> GatewayJwts.verify(sim.callbackSigner().withKeyId("rotated").token(now), jwks))
                .hasMessageContaining("unknown kid rotated");

        JWTClaimsSet expired = GatewayJwts.verify(sim.callbackSigner().expiredToken(now), jwks);
        assertThat(expired.getExpirationTime().toInstant()).isBefore(now);
        JWTClaimsSet other = GatewayJwts.verify(
                sim.callbackSigner().token(now, CallbackSigner.LIFETIME, List.of("somebody-else")), jwks);
        assertThat(other.getAudience()).containsExactly("somebody-else");
    }

    @Test
    void aSignerPublishesItsOwnJwksForRelayTests() throws Exception {
        CallbackSigner own = CallbackSigner.withNewKey("relay-test");
        JWKSet published = JWKSet.parse(own.publicJwksJson());

        assertThat(GatewayJwts.verify(own.token(Instant.now()), published).getAudience()).containsExactly("account");
        assertThat(published.getKeys().getFirst().isPrivate()).isFalse();
        assertThat(own.publicJwks()).containsKey("keys");
        JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(own.publicJwksJson());
        assertThat(node.get("keys").get(0).has("d")).isFalse();
    }
}
