package org.abdmdesk.relay.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.abdmdesk.relay.testing.FakeGateway;
import org.abdmdesk.relay.testing.RelayFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callback JWT checks against a real relay and a local JWKS server: 401 and nothing stored unless valid. */
class GatewayJwtIntegrationTest {
    private static final String BODY = "{\"intent\":\"PROFILE_SHARE\"}";
    @TempDir
    Path tmp;
    private RelayFixture f;

    @BeforeEach
    void start() throws Exception {
        f = RelayFixture.start(tmp);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private HttpResponse<String> callbackWith(String token) throws Exception {
        return f.post("/api/v3/hip/patient/share", token, "X-HIP-ID", "IN-HIP-A", BODY);
    }

    private void assertRefusedAndNothingStored(HttpResponse<String> response) throws Exception {
        assertRefused(response, 0);
    }

    private void assertRefused(HttpResponse<String> response, long rowsBefore) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"RELAY-401\"");
        assertThat(f.storedRows(f.a.id())).isEqualTo(rowsBefore);
    }

    @Test
    void aValidTokenIsAccepted() throws Exception {
        HttpResponse<String> response = callbackWith(f.gateway.token());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(f.storedRows(f.a.id())).isEqualTo(1);
    }

    @Test
    void aMissingTokenIsRefused() throws Exception {
        assertRefusedAndNothingStored(callbackWith(null));
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        RSAKey impostor = FakeGateway.newKey(f.gateway.key().getKeyID());
        String forged = FakeGateway.sign(impostor, FakeGateway.claims(List.of("account"),
                Instant.now().plus(Duration.ofMinutes(5))));

        assertRefusedAndNothingStored(callbackWith(forged));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String expired = FakeGateway.sign(f.gateway.key(), FakeGateway.claims(List.of("account"),
                Instant.now().minus(Duration.ofMinutes(5))));

        assertRefusedAndNothingStored(callbackWith(expired));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertRefusedAndNothingStored(callbackWith(FakeGateway.sign(f.gateway.key(),
                FakeGateway.claims(List.of("account"), null))));
    }

    @Test
    void aWrongAudienceIsRefused() throws Exception {
        String wrongAudience = FakeGateway.sign(f.gateway.key(), FakeGateway.claims(List.of("phr", "abha"),
                Instant.now().plus(Duration.ofMinutes(5))));

        assertRefusedAndNothingStored(callbackWith(wrongAudience));
    }

    @Test
    void anUnknownKidCausesExactlyOneJwksRefetch() throws Exception {
        assertThat(callbackWith(f.gateway.token()).statusCode()).isEqualTo(202);
        int fetchesAfterWarmUp = f.gateway.jwksRequests();
        RSAKey unpublished = FakeGateway.newKey("gw-unknown");
        String token = FakeGateway.sign(unpublished, FakeGateway.claims(List.of("account"),
                Instant.now().plus(Duration.ofMinutes(5))));

        assertRefused(callbackWith(token), 1);
        assertRefused(callbackWith(token), 1);
        assertRefused(callbackWith(token), 1);

        assertThat(f.gateway.jwksRequests()).isEqualTo(fetchesAfterWarmUp + 1);
    }

    @Test
    void aRotatedKeyIsPickedUpByTheRefetch() throws Exception {
        assertThat(callbackWith(f.gateway.token()).statusCode()).isEqualTo(202);
        RSAKey rotated = FakeGateway.newKey("gw-2");
        f.gateway.publish(rotated);

        HttpResponse<String> response = callbackWith(FakeGateway.sign(rotated,
                FakeGateway.claims(List.of("account"), Instant.now().plus(Duration.ofMinutes(5)))));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(f.storedRows(f.a.id())).isEqualTo(2);
    }

    @Test
    void anUnsecuredAlgNoneTokenIsRefused() throws Exception {
        String none = new PlainJWT(FakeGateway.claims(List.of("account"),
                Instant.now().plus(Duration.ofMinutes(5)))).serialize();

        assertRefusedAndNothingStored(callbackWith(none));
    }

    @Test
    void anHs256TokenKeyedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKeyAsSecret = f.gateway.key().toRSAPublicKey().getEncoded();
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(f.gateway.key().getKeyID()).build(),
                FakeGateway.claims(List.of("account"), Instant.now().plus(Duration.ofMinutes(5))));
        hs.sign(new MACSigner(publicKeyAsSecret));

        assertRefusedAndNothingStored(callbackWith(hs.serialize()));
        assertThat(f.relay().metrics().rejectedCount("jwt_algorithm")).isEqualTo(1);
    }
}
