package org.abdmdesk.relay.server;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.abdmdesk.relay.auth.FailureRateLimiter;
import org.abdmdesk.relay.auth.GatewayJwtVerifier;
import org.abdmdesk.relay.auth.JwksKeys;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.http.ErrorResponses;
import org.abdmdesk.relay.http.RelayHandler;
import org.abdmdesk.relay.i18n.Messages;
import org.abdmdesk.relay.metrics.RelayMetrics;
import org.abdmdesk.relay.seal.Sealer;
import org.abdmdesk.relay.store.RelayStore;
import org.abdmdesk.relay.ws.ClinicSocketCreator;
import org.abdmdesk.relay.ws.DeliveryHub;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running relay: the one place where the parts are built and wired (store, sealing, JWT checks, WebSocket
 * hub, HTTP routes, expiry sweep). {@link #close} shuts down in order: sockets get 1001, Jetty stops, queued
 * writes finish, the store closes.
 */
public final class RelayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
    private final Server server;
    private final ServerConnector connector;
    private final RelayStore store;
    private final DeliveryHub hub;
    private final RelayMetrics metrics;
    private final JwksKeys jwks;
    private final ExecutorService workers;
    private final ScheduledExecutorService sweeper;
    private final boolean tls;

    private RelayServer(Server server, ServerConnector connector, RelayStore store, DeliveryHub hub,
                        RelayMetrics metrics, JwksKeys jwks, ExecutorService workers,
                        ScheduledExecutorService sweeper, boolean tls) {
        this.server = server;
        this.connector = connector;
        this.store = store;
        this.hub = hub;
        this.metrics = metrics;
        this.jwks = jwks;
        this.workers = workers;
        this.sweeper = sweeper;
        this.tls = tls;
    }

    /** Builds and starts a relay; on failure everything already opened is closed again. */
    public static RelayServer start(RelayConfig config, Clock clock) throws Exception {
        Messages english = Messages.english();
        RelayMetrics metrics = new RelayMetrics();
        AtomicReference<DeliveryHub> hubRef = new AtomicReference<>();
        RelayStore store = RelayStore.open(config.dataDir(), committed -> {
            DeliveryHub h = hubRef.get();
            if (h != null) {
                h.committed(committed);
            }
        });
        DeliveryHub hub = new DeliveryHub(store, metrics, english, config.delivery(), config.webSocket(), clock);
        hubRef.set(hub);
        JwksKeys jwks = new JwksKeys(config.jwt().jwksUrl(), config.jwt().jwksCacheTtl(),
                config.jwt().unknownKidRefetchInterval(), config.jwt().fetchTimeout(), clock);
        GatewayJwtVerifier verifier = new GatewayJwtVerifier(jwks, config.jwt().audience(), config.jwt().clockSkew(),
                clock);
        ErrorResponses errors = new ErrorResponses(english, metrics);
        ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("relay-req-", 0).factory());

        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("relay-http");
        Server server = new Server(pool);
        server.setStopTimeout(5_000);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector;
        if (config.tls().isPresent()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(config.tls().get().keystore().toString());
            ssl.setKeyStorePassword(config.tls().get().password());
            ssl.setKeyStoreType("PKCS12");
            http.addCustomizer(new SecureRequestCustomizer());
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(config.listen().bind());
        connector.setPort(config.listen().port());
        connector.setIdleTimeout(config.listen().idleTimeout().toMillis());
        server.addConnector(connector);

        FailureRateLimiter limiter = new FailureRateLimiter(config.rateLimits().wsAuthFailures(),
                config.rateLimits().wsAuthWindow(), clock);
        ClinicSocketCreator creator = new ClinicSocketCreator(store, hub, limiter, errors);
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(config.webSocket().idleTimeout().plus(config.webSocket().pingInterval()));
            container.setMaxTextMessageSize(config.limits().pushBytes() * 2L);
            container.addMapping("/ws", creator);
        });
        upgrade.setHandler(new RelayHandler(config, verifier, store, new Sealer(), hub, metrics, errors, workers,
                clock));
        server.setHandler(upgrade);

        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("relay-expiry").daemon(true).factory());
        RelayServer relay = new RelayServer(server, connector, store, hub, metrics, jwks, workers, sweeper,
                config.tls().isPresent());
        try {
            server.start();
        } catch (Exception e) {
            relay.close();
            throw e;
        }
        long every = config.delivery().sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(() -> relay.sweep(config.delivery().retention(), clock), 0, every,
                TimeUnit.MILLISECONDS);
        LOG.info("relay listening on {}:{} ({}), data in {}", config.listen().bind(), relay.port(),
                relay.tls ? "https" : "http", config.dataDir());
        return relay;
    }

    /** Deletes messages older than the retention; returns how many (also counted in metrics). */
    public int sweep(Duration retention, Clock clock) {
        try {
            int expired = store.expire(clock.instant().minus(retention), clock.instant()).get();
            if (expired > 0) {
                LOG.info("expired {} undelivered messages older than {}", expired, retention);
            }
            metrics.expired(expired);
            return expired;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the next start sweeps again
            LOG.debug("expiry sweep interrupted by shutdown");
            return 0;
        } catch (Exception e) {
            LOG.error("expiry sweep failed: {}", e.toString());
            return 0;
        }
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port} or {@code https://…} of this relay. */
    public URI baseUri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1"
                : connector.getHost();
        return URI.create((tls ? "https://" : "http://") + host + ":" + port());
    }

    /** The counters (tests). */
    public RelayMetrics metrics() {
        return metrics;
    }

    /** How often the JWKS was fetched (tests). */
    public long jwksFetches() {
        return jwks.fetchCount();
    }

    /** Clean shutdown: 1001 to every clinic, stop HTTP, finish queued writes, close the store. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        hub.close();
        hub.awaitClosed(Duration.ofSeconds(3));
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping Jetty: {}", e.toString());
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        LOG.info("relay stopped");
    }
}
