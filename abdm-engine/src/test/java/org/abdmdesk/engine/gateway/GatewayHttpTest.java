package org.abdmdesk.engine.gateway;

import static org.abdmdesk.engine.gateway.FakeAbdmServer.body;
import static org.abdmdesk.engine.gateway.FakeAbdmServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.error.AbdmException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class GatewayHttpTest {
    private static final String PATH = "/abha/v3/thing";
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final CountDownLatch release = new CountDownLatch(1);
    private FakeAbdmServer server;
    private GatewayHttp http;

    @BeforeEach
    void start() throws IOException {
        server = new FakeAbdmServer();
        http = GatewayHttp.create(server.config(), clock, 3, Duration.ofMillis(1));
    }

    @AfterEach
    void stop() {
        release.countDown();
        http.close();
        server.close();
    }

    private URI thing() {
        return server.config().abhaUrl("v3/thing");
    }

    private JsonNode post() throws AbdmException {
        return http.postJson(thing(), Map.of(), http.json().createObjectNode().put("a", 1));
    }

    @Test
    void everyCallCarriesWellFormedCommonHeadersAndTheSessionToken() throws Exception {
        server.route("POST", PATH, r -> json(200, "{\"ok\":true}"));

        assertThat(post().path("ok").asBoolean()).isTrue();

        RecordedRequest call = server.requestsTo(PATH).getFirst();
        UUID id = UUID.fromString(call.getHeaders().get("REQUEST-ID"));
        assertThat(id.version()).isEqualTo(4);
        assertThat(call.getHeaders().get("TIMESTAMP")).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(call.getHeaders().get("X-CM-ID")).isEqualTo("sbx");
        assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
        assertThat(call.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(body(call)).isEqualTo("{\"a\":1}");

        RecordedRequest session = server.requestsTo(FakeAbdmServer.SESSIONS).getFirst();
        assertThat(session.getHeaders().get("Authorization")).isNull();
        assertThat(session.getHeaders().get("X-CM-ID")).isEqualTo("sbx");
        assertThat(session.getHeaders().get("REQUEST-ID")).isNotEqualTo(call.getHeaders().get("REQUEST-ID"));
        JsonNode sessionBody = http.json().readTree(body(session));
        assertThat(sessionBody.path("clientId").asText()).isEqualTo("clinic-1");
        assertThat(sessionBody.path("clientSecret").asText()).isEqualTo("s3cret");
        assertThat(sessionBody.path("grantType").asText()).isEqualTo("client_credentials");
    }

    @Test
    void timestampIsUtcWithMillisEvenOnWholeSeconds() throws Exception {
        clock.advance(Duration.ofMillis(322)); // 06.000
        server.route("GET", PATH, r -> json(200, "{}"));
        http.getJson(thing(), Map.of());
        assertThat(server.requestsTo(PATH).getFirst().getHeaders().get("TIMESTAMP"))
                .isEqualTo("2026-01-02T03:04:06.000Z");
        assertThat(http.timestamp()).isEqualTo("2026-01-02T03:04:06.000Z");
    }

    @Test
    void sessionTokenIsCachedAndRenewedAMinuteBeforeItExpires() throws Exception {
        server.route("POST", PATH, r -> json(200, "{}"));

        post();
        post();
        assertThat(server.sessionsIssued()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1200 - 61));
        post();
        assertThat(server.sessionsIssued()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        post();
        assertThat(server.sessionsIssued()).isEqualTo(2);
        List<RecordedRequest> calls = server.requestsTo(PATH);
        assertThat(calls.getLast().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
    }

    @Test
    void tokenRefusedWith900901IsRenewedAndTheCallRetriedOnceWithANewRequestId() throws Exception {
        server.route("POST", PATH, r -> "Bearer token-1".equals(r.getHeaders().get("Authorization"))
                ? json(401, "{\"code\":\"900901\",\"message\":\"Invalid Credentials\",\"description\":\"x\"}")
                : json(200, "{\"ok\":true}"));

        assertThat(post().path("ok").asBoolean()).isTrue();

        List<RecordedRequest> calls = server.requestsTo(PATH);
        assertThat(calls).hasSize(2);
        assertThat(server.sessionsIssued()).isEqualTo(2);
        assertThat(calls.get(1).getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
        assertThat(calls.get(1).getHeaders().get("REQUEST-ID")).isNotEqualTo(calls.get(0).getHeaders().get("REQUEST-ID"));
        assertThat(body(calls.get(1))).isEqualTo(body(calls.get(0)));
    }

    @Test
    void a900901InsideANestedErrorWithStatus400AlsoRenews() throws Exception {
        server.route("GET", PATH, r -> "Bearer token-1".equals(r.getHeaders().get("Authorization"))
                ? json(400, "{\"error\":{\"code\":\"900901: \",\"message\":\"Invalid Credentials\"}}")
                : json(200, "{}"));
        http.getJson(thing(), Map.of());
        assertThat(server.sessionsIssued()).isEqualTo(2);
    }

    @Test
    void persistent900901IsRetriedOnlyOnceThenReported() {
        server.route("POST", PATH, r -> json(401, "{\"code\":\"900901\",\"message\":\"Invalid Credentials\"}"));

        AbdmException e = catchThrowableOfType(AbdmException.class, this::post);

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.code()).contains("900901");
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(server.requestsTo(PATH)).hasSize(2);
        assertThat(server.sessionsIssued()).isEqualTo(2);
    }

    @Test
    void otherUnauthorisedAnswersDoNotRenewTheSession() {
        server.route("POST", PATH, r -> json(401, "{\"code\":\"ABDM-1094\",\"message\":\"X-token expired\"}"));
        AbdmException e = catchThrowableOfType(AbdmException.class, this::post);
        assertThat(e.code()).contains("ABDM-1094");
        assertThat(server.requestsTo(PATH)).hasSize(1);
        assertThat(server.sessionsIssued()).isEqualTo(1);
    }

    @Test
    void refusedCredentialsAreASessionFailureAndNothingElseIsSent() {
        server.route("POST", FakeAbdmServer.SESSIONS,
                r -> json(401, "{\"error\":{\"code\":\"ABDM-1015: \",\"message\":\"Invalid client credentials\"}}"));

        AbdmException e = catchThrowableOfType(AbdmException.class, this::post);

        assertThat(e.kind()).isEqualTo(Kind.SESSION);
        assertThat(e.code()).contains("ABDM-1015");
        assertThat(e.getMessage()).doesNotContain("s3cret");
        assertThat(server.requestsTo(PATH)).isEmpty();
    }

    @Test
    void aGetIsRetriedAfter503WithAFreshRequestId() throws Exception {
        AtomicInteger n = new AtomicInteger();
        server.route("GET", PATH, r -> n.incrementAndGet() == 1 ? json(503, "{}") : json(200, "{\"ok\":1}"));

        assertThat(http.getJson(thing(), Map.of()).path("ok").asInt()).isEqualTo(1);

        List<RecordedRequest> calls = server.requestsTo(PATH);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).getHeaders().get("REQUEST-ID")).isNotEqualTo(calls.get(0).getHeaders().get("REQUEST-ID"));
    }

    @Test
    void retriesAreBounded() {
        server.route("GET", PATH, r -> json(503, "{\"code\":\"ABDM-1024\",\"message\":\"Dependent service unavailable\"}"));
        AbdmException e = catchThrowableOfType(AbdmException.class, () -> http.getJson(thing(), Map.of()));
        assertThat(e.code()).contains("ABDM-1024");
        assertThat(server.requestsTo(PATH)).hasSize(3);
    }

    @Test
    void aPostIsNotRetriedAfter503() {
        server.route("POST", PATH, r -> json(503, "{}"));
        assertThatThrownBy(this::post).isInstanceOf(AbdmException.class);
        assertThat(server.requestsTo(PATH)).hasSize(1);
    }

    @Test
    void aGetIsRetriedWhenTheConnectionDropsButAPostIsNot() throws Exception {
        AtomicInteger gets = new AtomicInteger();
        server.route("GET", PATH, r -> gets.incrementAndGet() == 1 ? dropped() : json(200, "{}"));
        server.route("POST", PATH, r -> dropped());

        http.getJson(thing(), Map.of());
        assertThat(gets).hasValue(2);

        AbdmException e = catchThrowableOfType(AbdmException.class, this::post);
        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(server.requestsTo(PATH).stream().filter(r -> r.getMethod().equals("POST"))).hasSize(1);
    }

    private static MockResponse dropped() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
    }

    @Test
    void aClosedPortIsANetworkFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        AbdmConfig config = new AbdmConfig(base, base, "sbx", "c", "s", Duration.ofSeconds(2));
        try (GatewayHttp closed = GatewayHttp.create(config, clock, 3, Duration.ofMillis(1))) {
            AbdmException e = catchThrowableOfType(AbdmException.class,
                    () -> closed.getJson(config.abhaUrl("v3/x"), Map.of()));
            assertThat(e.kind()).isEqualTo(Kind.NETWORK);
            assertThat(e.userMessage(java.util.Locale.ENGLISH)).contains("Could not reach ABDM");
        }
    }

    @Test
    void slowAnswersTimeOutAsANetworkFailure() throws Exception {
        server.route("GET", PATH, r -> awaitRelease());
        try (GatewayHttp quick = GatewayHttp.create(server.config().withCallTimeout(Duration.ofMillis(300)), clock,
                1, Duration.ofMillis(1))) {
            AbdmException e = catchThrowableOfType(AbdmException.class, () -> quick.getJson(thing(), Map.of()));
            assertThat(e.kind()).isEqualTo(Kind.NETWORK);
            assertThat(e.getMessage()).contains("timed out");
        }
    }

    @Test
    void interruptingTheCallerCancelsTheCall() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("POST", PATH, r -> {
            arrived.countDown();
            return awaitRelease();
        });
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                post();
                outcome.complete(null);
            } catch (Throwable t) {
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                outcome.complete(t);
            }
        });
        caller.start();
        assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();

        Throwable t = outcome.get(5, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(AbdmException.class);
        assertThat(((AbdmException) t).kind()).isEqualTo(Kind.CANCELLED);
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void closingTheClientCancelsCallsInFlight() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("GET", PATH, r -> {
            arrived.countDown();
            return awaitRelease();
        });
        CompletableFuture<AbdmException> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                http.getJson(thing(), Map.of());
                return null;
            } catch (AbdmException e) {
                return e;
            }
        });
        assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

        http.close();

        assertThat(outcome.get(5, TimeUnit.SECONDS).kind()).isEqualTo(Kind.CANCELLED);
        assertThatThrownBy(() -> http.getJson(thing(), Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedAuthResultIn200IsARejection() {
        server.route("POST", PATH, r -> json(200,
                "{\"txnId\":\"t\",\"authResult\":\"failed\",\"message\":\"Please enter a valid OTP.\"}"));
        AbdmException e = catchThrowableOfType(AbdmException.class, this::post);
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.abdmMessage()).contains("Please enter a valid OTP.");
        assertThat(e.httpStatus()).isEqualTo(200);
    }

    @Test
    void aSuccessThatIsNotJsonIsUnexpected() {
        server.route("POST", PATH, r -> new MockResponse(200, okhttp3.Headers.of("Content-Type", "text/html"),
                "<html>maintenance</html>"));
        AbdmException e = catchThrowableOfType(AbdmException.class, this::post);
        assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
        assertThat(e.getMessage()).contains("not JSON").doesNotContain("maintenance");
    }

    @Test
    void theAuditLogNamesTheCallButNeverTokensOrBodies() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(AuditInterceptor.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            server.route("POST", PATH, r -> json(200, "{\"echo\":\"answer-body-9876\"}"));
            http.postJson(thing(), Map.of("X-token", "Bearer user-token-xyz"),
                    http.json().createObjectNode().put("secret", "request-body-1234"));
        } finally {
            logger.detachAppender(appender);
        }
        String requestId = server.requestsTo(PATH).getFirst().getHeaders().get("REQUEST-ID");
        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("POST", PATH, "200", requestId).containsPattern("\\d+ ms"));
        assertThat(String.join("\n", lines))
                .doesNotContain("token-1", "user-token-xyz", "request-body-1234", "answer-body-9876", "s3cret");
    }

    private MockResponse awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return json(200, "{}");
    }
}
