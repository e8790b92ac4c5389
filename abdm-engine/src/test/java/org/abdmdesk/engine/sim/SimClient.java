package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;

/**
 * A deliberately plain test client (java.net.http) that speaks to the simulator the way the
 * published V3 docs say: REQUEST-ID, TIMESTAMP from the test clock, Bearer session, RSA-OAEP fields.
 */
final class SimClient {
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    final AbdmSimulator sim;
    final MutableClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String session;
    private PublicKey key;

    SimClient(AbdmSimulator sim, MutableClock clock) {
        this.sim = sim;
        this.clock = clock;
    }

    // ---- raw HTTP ----

    Reply send(String method, URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> standardHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("REQUEST-ID", UUID.randomUUID().toString());
        h.put("TIMESTAMP", TIMESTAMP.format(clock.instant()));
        h.put("Content-Type", "application/json");
        return h;
    }

    Map<String, String> authHeaders() {
        Map<String, String> h = standardHeaders();
        h.put("Authorization", "Bearer " + session());
        return h;
    }

    URI abha(String path) {
        return URI.create(sim.abhaBaseUrl() + path);
    }

    Reply post(String path, Object body, String... extraHeaders) {
        Map<String, String> h = authHeaders();
        for (int i = 0; i < extraHeaders.length; i += 2) {
            h.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        return send("POST", abha(path), h, json(body));
    }

    Reply get(String path, String... extraHeaders) {
        Map<String, String> h = authHeaders();
        h.remove("Content-Type");
        for (int i = 0; i < extraHeaders.length; i += 2) {
            h.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        return send("GET", abha(path), h, null);
    }

    static byte[] json(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- HIE-CM gateway (bridge, scan & share) ----

    URI gateway(String path) {
        return URI.create(sim.gatewayBaseUrl() + path);
    }

    /** Session headers plus {@code X-CM-ID: sbx}, as the HIE-CM paths require. */
    Map<String, String> gatewayHeaders() {
        Map<String, String> h = authHeaders();
        h.put("X-CM-ID", "sbx");
        return h;
    }

    Reply patchBridgeUrl(String url) {
        return send("PATCH", gateway("/gateway/v3/bridge/url"), gatewayHeaders(), json(Map.of("url", url)));
    }

    Reply bridgeServices() {
        Map<String, String> h = gatewayHeaders();
        h.remove("Content-Type");
        return send("GET", gateway("/gateway/v3/bridge-services"), h, null);
    }

    Reply onShare(Object body) {
        return send("POST", gateway("/patient-share/v3/on-share"), gatewayHeaders(), json(body));
    }

    /** A SUCCESS on-share for the share with this REQUEST-ID, as a HIP sends it. */
    static Map<String, Object> onShareSuccess(String shareRequestId, String abhaAddress, String counter, String token) {
        return Map.of("acknowledgement", Map.of("status", "SUCCESS", "abhaAddress", abhaAddress,
                        "profile", Map.of("context", counter, "tokenNumber", token, "expiry", "1800")),
                "response", Map.of("requestId", shareRequestId));
    }

    // ---- session and encryption ----

    Reply requestSession(String clientId, String secret) {
        return send("POST", URI.create(sim.gatewayBaseUrl() + "/gateway/v3/sessions"), standardHeaders(),
                json(Map.of("clientId", clientId, "clientSecret", secret, "grantType", "client_credentials")));
    }

    String session() {
        if (session == null) {
            Reply r = requestSession(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
            if (r.status() != 202) {
                throw new IllegalStateException("no session: " + r);
            }
            session = r.json().get("accessToken").asText();
        }
        return session;
    }

    void forgetSession() {
        session = null;
    }

    String enc(String plain) {
        try {
            if (key == null) {
                JsonNode cert = get("/v3/profile/public/certificate").json();
                key = KeyFactory.getInstance("RSA").generatePublic(
                        new X509EncodedKeySpec(Base64.getDecoder().decode(cert.get("publicKey").asText())));
            }
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            c.init(Cipher.ENCRYPT_MODE, key);
            return Base64.getEncoder().encodeToString(c.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- flows, as the V3 bodies of abha-v3.md ----

    Reply enrolmentOtp(String aadhaar) {
        return post("/v3/enrollment/request/otp", Map.of("txnId", "", "scope", new String[] {"abha-enrol"},
                "loginHint", "aadhaar", "loginId", enc(aadhaar), "otpSystem", "aadhaar"));
    }

    Reply enrolByAadhaar(String txnId, String otp, String mobile) {
        return post("/v3/enrollment/enrol/byAadhaar", Map.of(
                "authData", Map.of("authMethods", new String[] {"otp"}, "otp", Map.of(
                        "timeStamp", TIMESTAMP.format(clock.instant()), "txnId", txnId, "otpValue", enc(otp),
                        "mobile", mobile)),
                "consent", Map.of("code", "abha-enrollment", "version", "1.4")));
    }

    Reply mobileVerifyOtp(String txnId, String mobile) {
        return post("/v3/enrollment/request/otp", Map.of("txnId", txnId,
                "scope", new String[] {"abha-enrol", "mobile-verify"}, "loginHint", "mobile",
                "loginId", enc(mobile), "otpSystem", "abdm"));
    }

    Reply authByAbdm(String txnId, String otp, String... scope) {
        return post("/v3/enrollment/auth/byAbdm", Map.of("scope", scope, "authData", Map.of(
                "authMethods", new String[] {"otp"}, "otp", Map.of(
                        "timeStamp", TIMESTAMP.format(clock.instant()), "txnId", txnId, "otpValue", enc(otp)))));
    }

    Reply loginOtp(String hint, String loginId, String otpSystem) {
        String route = otpSystem.equals("aadhaar") ? "aadhaar-verify" : "mobile-verify";
        return post("/v3/profile/login/request/otp", Map.of("scope", new String[] {"abha-login", route},
                "loginHint", hint, "loginId", enc(loginId), "otpSystem", otpSystem));
    }

    Reply loginVerify(String txnId, String otp, String otpSystem) {
        String route = otpSystem.equals("aadhaar") ? "aadhaar-verify" : "mobile-verify";
        return post("/v3/profile/login/verify", Map.of("scope", new String[] {"abha-login", route},
                "authData", Map.of("authMethods", new String[] {"otp"},
                        "otp", Map.of("txnId", txnId, "otpValue", enc(otp)))));
    }

    /** The latest OTP the simulated phone got, failing if there is none. */
    String otpFor(String mobile) {
        return sim.otpInbox().latestFor(mobile).orElseThrow(() -> new AssertionError("no OTP for the mobile")).otp();
    }
}
