package org.abdmdesk.engine.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the gateway's callbacks: {@code POST {bridgeUrl}{path}} with the JSON body and the headers
 * a bridge checks (abdm-gateway-v3.md section 0): {@code REQUEST-ID}, {@code TIMESTAMP} (UTC, millis,
 * Z), {@code X-CM-ID: sbx}, {@code X-HIP-ID} or {@code X-HIU-ID}, and {@code Authorization: Bearer}
 * a JWT signed for this try. Each callback is delivered on its own virtual thread, so the simulator's
 * HTTP threads never wait for a bridge. Tries follow {@link CallbackRetry}; every try goes to the
 * {@link CallbackLog}. A callback keeps its REQUEST-ID on every try (TIMESTAMP and JWT are fresh), so
 * a bridge that stored an earlier try can recognise the redelivery. Logs path, REQUEST-ID, try and
 * status, never the body.
 */
final class CallbackSender implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(CallbackSender.class);

    /** A callback: to which bridge and path, for which facility ({@code X-HIP-ID}/{@code X-HIU-ID}), what body. */
    record Callback(String requestId, URI bridgeUrl, String path, String facilityHeader, String facilityId,
            byte[] body) {

        URI target() {
            String base = bridgeUrl.toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        }
    }

    private final CallbackSigner signer;
    private final CallbackRetry retry;
    private final Clock clock;
    private final CallbackLog log;
    private final HttpClient http;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();

    CallbackSender(CallbackSigner signer, CallbackRetry retry, Clock clock, CallbackLog log) {
        this.signer = signer;
        this.retry = retry;
        this.clock = clock;
        this.log = log;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts delivering {@code callback} and returns at once. */
    void send(Callback callback) {
        try {
            deliveries.execute(() -> deliver(callback));
        } catch (RejectedExecutionException closed) {
            log.finish(callback.requestId(), CallbackLog.Outcome.ABANDONED);
        }
    }

    private void deliver(Callback callback) {
        for (int attempt = 1; ; attempt++) {
            CallbackAttempt result = attempt(callback, attempt);
            log.add(result);
            LOG.debug("callback {} {} try {} -> {}", callback.path(), callback.requestId(), attempt,
                    result.status() == CallbackAttempt.NO_ANSWER ? "no answer" : result.status());
            if (Thread.currentThread().isInterrupted()) {
                finish(callback, CallbackLog.Outcome.ABANDONED);
                return;
            }
            if (result.delivered() || !result.retryable()) {
                finish(callback, result.delivered() ? CallbackLog.Outcome.DELIVERED : CallbackLog.Outcome.REFUSED);
                return;
            }
            if (attempt >= retry.maxAttempts()) {
                finish(callback, CallbackLog.Outcome.GAVE_UP);
                return;
            }
            try {
                Thread.sleep(retry.delayAfter(attempt));
            } catch (InterruptedException e) {
                finish(callback, CallbackLog.Outcome.ABANDONED);
                return;
            }
        }
    }

    private CallbackAttempt attempt(Callback callback, int attempt) {
        Instant now = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(callback.target()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("REQUEST-ID", callback.requestId())
                .header("TIMESTAMP", TIMESTAMP.format(now))
                .header("X-CM-ID", AbdmSimulator.CM_ID)
                .header(callback.facilityHeader(), callback.facilityId())
                .header("Authorization", "Bearer " + signer.token(now))
                .POST(HttpRequest.BodyPublishers.ofByteArray(callback.body()))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new CallbackAttempt(callback.requestId(), callback.path(), attempt, status, "", now);
        } catch (IOException e) {
            return new CallbackAttempt(callback.requestId(), callback.path(), attempt, CallbackAttempt.NO_ANSWER,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CallbackAttempt(callback.requestId(), callback.path(), attempt, CallbackAttempt.NO_ANSWER,
                    "interrupted", now);
        }
    }

    private void finish(Callback callback, CallbackLog.Outcome outcome) {
        log.finish(callback.requestId(), outcome);
        if (outcome != CallbackLog.Outcome.DELIVERED) {
            LOG.warn("callback {} {} not delivered: {}", callback.path(), callback.requestId(), outcome);
        }
    }

    /** Stops every delivery in progress (they end ABANDONED) and refuses new ones. */
    @Override
    public void close() {
        deliveries.shutdownNow();
        http.shutdownNow();
    }
}
