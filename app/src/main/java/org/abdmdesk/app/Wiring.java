package org.abdmdesk.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.abdmdesk.app.common.DialogService;
import org.abdmdesk.engine.abha.AbhaClient;
import org.abdmdesk.engine.gateway.AbdmConfig;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.abdmdesk.store.LocalStore;

/** Builds {@link AppServices}: demo (simulator on loopback) or the ABDM sandbox. */
public final class Wiring {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private Wiring() {
    }

    /**
     * Demo mode: starts the simulator on a free loopback port and points the ABHA client at it. The
     * simulator (RSA key generation) starts on its own thread while the store opens on this one.
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
        return new AppServices(AbhaClient.create(config, clock), store.patients(), store.enrolmentConsents(), clock,
                locale, dialogs, Optional.of(simulator), "sbx", operator, "mode.demo", () -> {
                    store.close();
                    simulator.close();
                });
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

    /** The ABDM sandbox with this clinic's client id and secret. */
    public static AppServices sandbox(String clientId, String clientSecret, DialogService dialogs, Locale locale,
            String operator) {
        Clock clock = Clock.systemDefaultZone();
        LocalStore store = LocalStore.open(LocalStore.defaultDatabaseFile(), clock);
        AbdmConfig config = AbdmConfig.sandbox(clientId, clientSecret).withCallTimeout(CALL_TIMEOUT);
        return new AppServices(AbhaClient.create(config, clock), store.patients(), store.enrolmentConsents(), clock,
                locale, dialogs, Optional.empty(), config.cmId(), operator, "mode.sandbox", store);
    }
}
