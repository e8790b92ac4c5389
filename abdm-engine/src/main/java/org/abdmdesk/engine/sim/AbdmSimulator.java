package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.abdmdesk.engine.sim.Router.Guard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An offline stand-in for ABDM's gateway (session, bridge registration, public keys, scan-and-share)
 * and ABHA V3 service (enrolment, login, profile, card, QR), speaking the real V3 paths, headers and
 * JSON over real HTTP on 127.0.0.1. Used by the workstation's demo mode and by tests: point a client
 * at {@link #gatewayBaseUrl()} and {@link #abhaBaseUrl()}, read OTPs from {@link #otpInbox()} (the
 * patients' phones), and check what arrived with {@link #requests()}. State is in memory and starts
 * from {@link SeedData}.
 *
 * <p>Callbacks: once a bridge URL is registered ({@code PATCH {gateway}/gateway/v3/bridge/url} or
 * {@link SimulatorConfig#withBridgeUrl}), {@link #patientPhone()} makes the gateway POST profile shares
 * to it, signed with a JWT that verifies against {@link #jwksUrl()}; what was sent is in
 * {@link #callbacks()} and the clinic's answers in {@link #onShareReplies()}. Every endpoint refuses a
 * REQUEST-ID it has already accepted.
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
    /** The consent-manager id of the sandbox, which the simulator plays. */
    static final String CM_ID = "sbx";

    private final HttpServer server;
    private final ExecutorService executor;
    private final MemoryOtpInbox inbox;
    private final RequestLog requests;
    private final SimState state;
    private final String clientId;
    private final CallbackSigner signer;
    private final CallbackSender sender;
    private final CallbackLog callbacks;
    private final ShareBook shares;
    private final PatientPhone phone;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AbdmSimulator(HttpServer server, SimulatorConfig config, ObjectMapper json) {
        this.server = server;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.inbox = new MemoryOtpInbox();
        this.requests = new RequestLog();
        this.state = new SimState(SeedData.residents(), SeedData.accounts());
        this.clientId = config.clientId();
        this.signer = config.callbackSigner();
        this.callbacks = new CallbackLog();
        this.sender = new CallbackSender(signer, config.callbackRetry(), config.clock(), callbacks);
        this.shares = new ShareBook();
        this.phone = new PatientPhone(state, clientId, config.services(), shares, sender, config.clock(), json);
        config.bridgeUrl().ifPresent(url -> state.locked(() -> {
            state.registerBridge(clientId, url);
            return null;
        }));
    }

    /** Binds 127.0.0.1:{@code config.port()} (0 = any free port) and starts serving at once. */
    public static AbdmSimulator start(SimulatorConfig config) {
        SimKeys.warmUp();
        GatewayKeys.warmUp();
        ObjectMapper json = new ObjectMapper();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the ABDM simulator to 127.0.0.1:" + config.port(), e);
        }
        AbdmSimulator sim = new AbdmSimulator(server, config, json);
        Router router = sim.routes(new Router(sim.state, sim.requests, config.clock(), json), config, json);
        server.setExecutor(sim.executor);
        server.createContext("/", router);
        server.start();
        LOG.info("ABDM simulator listening on 127.0.0.1:{}", sim.port());
        return sim;
    }

    private Router routes(Router r, SimulatorConfig config, ObjectMapper json) {
        EndpointSupport support = new EndpointSupport(state, inbox, config.otpGenerator());
        SessionEndpoints session = new SessionEndpoints(state, config.clientId(), config.clientSecret());
        GatewayEndpoints gateway = new GatewayEndpoints(state, jwksUrl(), config.services());
        ShareEndpoints share = new ShareEndpoints(shares);
        EnrolmentEndpoints enrol = new EnrolmentEndpoints(support);
        LoginEndpoints login = new LoginEndpoints(support);
        PhrEndpoints phr = new PhrEndpoints(support, login, json);
        ProfileEndpoints profile = new ProfileEndpoints(support, json);
        String g = GATEWAY_BASE;
        String a = ABHA_BASE;
        return r.add("POST", g + "/gateway/v3/sessions", Guard.HEADERS, session::session)
                .add("GET", g + "/gateway/v3/certs", Guard.OPEN, gateway::certs)
                .add("GET", g + "/gateway/v3/.well-known/openid-configuration", Guard.OPEN, gateway::openIdConfiguration)
                .add("PATCH", g + "/gateway/v3/bridge/url", Guard.GATEWAY, gateway::bridgeUrl)
                .add("GET", g + "/gateway/v3/bridge-services", Guard.GATEWAY, gateway::bridgeServices)
                .add("POST", g + "/patient-share/v3/on-share", Guard.GATEWAY, share::onShare)
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

    /**
     * {@code {gateway}/gateway/v3/certs}: the JWKS (RS256, {@code kid}) that the callback JWTs verify
     * against. Served without authentication or ABDM headers.
     */
    public URI jwksUrl() {
        return URI.create(gatewayBaseUrl() + "/gateway/v3/certs");
    }

    /** The bridge base URL the configured client registered, if any. */
    public Optional<URI> bridgeUrl() {
        return state.locked(() -> state.bridge(clientId));
    }

    /** What the simulator signs callbacks with (by default {@link CallbackSigner#gateway()}). */
    public CallbackSigner callbackSigner() {
        return signer;
    }

    /** The OTPs the simulator "sent by SMS" (demo data: the simulator plays the patient's phone). */
    public OtpInbox otpInbox() {
        return inbox;
    }

    /** The patient's ABHA app: scans counter QRs and shows the token number the clinic answers with. */
    public PatientPhone patientPhone() {
        return phone;
    }

    /** Shortcut for {@code patientPhone().scanCounterQr(qrText, abhaNumberOrAddress)}: the share's REQUEST-ID. */
    public String patientScansCounterQr(String qrText, String abhaNumberOrAddress) {
        return phone.scanCounterQr(qrText, abhaNumberOrAddress);
    }

    /** Every {@code on-share} answer the simulator accepted, oldest first. */
    public List<OnShareReply> onShareReplies() {
        return shares.replies();
    }

    /** Calls {@code listener} with each accepted {@code on-share} answer (e.g. the demo phone: "Your token is 7"). */
    public void addOnShareListener(Consumer<OnShareReply> listener) {
        shares.addListener(listener);
    }

    /** Every try at delivering a callback to the bridge, and how each callback ended. */
    public CallbackLog callbacks() {
        return callbacks;
    }

    /** Every request as it arrived on the wire. */
    public RequestLog requests() {
        return requests;
    }

    /** Stops serving and delivering callbacks at once and frees the port. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        int port = port();
        server.stop(0);
        sender.close();
        executor.shutdownNow();
        LOG.info("ABDM simulator on port {} stopped", port);
    }
}
