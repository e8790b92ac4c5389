package org.abdmdesk.engine.share;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.gateway.AbdmConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the clinic's bridge URL with the gateway ({@code PATCH {gateway}/gateway/v3/bridge/url},
 * abdm-gateway-v3.md section 1.2) so that ABDM's callbacks, the profile shares among them, reach the
 * relay. One session ({@code POST /gateway/v3/sessions}) and one PATCH, with REQUEST-ID, TIMESTAMP and
 * X-CM-ID. Done once at setup (and at every demo start, where the relay's port changes).
 *
 * <p>Its own small HTTP call rather than {@code GatewayHttp}, which offers no PATCH yet.
 */
public final class BridgeRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeRegistration.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final AbdmConfig config;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public BridgeRegistration(AbdmConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Tells the gateway that callbacks for this client go to {@code bridgeBase} (the relay's public base URL). */
    public void register(URI bridgeBase) throws AbdmException {
        Objects.requireNonNull(bridgeBase, "bridgeBase");
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(config.callTimeout())
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            JsonNode session = call(http, "POST", config.sessionsUrl(), null, json.createObjectNode()
                    .put("clientId", config.clientId()).put("clientSecret", config.clientSecret())
                    .put("grantType", "client_credentials"));
            String token = session.path("accessToken").asText("");
            if (token.isEmpty()) {
                throw AbdmException.unexpected(0, "gateway session answered without an accessToken");
            }
            String base = config.gatewayBaseUrl().toString().replaceAll("/+$", "");
            call(http, "PATCH", URI.create(base + "/gateway/v3/bridge/url"), token,
                    json.createObjectNode().put("url", bridgeBase.toString()));
            LOG.info("Bridge URL registered with the gateway: {}", bridgeBase);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private JsonNode call(OkHttpClient http, String method, URI url, String token, JsonNode body)
            throws AbdmException {
        Request.Builder request = new Request.Builder().url(url.toString())
                .header("REQUEST-ID", UUID.randomUUID().toString())
                .header("TIMESTAMP", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)))
                .header("X-CM-ID", config.cmId())
                .method(method, RequestBody.create(body.toString(), JSON));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw AbdmException.rejected(null, null, response.code(),
                        method + " " + url.getPath() + " -> HTTP " + response.code());
            }
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            throw AbdmException.network(method + " " + url.getPath() + " failed: " + e.getMessage(), e);
        }
    }
}
