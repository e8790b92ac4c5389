package org.abdmdesk.engine.sim;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How an {@link AbdmSimulator} is started: the loopback port (0 = any free port), the one client
 * id/secret the simulated gateway accepts, the clock every expiry rule reads (inject a fake one in
 * tests) and where OTPs come from (a fixed supplier makes tests deterministic).
 */
public record SimulatorConfig(int port, String clientId, String clientSecret, Clock clock,
        Supplier<String> otpGenerator) {

    public static final String DEMO_CLIENT_ID = "abdm-desk-demo";
    public static final String DEMO_CLIENT_SECRET = "demo-secret";

    public SimulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(clientId);
        Objects.requireNonNull(clientSecret);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(otpGenerator);
    }

    /** Port 0, the demo client id and secret, the system UTC clock and random 6-digit OTPs. */
    public static SimulatorConfig defaults() {
        SecureRandom random = new SecureRandom();
        return new SimulatorConfig(0, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Clock.systemUTC(),
                () -> String.format("%06d", random.nextInt(1_000_000)));
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(newPort, clientId, clientSecret, clock, otpGenerator);
    }

    public SimulatorConfig withClock(Clock newClock) {
        return new SimulatorConfig(port, clientId, clientSecret, newClock, otpGenerator);
    }

    public SimulatorConfig withOtpGenerator(Supplier<String> newGenerator) {
        return new SimulatorConfig(port, clientId, clientSecret, clock, newGenerator);
    }

    public SimulatorConfig withCredentials(String newClientId, String newClientSecret) {
        return new SimulatorConfig(port, newClientId, newClientSecret, clock, otpGenerator);
    }

    @Override
    public String toString() {
        return "SimulatorConfig[port=" + port + ", clientId=" + clientId + "]";
    }
}
