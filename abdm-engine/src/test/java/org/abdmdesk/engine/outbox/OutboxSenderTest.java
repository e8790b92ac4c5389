package org.abdmdesk.engine.outbox;

import static org.abdmdesk.engine.gateway.FakeAbdmServer.body;
import static org.abdmdesk.engine.gateway.FakeAbdmServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import org.abdmdesk.engine.callback.Await;
import org.abdmdesk.engine.gateway.FakeAbdmServer;
import org.abdmdesk.engine.gateway.GatewayHttp;
import org.abdmdesk.engine.gateway.MutableClock;
import org.abdmdesk.engine.outbox.Outbox.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxSenderTest {
    static final String ON_SHARE = "patient-share/v3/on-share";
    static final String ON_SHARE_PATH = FakeAbdmServer.GATEWAY + ON_SHARE;
    static final Instant T0 = Instant.parse("2026-11-25T04:00:00Z");
    static final String BODY = "{\"acknowledgement\":{\"status\":\"SUCCESS\"},\"response\":{\"requestId\":\"cb-1\"}}";

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryOutbox outbox = new MemoryOutbox();
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), 4,
            Duration.ofHours(1));
    private FakeAbdmServer abdm;
    private GatewayHttp http;
    private OutboxSender sender;

    @BeforeEach
    void start() throws IOException {
        abdm = new FakeAbdmServer();
        http = GatewayHttp.create(abdm.config(), clock);
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
        http.close();
        abdm.close();
    }

    private OutboxSender sender(Outbox box) {
        sender = new OutboxSender(box, http, clock, policy);
        sender.start();
        return sender;
    }

    private static OutboxMessage reply(String correlation) {
        return OutboxMessage.replyTo(correlation, ON_SHARE, Map.of("X-HIP-ID", "IN3210000018"), BODY, T0);
    }

    private State state(String id) {
        return outbox.find(id).orElseThrow().state();
    }

    @Test
    void retriesWithGrowingDelaysAndANewRequestIdEachTimeUntilAbdmAccepts() {
        AtomicInteger calls = new AtomicInteger();
        abdm.route("POST", ON_SHARE_PATH, r -> calls.incrementAndGet() <= 2
                ? json(500, "{\"code\":\"ABDM-9999\",\"message\":\"internal\"}") : json(202, ""));
        OutboxMessage message = reply("cb-1");
        sender(outbox).enqueue(message);

        Await.until("first attempt failed", () -> outbox.failures().size() == 1);
        clock.advance(Duration.ofSeconds(2));
        sender.wake();
        Await.until("second attempt failed", () -> outbox.failures().size() == 2);
        clock.advance(Duration.ofSeconds(4));
        sender.wake();
        Await.until("sent", () -> state(message.id()) == State.SENT);

        List<MemoryOutbox.Failure> failures = outbox.failures();
        assertThat(Duration.between(failures.get(0).at(), failures.get(0).next())).isEqualTo(Duration.ofSeconds(2));
        assertThat(Duration.between(failures.get(1).at(), failures.get(1).next())).isEqualTo(Duration.ofSeconds(4));
        assertThat(failures.get(0).reason()).contains("HTTP 500", "ABDM-9999");
        List<RecordedRequest> attempts = abdm.requestsTo(ON_SHARE_PATH);
        assertThat(attempts).hasSize(3);
        List<String> requestIds = attempts.stream().map(r -> r.getHeaders().get("REQUEST-ID")).toList();
        assertThat(requestIds).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(attempts).allSatisfy(r -> {
            assertThat(body(r)).isEqualTo(BODY);
            assertThat(r.getHeaders().get("X-HIP-ID")).isEqualTo("IN3210000018");
            assertThat(r.getHeaders().get("X-CM-ID")).isEqualTo("sbx");
            assertThat(r.getHeaders().get("Authorization")).startsWith("Bearer token-");
        });
        OutboxEntry sent = outbox.find(message.id()).orElseThrow();
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.sentRequestId()).contains(requestIds.get(2));
        assertThat(sent.sentAt()).contains(T0.plusSeconds(6));
    }

    @Test
    void goesDeadAfterTheLastAllowedAttempt() {
        abdm.route("POST", ON_SHARE_PATH, r -> json(503, ""));
        OutboxMessage message = reply("cb-2");
        sender(outbox).enqueue(message);

        for (int attempt = 1; attempt < policy.maxAttempts(); attempt++) {
            int made = attempt;
            Await.until("attempt " + made, () -> outbox.failures().size() == made);
            clock.advance(Duration.ofMinutes(1));
            sender.wake();
        }
        Await.until("dead", () -> state(message.id()) == State.DEAD);

        assertThat(abdm.requestsTo(ON_SHARE_PATH)).hasSize(4);
        OutboxEntry dead = outbox.find(message.id()).orElseThrow();
        assertThat(dead.attempts()).isEqualTo(4);
        assertThat(dead.lastError().orElseThrow()).startsWith("gave up after 4 attempt(s)").contains("HTTP 503");
        assertThat(outbox.counts()).containsEntry(State.DEAD, 1).containsEntry(State.PENDING, 0);
    }

    @Test
    void goesDeadWhenTheNextAttemptWouldBeTooLate() {
        abdm.route("POST", ON_SHARE_PATH, r -> json(502, ""));
        OutboxMessage message = reply("cb-old");
        clock.advance(Duration.ofMinutes(59).plusSeconds(59)); // the message was created an hour ago
        sender(outbox).enqueue(message);

        Await.until("dead", () -> state(message.id()) == State.DEAD);
        assertThat(abdm.requestsTo(ON_SHARE_PATH)).hasSize(1);
    }

    @Test
    void aRefusalByAbdmIsDeadAtOnce() {
        abdm.route("POST", ON_SHARE_PATH, r -> json(400, "{\"code\":\"ABDM-1030\",\"message\":\"Invalid request id\"}"));
        OutboxMessage message = reply("cb-3");
        sender(outbox).enqueue(message);

        Await.until("dead", () -> state(message.id()) == State.DEAD);
        assertThat(abdm.requestsTo(ON_SHARE_PATH)).hasSize(1);
        assertThat(outbox.find(message.id()).orElseThrow().lastError().orElseThrow())
                .startsWith("refused by ABDM").contains("ABDM-1030");
    }

    @Test
    void whatWasQueuedBeforeStartIsSentOnStartAndAReplyIsQueuedOnce() {
        abdm.route("POST", ON_SHARE_PATH, r -> json(202, ""));
        OutboxMessage first = reply("cb-before");
        assertThat(outbox.enqueue(first)).isTrue();
        assertThat(outbox.enqueue(reply("cb-before"))).isFalse(); // the same reply from a handler run twice

        sender(outbox);
        Await.until("sent", () -> state(first.id()) == State.SENT);
        OutboxMessage second = reply("cb-after");
        sender.enqueue(second);
        Await.until("second sent without any clock change", () -> state(second.id()) == State.SENT);

        assertThat(abdm.requestsTo(ON_SHARE_PATH)).hasSize(2);
    }

    @Test
    void aBodyThatIsNotJsonIsDeadWithoutBeingSent() {
        OutboxMessage bad = new OutboxMessage("m-1", OutboxMessage.gatewayTarget(ON_SHARE), Map.of(), "not json", "cb",
                T0);
        sender(outbox).enqueue(bad);

        Await.until("dead", () -> state(bad.id()) == State.DEAD);
        assertThat(abdm.requestsTo(ON_SHARE_PATH)).isEmpty();
    }

    @Test
    void targetsResolveAgainstTheGatewayBaseAtSendTimeAndNeverNameAnotherHost() {
        OutboxMessage m = reply("cb");

        assertThat(m.target()).isEqualTo("POST {gateway}/patient-share/v3/on-share");
        assertThat(m.url(URI.create("https://dev.abdm.gov.in/api/hiecm/")))
                .isEqualTo(URI.create("https://dev.abdm.gov.in/api/hiecm/patient-share/v3/on-share"));
        assertThatThrownBy(() -> new OutboxMessage("x", "POST https://hiu.example/push", Map.of(), "{}", null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxMessage("x", "GET {gateway}/x", Map.of(), "{}", null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(m.id()).isEqualTo(reply("cb").id()).isNotEqualTo(reply("cb-other").id());
        assertThat(m.toString()).doesNotContain("SUCCESS");
    }

    @Test
    void theStandardPolicyDoublesToItsCap() {
        RetryPolicy standard = RetryPolicy.standard();

        assertThat(standard.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(standard.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(standard.delayAfter(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(standard.delayAfter(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(standard.nextAttempt(30, T0, T0)).isEmpty();
        assertThat(standard.nextAttempt(29, T0, T0)).contains(T0.plus(Duration.ofMinutes(10)));
    }
}
