package org.abdmdesk.app;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.abdmdesk.app.shell.ExchangeStatus;
import org.abdmdesk.engine.callback.CallbackDispatcher;
import org.abdmdesk.engine.callback.InboundStore;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.gateway.GatewayHttp;
import org.abdmdesk.engine.outbox.Outbox;
import org.abdmdesk.engine.outbox.OutboxSender;
import org.abdmdesk.engine.outbox.RetryPolicy;
import org.abdmdesk.engine.relay.LinkState;
import org.abdmdesk.engine.relay.RelayClient;
import org.abdmdesk.engine.relay.RelaySettings;
import org.abdmdesk.engine.share.ProfileShareHandler;
import org.abdmdesk.store.LocalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's side of messages with ABDM: the callback dispatcher (with the scan-and-share
 * handler), the outbox sender, and, once it is up, the relay client. {@link #status()} and
 * {@link #watch} feed the status line: the link is "connecting" until the relay client exists, so the
 * front desk can show before the relay is reachable. Built by {@link Wiring}; closed with the app.
 */
public final class Exchange implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final long POLL_SECONDS = 2;

    private final InboundStore inbound;
    private final Outbox outbox;
    private final GatewayHttp http;
    private final OutboxSender sender;
    private final CallbackDispatcher dispatcher;
    private final List<Consumer<ExchangeStatus>> watchers = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeLater = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("exchange-status").factory());
    private final java.util.concurrent.CountDownLatch deskShown = new java.util.concurrent.CountDownLatch(1);
    private volatile RelayClient relay;
    private volatile AbdmException startFailure;
    private volatile boolean closed;

    private Exchange(InboundStore inbound, Outbox outbox, GatewayHttp http, OutboxSender sender,
            CallbackDispatcher dispatcher) {
        this.inbound = inbound;
        this.outbox = outbox;
        this.http = http;
        this.sender = sender;
        this.dispatcher = dispatcher;
    }

    /** Builds the outbox sender and the dispatcher with {@code share} on {@code store}; call {@link #start()} next. */
    static Exchange create(LocalStore store, GatewayHttp http, Clock clock, ShareWiring share) {
        OutboxSender sender = new OutboxSender(store.outbox(), http, clock, RetryPolicy.standard());
        ProfileShareHandler handler = share.handler(sender);
        CallbackDispatcher dispatcher = CallbackDispatcher.builder(store.inbound())
                .on(ProfileShareHandler.PATH, handler)
                .build();
        return new Exchange(store.inbound(), store.outbox(), http, sender, dispatcher);
    }

    /** Starts handling what was stored before and sending what waits, and the status poll. */
    void start() {
        dispatcher.start();
        sender.start();
        poller.scheduleWithFixedDelay(this::tell, 0, POLL_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens the relay link with {@code settings}; the relay's deliveries go to the dispatcher. */
    void connect(RelaySettings settings) {
        if (closed) {
            return;
        }
        RelayClient client = RelayClient.builder(settings, dispatcher.sink()).build();
        client.addListener((state, failure) -> tell());
        relay = client;
        client.start();
        if (closed) {
            client.close();
        }
    }

    /** Setting up the relay link failed (demo relay did not start, bridge not registered). */
    void failed(AbdmException failure) {
        startFailure = failure;
        tell();
    }

    /** Closed with this exchange (the demo's in-process relay). */
    /** The front desk is on screen: background start-up work that waited for it may go on. */
    void deskShown() {
        deskShown.countDown();
    }

    /**
     * Waits until the desk is shown, at most {@code max}, so that starting the demo relay (Jetty, class
     * loading) does not compete with the first screen for the CPU. Returns at once once shown.
     */
    void awaitDeskShown(java.time.Duration max) throws InterruptedException {
        deskShown.await(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void closeLater(AutoCloseable resource) {
        closeLater.add(resource);
        if (closed) {
            closeAll();
        }
    }

    /** Whether {@link #close()} was called (start-up work in flight stops early). */
    boolean isClosed() {
        return closed;
    }

    /** The status now: link state, replies waiting or failed, callbacks failed. */
    public ExchangeStatus status() {
        RelayClient client = relay;
        LinkState link;
        Optional<AbdmException> failure;
        if (client != null) {
            link = client.state();
            failure = client.lastFailure();
        } else if (startFailure != null) {
            link = LinkState.DISCONNECTED;
            failure = Optional.of(startFailure);
        } else {
            link = LinkState.CONNECTING;
            failure = Optional.empty();
        }
        Map<Outbox.State, Integer> out = outbox.counts();
        Map<InboundStore.State, Integer> in = inbound.counts();
        return new ExchangeStatus(true, link, failure, out.getOrDefault(Outbox.State.PENDING, 0),
                out.getOrDefault(Outbox.State.DEAD, 0), in.getOrDefault(InboundStore.State.FAILED, 0));
    }

    /** Tells {@code watcher} the status now and on every change or poll, on a background thread; the handle stops it. */
    public Runnable watch(Consumer<ExchangeStatus> watcher) {
        watchers.add(Objects.requireNonNull(watcher, "watcher"));
        poller.execute(this::tell);
        return () -> watchers.remove(watcher);
    }

    private void tell() {
        if (closed || watchers.isEmpty()) {
            return;
        }
        ExchangeStatus now;
        try {
            now = status();
        } catch (RuntimeException e) {
            LOG.warn("Status could not be read: {}", e.getClass().getSimpleName());
            return;
        }
        watchers.forEach(w -> w.accept(now));
    }

    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        RelayClient client = relay;
        if (client != null) {
            client.close();
        }
        dispatcher.close();
        sender.close();
        http.close();
        closeAll();
    }

    private void closeAll() {
        for (AutoCloseable resource : closeLater) {
            if (!closeLater.remove(resource)) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
