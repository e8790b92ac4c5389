package org.abdmdesk.relay.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.abdmdesk.relay.auth.GatewayJwtVerifier;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.metrics.RelayMetrics;
import org.abdmdesk.relay.store.ClinicRecord;
import org.abdmdesk.relay.store.MessageKind;
import org.abdmdesk.relay.store.RelayStore;
import org.abdmdesk.relay.store.Secrets;
import org.abdmdesk.relay.ws.DeliveryHub;
import org.abdmdesk.relay.ws.SyncAnswer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's HTTP routes (protocol §2). Jetty threads only dispatch: each request runs on a virtual thread,
 * which may block on the JWKS fetch or the group commit without holding a Jetty thread. Refusals are
 * {@link RelayException}s, turned into answers in {@link #handle} only.
 */
public final class RelayHandler extends Handler.Abstract.NonBlocking {
    private static final Logger LOG = LoggerFactory.getLogger(RelayHandler.class);
    private final RelayConfig config;
    private final GatewayJwtVerifier jwt;
    private final RelayStore store;
    private final Inbound inbound;
    private final ClinicRoutes routes;
    private final DeliveryHub hub;
    private final RelayMetrics metrics;
    private final ErrorResponses errors;
    private final ExecutorService workers;
    private final Clock clock;

    public RelayHandler(RelayConfig config, GatewayJwtVerifier jwt, RelayStore store,
                        org.abdmdesk.relay.seal.Sealer sealer, DeliveryHub hub, RelayMetrics metrics,
                        ErrorResponses errors, ExecutorService workers, Clock clock) {
        this.config = config;
        this.jwt = jwt;
        this.store = store;
        this.inbound = new Inbound(store, sealer, metrics, clock);
        this.routes = new ClinicRoutes(store);
        this.hub = hub;
        this.metrics = metrics;
        this.errors = errors;
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            workers.execute(() -> {
                try {
                    route(request, response, callback);
                } catch (RelayException e) {
                    errors.write(response, callback, e);
                } catch (RuntimeException e) {
                    LOG.error("{} {} failed: {}", request.getMethod(), request.getHttpURI().getPath(), e.toString());
                    errors.write(response, callback, new RelayException(500, "internal"));
                }
            });
        } catch (RejectedExecutionException e) {
            errors.write(response, callback, new RelayException(503, "shutting_down"));
        }
        return true;
    }

    private void route(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (path.startsWith("/api/v3/")) {
            requireMethod(method, "POST");
            callback(request, response, callback, path);
        } else if (path.startsWith("/push/") && path.length() > "/push/".length()) {
            requireMethod(method, "POST");
            push(request, response, callback, path.substring("/push/".length()));
        } else if (path.equals("/healthz")) {
            requireMethod(method, "GET");
            health(response, callback);
        } else if (path.equals("/metrics")) {
            requireMethod(method, "GET");
            text(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.render(store.queueDepths(), hub::connected));
        } else if (path.equals("/ws")) {
            throw new RelayException(400, "upgrade_required");
        } else {
            throw new RelayException(404, "no_such_path");
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw RelayException.methodNotAllowed(allowed);
        }
    }

    private void callback(Request request, Response response, Callback callback, String path) {
        metrics.received("callback");
        jwt.verify(request.getHeaders().get(HttpHeader.AUTHORIZATION)).ifPresent(reason -> {
            LOG.info("refused callback {} (request {}): jwt {}", path, request.getHeaders().get("REQUEST-ID"),
                    reason);
            throw new RelayException(401, "jwt").countedAs("jwt_" + reason.name().toLowerCase(java.util.Locale.ROOT));
        });
        ClinicRecord clinic = routeByFacility(request);
        byte[] body = BodyReader.read(request, config.limits().callbackBytes());
        BodyReader.requireJson(body);
        if (config.sync().paths().contains(path)) {
            synchronous(request, response, callback, clinic, body);
            return;
        }
        inbound.store(request, clinic, MessageKind.CALLBACK, body);
        accepted(response, callback);
    }

    private ClinicRecord routeByFacility(Request request) {
        String hip = request.getHeaders().get("X-HIP-ID");
        String hiu = request.getHeaders().get("X-HIU-ID");
        Optional<ClinicRecord> clinic = hip != null && !hip.isBlank()
                ? routes.find(hip.trim(), true)
                : hiu != null && !hiu.isBlank() ? routes.find(hiu.trim(), false) : Optional.empty();
        return clinic.orElseThrow(() -> new RelayException(404, "unknown_facility"));
    }

    private void synchronous(Request request, Response response, Callback callback, ClinicRecord clinic,
                             byte[] body) {
        byte[] sealed = inbound.seal(request, clinic, body, clock.instant());
        SyncAnswer answer;
        try {
            answer = hub.request(clinic.id(), sealed, config.sync().deadline()).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.util.concurrent.TimeoutException) {
                metrics.sync("timeout");
                throw new RelayException(504, "clinic_timeout");
            }
            metrics.sync("offline");
            throw new RelayException(503, "clinic_offline");
        }
        metrics.sync("answered");
        text(response, callback, answer.status(), answer.contentType(), answer.body());
    }

    private void push(Request request, Response response, Callback callback, String token) {
        metrics.received("push");
        Optional<String> clinicId = store.pushTokenClinic(Secrets.sha256(token), clock.instant());
        ClinicRecord clinic = clinicId.flatMap(store::clinic).filter(ClinicRecord::active)
                .orElseThrow(() -> new RelayException(401, "push_token"));
        byte[] body = BodyReader.read(request, config.limits().pushBytes());
        BodyReader.requireJson(body);
        inbound.store(request, clinic, MessageKind.PUSH, body);
        accepted(response, callback);
    }

    private void health(Response response, Callback callback) {
        try {
            store.probe(clock.instant()).get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new RelayException(503, "store_unavailable");
        }
        text(response, callback, 200, "text/plain; charset=utf-8", "ok\n");
    }

    private static void accepted(Response response, Callback callback) {
        response.setStatus(202);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        callback.succeeded();
    }

    private static void text(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
