package org.abdmdesk.engine.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.abdmdesk.engine.error.AbdmException;

/**
 * The gateway access token ({@code POST {gateway}/gateway/v3/sessions}, client credentials). It is
 * fetched on first use, cached, and renewed {@link #RENEW_BEFORE} before {@code expiresIn} runs
 * out; {@link #invalidate} drops it when ABDM calls it invalid (code 900901). Callers on several
 * threads share one fetch. The fetch uses a client without the session interceptor, so it cannot
 * loop into itself.
 */
final class GatewaySession {
    static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
    static final Duration LIFETIME_IF_UNSAID = Duration.ofMinutes(5);

    private record Token(String value, Instant renewAt) {
    }

    private final OkHttpClient sessionClient;
    private final AbdmConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final ErrorBodies errors;
    private Token current;

    GatewaySession(OkHttpClient sessionClient, AbdmConfig config, Clock clock, ObjectMapper json) {
        this.sessionClient = sessionClient;
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.errors = new ErrorBodies(json);
    }

    /** A valid access token, fetching a new one if none is cached or it is about to expire. */
    synchronized String token() throws IOException {
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            current = fetch();
        }
        return current.value();
    }

    /** Forgets {@code token} if it is still the cached one (another thread may have renewed it). */
    synchronized void invalidate(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }

    private Token fetch() throws IOException {
        ObjectNode body = json.createObjectNode()
                .put("clientId", config.clientId())
                .put("clientSecret", config.clientSecret())
                .put("grantType", "client_credentials");
        Request request = new Request.Builder()
                .url(config.sessionsUrl().toString())
                .post(RequestBody.create(json.writeValueAsBytes(body), GatewayHttp.JSON))
                .header("Accept", "*/*")
                .build();
        String call = "POST " + request.url().encodedPath();
        try {
            return exchange(request, call);
        } catch (AbdmIoException e) {
            throw e;
        } catch (IOException e) {
            // already retried by the session client; wrapped so the outer retry does not multiply it
            throw new AbdmIoException(AbdmException.network(call + " failed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), e));
        }
    }

    private Token exchange(Request request, String call) throws IOException {
        try (Response response = sessionClient.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody.string();
            if (!response.isSuccessful()) {
                throw new AbdmIoException(refused(call, response.code(), text));
            }
            JsonNode node = readOrNull(text);
            String token = node == null ? null : node.path("accessToken").asText(null);
            if (token == null || token.isBlank()) {
                throw new AbdmIoException(AbdmException.unexpected(response.code(),
                        call + " -> HTTP " + response.code() + " without an accessToken"));
            }
            long seconds = node.path("expiresIn").asLong(0);
            Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : LIFETIME_IF_UNSAID;
            Duration early = lifetime.compareTo(RENEW_BEFORE.multipliedBy(2)) > 0 ? RENEW_BEFORE : lifetime.dividedBy(2);
            return new Token(token, clock.instant().plus(lifetime).minus(early));
        }
    }

    /** 4xx: our credentials or roles are wrong (kind SESSION); 5xx: ABDM trouble, read as usual. */
    private AbdmException refused(String call, int status, String text) {
        AbdmException parsed = errors.toException(call, status, text);
        if (status >= 500) {
            return parsed;
        }
        return new AbdmException(AbdmException.Kind.SESSION, parsed.code().orElse(null),
                parsed.abdmMessage().orElse(null), status, null, parsed.getMessage(), null);
    }

    private JsonNode readOrNull(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
