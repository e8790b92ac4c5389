package org.abdmdesk.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.security.PrivateKey;
import org.abdmdesk.app.common.DialogService;
import org.abdmdesk.app.demo.DemoRelay;
import org.abdmdesk.app.share.ShareServices;
import org.abdmdesk.engine.abha.AbhaClient;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.gateway.AbdmConfig;
import org.abdmdesk.engine.gateway.GatewayHttp;
import org.abdmdesk.engine.relay.RelaySettings;
import org.abdmdesk.engine.relay.SealingKeys;
import org.abdmdesk.engine.share.BridgeRegistration;
import org.abdmdesk.engine.share.ShareSettings;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SeedData;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.abdmdesk.store.LocalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds {@link AppServices}: demo (simulator on loopback) or the ABDM sandbox. */
public final class Wiring {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private Wiring() {
    }

    /**
     * Demo mode: starts the simulator on a free loopback port and points the ABHA client at it. The
     * simulator (RSA key generation) starts on its own thread while the store opens on this one. Then,
     * in the background so the front desk shows at once (the status line says "connecting"): the
     * in-process relay on 127.0.0.1, this workstation's sealing key, the demo clinic at the relay, the
     * bridge URL at the simulator's gateway, and the relay link. The callback dispatcher and the outbox
     * sender start right away, so work left from a previous run is not held up by the relay.
     */
    public static AppServices demo(SimulatorConfig simulatorConfig, Path databaseFile, DialogService dialogs,
            Locale locale, Clock clock, String operator) {
        FutureTask<AbdmSimulator> starting = new FutureTask<>(() -> AbdmSimulator.start(simulatorConfig));
        Thread.ofVirtual().name("simulator-start").start(starting);
        LocalStore store;
        try {
            store = LocalStore.open(databaseFile, clock);
        } catch (RuntimeException e) {
            started(starting).close();
            throw e;
        }
        AbdmSimulator simulator;
        try {
            simulator = started(starting);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        AbdmConfig config = new AbdmConfig(URI.create(simulator.gatewayBaseUrl().toString()),
                URI.create(simulator.abhaBaseUrl().toString()), "sbx", simulatorConfig.clientId(),
                simulatorConfig.clientSecret(), CALL_TIMEOUT);
        ShareWiring share = ShareWiring.of(ShareSettings.of(SeedData.DEMO_HIP_ID, SeedData.DEMO_COUNTER,
                clock.getZone()), store, clock, "sbx", ShareServices.SANDBOX_QR_HOST);
        Exchange exchange = Exchange.create(store, GatewayHttp.create(config, clock), clock, share);
        exchange.start();
        Path dataDir = databaseFile.toAbsolutePath().getParent();
        Thread.ofVirtual().name("demo-relay-start").start(
                () -> connectDemoRelay(exchange, dataDir, simulator, config, simulatorConfig.clock()));
        return new AppServices(AbhaClient.create(config, clock), store.patients(), store.enrolmentConsents(), clock,
                locale, dialogs, Optional.of(simulator), "sbx", operator, "mode.demo", Optional.of(share.services()),
                Optional.of(exchange), () -> {
                    exchange.close();
                    store.close();
                    simulator.close();
                });
    }

    /** How long the demo relay's start waits for the front desk to be on screen before it goes on anyway. */
    static final Duration DESK_SHOWN_WAIT = Duration.ofSeconds(3);

    /**
     * Relay, sealing key, demo clinic, bridge URL, relay link: in this order, on a background thread,
     * once the front desk is on screen (so the relay's start does not slow the first screen down).
     */
    static void connectDemoRelay(Exchange exchange, Path dataDir, AbdmSimulator simulator, AbdmConfig config,
            Clock clock) {
        try {
            exchange.awaitDeskShown(DESK_SHOWN_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long started = System.nanoTime();
        try {
            DemoRelay relay = DemoRelay.start(dataDir, simulator.jwksUrl(), clock);
            exchange.closeLater(relay);
            PrivateKey key = SealingKeyFile.loadOrCreate(dataDir.resolve(SealingKeyFile.FILE_NAME));
            RelaySettings settings = relay.registerClinic(SeedData.DEMO_HIP_ID, key);
            new BridgeRegistration(config, clock).register(relay.baseUri());
            exchange.connect(settings);
            LOG.info("Demo relay up after {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (AbdmException e) {
            LOG.error("The demo relay could not be set up: {}", e.getMessage());
            exchange.failed(e);
        } catch (Exception e) {
            LOG.error("The demo relay could not be started: {}", e.toString());
            exchange.failed(new AbdmException(AbdmException.Kind.UNEXPECTED_RESPONSE, null, null, 0, null,
                    "demo relay: " + e.getClass().getSimpleName(), e));
        }
    }

    private static AbdmSimulator started(FutureTask<AbdmSimulator> starting) {
        try {
            return starting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the simulator started", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the simulator did not start", e.getCause());
        }
    }

    public static AppServices demo(DialogService dialogs, Locale locale, String operator) {
        return demo(SimulatorConfig.defaults(), LocalStore.defaultDatabaseFile(), dialogs, locale,
                Clock.systemDefaultZone(), operator);
    }

    /**
     * The ABDM sandbox with this clinic's client id and secret. Scan and share and the relay link come
     * from {@link RealModeSettings} (system properties) when they are set.
     */
    public static AppServices sandbox(String clientId, String clientSecret, DialogService dialogs, Locale locale,
            String operator) {
        Clock clock = Clock.systemDefaultZone();
        LocalStore store = LocalStore.open(LocalStore.defaultDatabaseFile(), clock);
        AbdmConfig config = AbdmConfig.sandbox(clientId, clientSecret).withCallTimeout(CALL_TIMEOUT);
        RealModeSettings settings = RealModeSettings.from(System::getProperty);
        LOG.info("Real mode settings: {}", settings);
        Optional<ShareWiring> share = settings.share(clock.getZone()).map(s -> ShareWiring.of(s, store, clock,
                config.cmId(), ShareServices.SANDBOX_QR_HOST));
        Optional<Exchange> exchange = Optional.empty();
        if (settings.relayConfigured() && share.isPresent()) {
            Exchange e = Exchange.create(store, GatewayHttp.create(config, clock), clock, share.get());
            e.start();
            PrivateKey key = SealingKeyFile.loadOrCreate(
                    LocalStore.defaultDataDirectory().resolve(SealingKeyFile.FILE_NAME));
            LOG.info("Relay sealing public key (for relay-server clinic add --public-key): {}",
                    SealingKeys.publicKeyBase64(key));
            e.connect(new RelaySettings(settings.relayUrl().orElseThrow(), settings.credential().orElseThrow(), key));
            exchange = Optional.of(e);
        }
        Optional<Exchange> opened = exchange;
        return new AppServices(AbhaClient.create(config, clock), store.patients(), store.enrolmentConsents(), clock,
                locale, dialogs, Optional.empty(), config.cmId(), operator, "mode.sandbox",
                share.map(ShareWiring::services), exchange, () -> {
                    opened.ifPresent(Exchange::close);
                    store.close();
                });
    }
}
