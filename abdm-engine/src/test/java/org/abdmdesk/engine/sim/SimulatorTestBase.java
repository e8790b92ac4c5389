package org.abdmdesk.engine.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh simulator (fresh seed state) per test, on a free port, with a clock the test moves. */
abstract class SimulatorTestBase {
    protected MutableClock clock;
    protected AbdmSimulator sim;
    protected SimClient client;

    @BeforeEach
    void startSimulator() {
        clock = MutableClock.at("2026-03-02T05:30:00.000Z");
        sim = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock));
        client = new SimClient(sim, clock);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }
}
