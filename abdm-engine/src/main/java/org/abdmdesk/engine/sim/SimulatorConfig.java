package org.abdmdesk.engine.sim;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How an {@link AbdmSimulator} is started: the loopback port (0 = any free port), the one client
 * id/secret the simulated gateway accepts, the clock every expiry rule reads (inject a fake one in
 * tests), where OTPs come from (a fixed supplier makes tests deterministic), the facility services
 * registered to that client's bridge, a bridge URL registered from the start (as if the client had
 * already called {@code PATCH /gateway/v3/bridge/url}), the signer of callback JWTs, and the callback
 * retry policy.
 *
 * <p>{@code callbackSigner} is a test seam: the simulator always serves {@link CallbackSigner#gateway()}'s
 * key at {@link AbdmSimulator#jwksUrl()}, so another signer (e.g. {@link CallbackSigner#withNewKey}) makes
 * the simulator send callbacks a bridge must refuse.
 */
public record SimulatorConfig(int port, String clientId, String clientSecret, Clock clock,
        Supplier<String> otpGenerator, List<BridgeService> services, Optional<URI> bridgeUrl,
        CallbackSigner callbackSigner, CallbackRetry callbackRetry) {

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
        services = List.copyOf(services);
        Objects.requireNonNull(bridgeUrl);
        bridgeUrl.ifPresent(SimulatorConfig::requireHttpUrl);
        Objects.requireNonNull(callbackSigner);
        Objects.requireNonNull(callbackRetry);
    }

    /**
     * Port 0, the demo client id and secret, the system UTC clock, random 6-digit OTPs, the demo clinic
     * ({@link SeedData#DEMO_HIP_ID}, HIP and HIU) as the only service, no bridge yet, the gateway's
     * signer and {@link CallbackRetry#defaults()}.
     */
    public static SimulatorConfig defaults() {
        SecureRandom random = new SecureRandom();
        return new SimulatorConfig(0, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Clock.systemUTC(),
                () -> String.format("%06d", random.nextInt(1_000_000)),
                List.of(BridgeService.hipAndHiu(SeedData.DEMO_HIP_ID, SeedData.DEMO_FACILITY_NAME)), Optional.empty(),
                CallbackSigner.gateway(), CallbackRetry.defaults());
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(newPort, clientId, clientSecret, clock, otpGenerator, services, bridgeUrl,
                callbackSigner, callbackRetry);
    }

    public SimulatorConfig withClock(Clock newClock) {
        return new SimulatorConfig(port, clientId, clientSecret, newClock, otpGenerator, services, bridgeUrl,
                callbackSigner, callbackRetry);
    }

    public SimulatorConfig withOtpGenerator(Supplier<String> newGenerator) {
        return new SimulatorConfig(port, clientId, clientSecret, clock, newGenerator, services, bridgeUrl,
                callbackSigner, callbackRetry);
    }

    public SimulatorConfig withCredentials(String newClientId, String newClientSecret) {
        return new SimulatorConfig(port, newClientId, newClientSecret, clock, otpGenerator, services, bridgeUrl,
                callbackSigner, callbackRetry);
    }

    public SimulatorConfig withServices(List<BridgeService> newServices) {
        return new SimulatorConfig(port, clientId, clientSecret, clock, otpGenerator, newServices, bridgeUrl,
                callbackSigner, callbackRetry);
    }

    /** Registers this bridge base URL (http or https) for the client from the start. */
    public SimulatorConfig withBridgeUrl(URI newBridgeUrl) {
        return new SimulatorConfig(port, clientId, clientSecret, clock, otpGenerator, services,
                Optional.of(newBridgeUrl), callbackSigner, callbackRetry);
    }

    public SimulatorConfig withCallbackSigner(CallbackSigner newSigner) {
        return new SimulatorConfig(port, clientId, clientSecret, clock, otpGenerator, services, bridgeUrl, newSigner,
                callbackRetry);
    }

    public SimulatorConfig withCallbackRetry(CallbackRetry newRetry) {
        return new SimulatorConfig(port, clientId, clientSecret, clock, otpGenerator, services, bridgeUrl,
                callbackSigner, newRetry);
    }

    /** An absolute http(s) URL with a host, or IllegalArgumentException. */
    static URI requireHttpUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return url;
    }

    @Override
    public String toString() {
        return "SimulatorConfig[port=" + port + ", clientId=" + clientId + ", services="
                + services.stream().map(BridgeService::id).toList() + ", bridgeUrl=" + bridgeUrl.orElse(null) + "]";
    }
}
