package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class SessionAndHeadersTest extends SimulatorTestBase {

    @Test
    void sessionGivesABearerTokenForTwentyMinutes() {
        Reply r = client.requestSession("abdm-desk-demo", "demo-secret");

        assertThat(r.status()).isEqualTo(202);
        JsonNode body = r.json();
        assertThat(body.get("accessToken").asText()).hasSizeGreaterThan(20);
        assertThat(body.get("expiresIn").asInt()).isEqualTo(1200);
        assertThat(body.get("refreshExpiresIn").asInt()).isEqualTo(1800);
        assertThat(body.get("refreshToken").asText()).isNotBlank();
        assertThat(body.get("tokenType").asText()).isEqualTo("bearer");
    }

    @Test
    void wrongSecretIsRefusedWith401() {
        Reply r = client.requestSession("abdm-desk-demo", "wrong");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").get("code").asText()).startsWith("ABDM-");
        assertThat(r.json().has("accessToken")).isFalse();
    }

    @Test
    void sessionWithoutGrantTypeIsAFieldMap400() {
        Reply r = client.send("POST", java.net.URI.create(sim.gatewayBaseUrl() + "/gateway/v3/sessions"),
                client.standardHeaders(), SimClient.json(Map.of("clientId", "abdm-desk-demo", "clientSecret", "x")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("grantType").asText()).isNotBlank();
        assertThat(r.json().get("timestamp").asText()).matches("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void tokenExpiresAfterTwentyMinutesOfTheInjectedClock() {
        assertThat(client.get("/v3/profile/public/certificate").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1199));
        assertThat(client.get("/v3/profile/public/certificate").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        Reply expired = client.get("/v3/profile/public/certificate");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("code").asText()).isEqualTo("900901");
    }

    @Test
    void unknownOrMissingTokenIs900901() {
        Map<String, String> h = client.standardHeaders();
        h.put("Authorization", "Bearer not-a-token");
        Reply unknown = client.send("GET", client.abha("/v3/profile/public/certificate"), h, null);
        h.remove("Authorization");
        Reply missing = client.send("GET", client.abha("/v3/profile/public/certificate"), h, null);

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo("900901");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.errorCode()).isEqualTo("900901");
    }

    @Test
    void timestampMustBeUtcWithMillisAndNearTheClock() {
        String[] bad = {"2026-03-02T05:30:00Z", "2026-03-02T11:00:00.000+05:30", "2026-03-02 05:30:00",
            "2026-03-02T05:40:00.000Z", ""};
        for (String ts : bad) {
            Map<String, String> h = client.authHeaders();
            h.put("TIMESTAMP", ts);
            Reply r = client.send("GET", client.abha("/v3/profile/public/certificate"), h, null);
            assertThat(r.status()).as(ts).isEqualTo(400);
            assertThat(r.json().get("error").get("code").asText()).as(ts).isEqualTo("ABDM-1016: ");
            assertThat(r.json().get("error").get("message").asText()).isEqualTo("Invalid Timestamp");
        }
        Map<String, String> ok = client.authHeaders();
        ok.put("TIMESTAMP", "2026-03-02T05:33:00.000Z");
        assertThat(client.send("GET", client.abha("/v3/profile/public/certificate"), ok, null).status())
                .isEqualTo(200);
    }

    @Test
    void requestIdMustBeAUuid() {
        Map<String, String> h = client.authHeaders();
        h.remove("REQUEST-ID");
        Reply missing = client.send("GET", client.abha("/v3/profile/public/certificate"), h, null);
        h.put("REQUEST-ID", "12345");
        Reply notUuid = client.send("GET", client.abha("/v3/profile/public/certificate"), h, null);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).startsWith("ABDM-1032");
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(notUuid.errorCode()).startsWith("ABDM-1032");
    }

    @Test
    void certificateIsAnRsa4096SpkiThatTheSimulatorDecrypts() throws Exception {
        JsonNode cert = client.get("/v3/profile/public/certificate").json();
        assertThat(cert.get("encryptionAlgorithm").asText()).isEqualTo("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(cert.get("publicKey").asText())));
        assertThat(((RSAPublicKey) key).getModulus().bitLength()).isEqualTo(4096);

        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        c.init(Cipher.ENCRYPT_MODE, key);
        String enc = Base64.getEncoder().encodeToString(c.doFinal(SeedData.AADHAAR_NEW.getBytes(StandardCharsets.UTF_8)));
        Reply r = client.post("/v3/enrollment/request/otp", Map.of("scope", new String[] {"abha-enrol"},
                "loginHint", "aadhaar", "loginId", enc, "otpSystem", "aadhaar"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("message").asText()).endsWith("******3210");
        assertThat(sim.otpInbox().latestFor(SeedData.AADHAAR_NEW_MOBILE)).isPresent();
    }

    @Test
    void fieldsThatDoNotDecryptAreRefused() throws Exception {
        Reply plain = client.post("/v3/enrollment/request/otp", Map.of("scope", new String[] {"abha-enrol"},
                "loginHint", "aadhaar", "loginId", SeedData.AADHAAR_NEW, "otpSystem", "aadhaar"));

        JsonNode cert = client.get("/v3/profile/public/certificate").json();
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(cert.get("publicKey").asText())));
        Cipher pkcs1 = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        pkcs1.init(Cipher.ENCRYPT_MODE, key);
        String v1 = Base64.getEncoder().encodeToString(pkcs1.doFinal(SeedData.AADHAAR_NEW.getBytes(StandardCharsets.UTF_8)));
        Reply oldPadding = client.post("/v3/enrollment/request/otp", Map.of("scope", new String[] {"abha-enrol"},
                "loginHint", "aadhaar", "loginId", v1, "otpSystem", "aadhaar"));

        for (Reply r : new Reply[] {plain, oldPadding}) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("loginId").asText()).contains("could not be decrypted");
        }
        assertThat(sim.otpInbox().all()).isEmpty();
    }

    @Test
    void malformedJsonIsAFieldMap400() {
        Reply r = client.post("/v3/enrollment/request/otp", "{\"scope\": [\"abha-enrol\"");
        Reply missing = client.post("/v3/enrollment/request/otp", Map.of("loginHint", "aadhaar"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("body").asText()).isEqualTo("Malformed JSON request");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().fieldNames()).toIterable().contains("scope", "loginId", "otpSystem", "timestamp");
    }

    @Test
    void bodiesOverOneMebibyteGet413() {
        String huge = "{\"pad\":\"" + "x".repeat(Router.MAX_BODY + 10) + "\"}";
        Reply r = client.post("/v3/enrollment/request/otp", huge);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("code").asText()).isEqualTo("413");
        assertThat(sim.requests().count("POST", "/v3/enrollment/request/otp")).isEqualTo(1);
        assertThat(sim.requests().all().getLast().body()).isEmpty();
    }

    @Test
    void unknownPathsAndWrongMethodsGetStatusReports() {
        Reply unknown = client.get("/v3/no/such/thing");
        Reply wrongMethod = client.get("/v3/enrollment/request/otp");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("Status report");
        assertThat(wrongMethod.status()).isEqualTo(405);
    }

    @Test
    void requestLogKeepsWhatArrivedOnTheWire() {
        client.enrolmentOtp(SeedData.AADHAAR_NEW);

        RecordedRequest last = sim.requests().last("POST", "/request/otp").orElseThrow();
        assertThat(last.path()).isEqualTo("/abha/api/v3/enrollment/request/otp");
        assertThat(last.header("request-id")).isPresent();
        assertThat(last.header("Authorization").orElseThrow()).startsWith("Bearer ");
        assertThat(last.body()).contains("\"loginHint\":\"aadhaar\"").doesNotContain(SeedData.AADHAAR_NEW);
        assertThat(sim.requests().count("POST", "/gateway/v3/sessions")).isEqualTo(1);
        assertThat(sim.requests().count("GET", "/v3/profile/public/certificate")).isEqualTo(1);
    }
}
