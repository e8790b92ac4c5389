package org.abdmdesk.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.error.AbdmException.Kind;
import org.abdmdesk.engine.i18n.EngineText;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's refusals that our own client never provokes (missing or malformed headers, bad
 * bodies, wrong tokens, huge bodies, unknown paths), sent raw over HTTP and read through the client's
 * error parser: each must become a clear sentence with ABDM's code, never a crash or a blank.
 */
class SimulatorErrorPathsTest {
    private static final Locale EN = Locale.ENGLISH;
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http = new OkHttpClient();
    private final ErrorBodies errors = new ErrorBodies(new ObjectMapper());
    private AbdmSimulator sim;
    private String token;

    @BeforeEach
    void start() throws IOException {
        sim = AbdmSimulator.start(SimulatorConfig.defaults());
        String body = "{\"clientId\":\"" + SimulatorConfig.DEMO_CLIENT_ID + "\",\"clientSecret\":\""
                + SimulatorConfig.DEMO_CLIENT_SECRET + "\",\"grantType\":\"client_credentials\"}";
        try (Response r = http.newCall(headers(new Request.Builder()
                .url(sim.gatewayBaseUrl() + "/gateway/v3/sessions"), true, true)
                .post(RequestBody.create(body, JSON)).build()).execute()) {
            assertThat(r.isSuccessful()).isTrue();
            token = new ObjectMapper().readTree(r.body().string()).get("accessToken").asText();
        }
    }

    @AfterEach
    void stop() {
        sim.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static Request.Builder headers(Request.Builder b, boolean requestId, boolean timestamp) {
        if (requestId) {
            b.header("REQUEST-ID", UUID.randomUUID().toString());
        }
        if (timestamp) {
            b.header("TIMESTAMP", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()));
        }
        return b.header("X-CM-ID", "sbx");
    }

    private AbdmException post(String path, Request.Builder builder, String body) throws IOException {
        Request request = builder.url(sim.abhaBaseUrl() + path).post(RequestBody.create(body, JSON)).build();
        try (Response r = http.newCall(request).execute()) {
            assertThat(r.isSuccessful()).as("refused").isFalse();
            return errors.toException("POST " + path, r.code(), r.body().string());
        }
    }

    private Request.Builder authorised(boolean requestId, boolean timestamp) {
        return headers(new Request.Builder(), requestId, timestamp).header("Authorization", "Bearer " + token);
    }

    private static final String OTP_PATH = "/v3/enrollment/request/otp";
    private static final String SOME_BODY = "{\"scope\":[\"abha-enrol\"],\"loginHint\":\"aadhaar\","
            + "\"loginId\":\"bm90LWVuY3J5cHRlZA==\",\"otpSystem\":\"aadhaar\"}";

    @Test
    void aMissingRequestIdIsExplained() throws IOException {
        AbdmException e = post(OTP_PATH, authorised(false, true), SOME_BODY);
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.userMessage(EN)).contains("ABDM-1032").contains("IT person");
    }

    @Test
    void aMissingOrWrongTimestampPointsAtTheClock() throws IOException {
        for (Request.Builder b : new Request.Builder[] {authorised(true, false),
                authorised(true, false).header("TIMESTAMP", "2026-11-25T09:00:00+05:30")}) {
            AbdmException e = post(OTP_PATH, b, SOME_BODY);
            assertThat(e.code()).contains("ABDM-1016");
            assertThat(e.userMessage(EN)).contains("Invalid Timestamp").contains("clock");
        }
    }

    @Test
    void aMissingOrUnknownGatewayTokenIsASessionProblem() throws IOException {
        AbdmException none = post(OTP_PATH, headers(new Request.Builder(), true, true), SOME_BODY);
        AbdmException forged = post(OTP_PATH, headers(new Request.Builder(), true, true)
                .header("Authorization", "Bearer forged"), SOME_BODY);
        for (AbdmException e : new AbdmException[] {none, forged}) {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.code()).contains("900901");
            assertThat(e.userMessage(EN)).contains(EngineText.get(EN, "error.code.900901"));
        }
    }

    @Test
    void malformedJsonAndMissingFieldsAreRefusedWithTheirReasons() throws IOException {
        AbdmException malformed = post(OTP_PATH, authorised(true, true), "{\"scope\": [\"abha-enrol\"");
        assertThat(malformed.httpStatus()).isEqualTo(400);
        assertThat(malformed.userMessage(EN)).isNotBlank().doesNotContain("Exception");

        AbdmException missing = post("/v3/enrollment/enrol/byAadhaar", authorised(true, true), "{}");
        assertThat(missing.httpStatus()).isEqualTo(400);
        assertThat(missing.abdmMessage()).isPresent();
        assertThat(missing.userMessage(EN)).contains(missing.abdmMessage().get());
    }

    @Test
    void anUnencryptedAadhaarIsRefused() throws IOException {
        AbdmException e = post(OTP_PATH, authorised(true, true), SOME_BODY);
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.abdmMessage().orElseThrow().toLowerCase(Locale.ROOT)).containsAnyOf("decrypt", "encrypt");
    }

    @Test
    void aHugeBodyIsRefusedWithoutHarm() throws IOException {
        String huge = "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Request request = authorised(true, true).url(sim.abhaBaseUrl() + OTP_PATH)
                .post(RequestBody.create(huge, JSON)).build();
        try (Response r = http.newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(413);
            AbdmException e = errors.toException("POST " + OTP_PATH, r.code(), r.body().string());
            assertThat(e.userMessage(EN)).isNotBlank();
        } catch (IOException resetWhileUploading) {
            // A server may close the connection before reading all of a 2 MiB upload; that is a refusal too.
            assertThat(resetWhileUploading).isNotNull();
        }
        // ...and the simulator is still serving.
        AbdmException after = post(OTP_PATH, authorised(true, true), SOME_BODY);
        assertThat(after.httpStatus()).isEqualTo(400);
    }

    @Test
    void aUserTokenThatIsNotOneIsExplained() throws IOException {
        Request request = authorised(true, true).header("X-token", "Bearer not-a-user-token")
                .url(sim.abhaBaseUrl() + "/v3/profile/account").get().build();
        try (Response r = http.newCall(request).execute()) {
            AbdmException e = errors.toException("GET /v3/profile/account", r.code(), r.body().string());
            assertThat(e.code()).contains("ABDM-1094");
            assertThat(e.userMessage(EN)).contains("Verify the patient again");
        }
    }

    @Test
    void anUnknownPathIsARoutingError() throws IOException {
        AbdmException e = post("/v3/no/such/api", authorised(true, true), "{}");
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.userMessage(EN)).isNotBlank();
    }
}
