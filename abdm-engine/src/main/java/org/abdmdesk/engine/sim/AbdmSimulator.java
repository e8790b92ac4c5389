package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.abdmdesk.engine.sim.Router.Guard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An offline stand-in for ABDM's gateway session API and ABHA V3 service (enrolment, login,
 * profile, card, QR), speaking the real V3 paths, headers and JSON over real HTTP on 127.0.0.1.
 * Used by the workstation's demo mode and by tests: point a client at {@link #gatewayBaseUrl()} and
 * {@link #abhaBaseUrl()}, read OTPs from {@link #otpInbox()} (the patients' phones), and check what
 * arrived with {@link #requests()}. State is in memory and starts from {@link SeedData}.
 *
 * <pre>{@code
 * try (AbdmSimulator sim = AbdmSimulator.start(SimulatorConfig.defaults())) {
 *     URI sessions = URI.create(sim.gatewayBaseUrl() + "/gateway/v3/sessions"); // bases have no trailing slash
 *     String otp = sim.otpInbox().awaitNext(SeedData.AADHAAR_NEW_MOBILE, Duration.ofSeconds(5)).otp();
 * }
 * }</pre>
 */
public final class AbdmSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AbdmSimulator.class);
    static final String GATEWAY_BASE = "/api/hiecm";
    static final String ABHA_BASE = "/abha/api";

    private final HttpServer server;
    private final ExecutorService executor;
    private final MemoryOtpInbox inbox;
    private final RequestLog requests;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private AbdmSimulator(HttpServer server, ExecutorService executor, MemoryOtpInbox inbox, RequestLog requests) {
        this.server = server;
        this.executor = executor;
        this.inbox = inbox;
        this.requests = requests;
    }

    /** Binds 127.0.0.1:{@code config.port()} (0 = any free port) and starts serving at once. */
    public static AbdmSimulator start(SimulatorConfig config) {
        SimKeys.warmUp();
        ObjectMapper json = new ObjectMapper();
        SimState state = new SimState(SeedData.residents(), SeedData.accounts());
        MemoryOtpInbox inbox = new MemoryOtpInbox();
        RequestLog requests = new RequestLog();
        EndpointSupport support = new EndpointSupport(state, inbox, config.otpGenerator());
        Router router = routes(new Router(state, requests, config.clock(), json), state, support, config, json);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the ABDM simulator to 127.0.0.1:" + config.port(), e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
        AbdmSimulator sim = new AbdmSimulator(server, executor, inbox, requests);
        LOG.info("ABDM simulator listening on 127.0.0.1:{}", sim.port());
        return sim;
    }

    private static Router routes(Router r, SimState state, EndpointSupport support, SimulatorConfig config,
            ObjectMapper json) {
        SessionEndpoints session = new SessionEndpoints(state, config.clientId(), config.clientSecret());
        EnrolmentEndpoints enrol = new EnrolmentEndpoints(support);
        LoginEndpoints login = new LoginEndpoints(support);
        PhrEndpoints phr = new PhrEndpoints(support, login, json);
        ProfileEndpoints profile = new ProfileEndpoints(support, json);
        String a = ABHA_BASE;
        return r.add("POST", GATEWAY_BASE + "/gateway/v3/sessions", Guard.HEADERS, session::session)
                .add("GET", a + "/v3/profile/public/certificate", Guard.SESSION, session::certificate)
                .add("POST", a + "/v3/enrollment/request/otp", Guard.SESSION, enrol::requestOtp)
                .add("POST", a + "/v3/enrollment/enrol/byAadhaar", Guard.SESSION, enrol::enrolByAadhaar)
                .add("POST", a + "/v3/enrollment/auth/byAbdm", Guard.SESSION, enrol::authByAbdm)
                .add("GET", a + "/v3/enrollment/enrol/suggestion", Guard.SESSION, enrol::suggestions)
                .add("POST", a + "/v3/enrollment/enrol/abha-address", Guard.SESSION, enrol::createAddress)
                .add("POST", a + "/v3/enrollment/enrol/byDocument", Guard.SESSION, enrol::enrolByDocument)
                .add("GET", a + "/v3/profile/account", Guard.SESSION, profile::account)
                .add("GET", a + "/v3/profile/account/abha-card", Guard.SESSION, profile::card)
                .add("GET", a + "/v3/profile/account/qrCode", Guard.SESSION, profile::qrCode)
                .add("POST", a + "/v3/profile/login/request/otp", Guard.SESSION, login::requestOtp)
                .add("POST", a + "/v3/profile/login/verify", Guard.SESSION, login::verify)
                .add("POST", a + "/v3/profile/login/verify/user", Guard.SESSION, login::verifyUser)
                .add("POST", a + "/v3/phr/web/login/abha/search", Guard.SESSION, phr::search)
                .add("POST", a + "/v3/phr/web/login/abha/request/otp", Guard.SESSION, phr::requestOtp)
                .add("POST", a + "/v3/phr/web/login/abha/verify", Guard.SESSION, phr::verify)
                .add("GET", a + "/v3/phr/web/login/profile/abha-profile", Guard.SESSION, phr::profile)
                .add("GET", a + "/v3/phr/web/login/profile/abha/phr-card", Guard.SESSION, phr::card)
                .add("GET", a + "/v3/phr/web/login/profile/abha/qrcode", Guard.SESSION, phr::qrCode);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/api/hiecm}: sessions are at {@code {this}/gateway/v3/sessions}. */
    public URI gatewayBaseUrl() {
        return URI.create("http://127.0.0.1:" + port() + GATEWAY_BASE);
    }

    /** {@code http://127.0.0.1:PORT/abha/api}: ABHA V3 paths are at {@code {this}/v3/...}. */
    public URI abhaBaseUrl() {
        return URI.create("http://127.0.0.1:" + port() + ABHA_BASE);
    }

    /** The OTPs the simulator "sent by SMS" (demo data: the simulator plays the patient's phone). */
    public OtpInbox otpInbox() {
        return inbox;
    }

    /** Every request as it arrived on the wire. */
    public RequestLog requests() {
        return requests;
    }

    /** Stops serving at once and frees the port. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        int port = port();
        server.stop(0);
        executor.shutdownNow();
        LOG.info("ABDM simulator on port {} stopped", port);
    }
}
