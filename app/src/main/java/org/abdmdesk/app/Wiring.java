package org.abdmdesk.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
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

    /** Demo mode: starts the simulator on a free loopback port and points the ABHA client at it. */
    public static AppServices demo(SimulatorConfig simulatorConfig, Path databaseFile, DialogService dialogs,
            Locale locale, Clock clock, String operator) {
        AbdmSimulator simulator = AbdmSimulator.start(simulatorConfig);
        LocalStore store;
        try {
            store = LocalStore.open(databaseFile, clock);
        } catch (RuntimeException e) {
            simulator.close();
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
