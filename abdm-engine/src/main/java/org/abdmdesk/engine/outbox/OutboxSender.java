package org.abdmdesk.engine.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.error.AbdmException.Kind;
import org.abdmdesk.engine.gateway.GatewayHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the {@link Outbox} to ABDM on one background thread, through {@link GatewayHttp} (session
 * token, and a new REQUEST-ID, TIMESTAMP and X-CM-ID on every attempt). A failed attempt is retried
 * by the {@link RetryPolicy}; ABDM refusing the message itself (a 4xx other than 408/429), or too
 * many attempts, or too much time makes it dead, which the status line shows. Nothing is kept in
 * memory: after a crash or a restart, {@link #start()} carries on from the store.
 *
 * <p>At least once: if the workstation stops after ABDM accepted a message but before it was marked
 * sent, it is sent again (with a new REQUEST-ID) after the restart.
 *
 * <p>Create one at start-up, {@link #start()} it, enqueue through {@link #enqueue} (or enqueue in the
 * store and call {@link #wake()}), and {@link #close()} it on exit.
 */
public final class OutboxSender implements AutoCloseable {
    static final int BATCH = 20;
    static final Duration IDLE_RECHECK = Duration.ofSeconds(30);
    static final Duration STORE_TROUBLE_PAUSE = Duration.ofSeconds(5);
    static final int MAX_REASON_CHARS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final GatewayHttp http;
    private final Clock clock;
    private final RetryPolicy policy;
    private final ObjectMapper json = new ObjectMapper();
    private final Object signal = new Object();
    private boolean woken; // guarded by signal
    private volatile boolean closed;
    private Thread worker;

    public OutboxSender(Outbox outbox, GatewayHttp http, Clock clock, RetryPolicy policy) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Starts the background thread, which first sends whatever is due from before. */
    public synchronized void start() {
        if (worker != null) {
            throw new IllegalStateException("already started");
        }
        worker = Thread.ofPlatform().daemon().name("outbox-sender").start(this::run);
    }

    /** Stores {@code message} and wakes the sender; {@code false} if a message with its id was already stored. */
    public boolean enqueue(OutboxMessage message) {
        boolean added = outbox.enqueue(message);
        if (added) {
            LOG.info("Outbox message {} queued for {} (answers {})", message.id(), message.target(),
                    message.correlation());
            wake();
        }
        return added;
    }

    /** Makes the sender look at the outbox now (after an enqueue elsewhere, or a clock change in tests). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Stops the thread; a send in flight is cancelled and stays pending, as does everything else. */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = worker;
        }
        if (t != null) {
            t.interrupt();
            wake();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!closed) {
            Duration wait;
            try {
                List<OutboxEntry> due = outbox.due(clock.instant(), BATCH);
                for (OutboxEntry entry : due) {
                    if (closed) {
                        return;
                    }
                    send(entry);
                }
                if (due.size() == BATCH) {
                    continue;
                }
                wait = outbox.nextDueAt().map(next -> Duration.between(clock.instant(), next)).orElse(IDLE_RECHECK);
            } catch (RuntimeException e) {
                LOG.error("The outbox could not be read or updated: {}", e.toString());
                wait = STORE_TROUBLE_PAUSE;
            }
            pause(wait);
        }
    }

    private void pause(Duration wait) {
        long millis = Math.min(Math.max(wait.toMillis(), 0), IDLE_RECHECK.toMillis());
        synchronized (signal) {
            try {
                if (!woken && millis > 0) {
                    signal.wait(millis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
            woken = false;
        }
    }

    private void send(OutboxEntry entry) {
        OutboxMessage message = entry.message();
        JsonNode body;
        try {
            body = json.readTree(message.body());
        } catch (IOException e) {
            LOG.error("Outbox message {} has a body that is not JSON; dead", message.id());
            outbox.markDead(message.id(), "body is not JSON");
            return;
        }
        int attempt = entry.attempts() + 1;
        try {
            String requestId = http.postForRequestId(message.url(http.config().gatewayBaseUrl()), message.headers(),
                    body);
            outbox.markSent(message.id(), requestId, clock.instant());
            LOG.info("Outbox message {} accepted by ABDM as {} (attempt {})", message.id(), requestId, attempt);
        } catch (AbdmException e) {
            if (e.kind() == Kind.CANCELLED || closed) {
                LOG.info("Outbox message {} not sent: stopping", message.id());
                return;
            }
            failed(entry, attempt, e);
        }
    }

    private void failed(OutboxEntry entry, int attempt, AbdmException e) {
        String id = entry.message().id();
        Instant now = clock.instant();
        String reason = reason(e);
        if (isRefusal(e)) {
            outbox.markAttemptFailed(id, now, now, reason);
            outbox.markDead(id, "refused by ABDM: " + reason);
            LOG.warn("Outbox message {} refused by ABDM (HTTP {}); dead", id, e.httpStatus());
            return;
        }
        Optional<Instant> next = policy.nextAttempt(attempt, entry.message().createdAt(), now);
        if (next.isEmpty()) {
            outbox.markAttemptFailed(id, now, now, reason);
            outbox.markDead(id, "gave up after " + attempt + " attempt(s): " + reason);
            LOG.warn("Outbox message {} given up after {} attempt(s); dead", id, attempt);
            return;
        }
        outbox.markAttemptFailed(id, now, next.get(), reason);
        LOG.info("Outbox message {} attempt {} failed ({}); next at {}", id, attempt, e.kind(), next.get());
    }

    /** ABDM answered and refused the message itself: sending it again cannot help. */
    static boolean isRefusal(AbdmException e) {
        int status = e.httpStatus();
        return e.kind() == Kind.REJECTED && status >= 400 && status < 500 && status != 408 && status != 429;
    }

    static String reason(AbdmException e) {
        String text = e.kind() + (e.httpStatus() > 0 ? " HTTP " + e.httpStatus() : "")
                + e.code().map(c -> " " + c).orElse("") + ": " + e.getMessage();
        return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS);
    }
}
