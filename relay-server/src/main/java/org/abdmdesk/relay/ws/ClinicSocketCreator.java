package org.abdmdesk.relay.ws;

import java.security.MessageDigest;
import java.util.Optional;
import org.abdmdesk.relay.auth.FailureRateLimiter;
import org.abdmdesk.relay.http.ErrorResponses;
import org.abdmdesk.relay.http.RelayException;
import org.abdmdesk.relay.store.ClinicRecord;
import org.abdmdesk.relay.store.RelayStore;
import org.abdmdesk.relay.store.Secrets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the clinic credential on {@code GET /ws} before upgrading: a wrong one gets 401 and counts towards the
 * caller's per-IP limit (429 once exceeded); a right one gets a {@link ClinicLink} for that clinic only.
 */
public final class ClinicSocketCreator implements WebSocketCreator {
    private static final Logger LOG = LoggerFactory.getLogger(ClinicSocketCreator.class);
    private final RelayStore store;
    private final DeliveryHub hub;
    private final FailureRateLimiter limiter;
    private final ErrorResponses errors;

    public ClinicSocketCreator(RelayStore store, DeliveryHub hub, FailureRateLimiter limiter, ErrorResponses errors) {
        this.store = store;
        this.hub = hub;
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String address = Request.getRemoteAddr(request);
        if (limiter.blocked(address)) {
            errors.write(response, callback, new RelayException(429, "ws_rate_limited"));
            return null;
        }
        Optional<ClinicRecord> clinic;
        try {
            clinic = authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        } catch (RuntimeException e) {
            LOG.error("credential check failed: {}", e.toString());
            errors.write(response, callback, new RelayException(503, "store_unavailable"));
            return null;
        }
        if (clinic.isEmpty()) {
            limiter.failed(address);
            LOG.info("refused WebSocket login from {}", address);
            errors.write(response, callback, new RelayException(401, "ws_credential"));
            return null;
        }
        return hub.newLink(clinic.get().id());
    }

    private Optional<ClinicRecord> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String credential = authorization.substring(7).trim();
        int dot = credential.indexOf('.');
        if (dot <= 0 || dot == credential.length() - 1) {
            return Optional.empty();
        }
        String id = credential.substring(0, dot);
        byte[] presented = Secrets.sha256(credential.substring(dot + 1));
        return store.clinic(id).filter(ClinicRecord::active)
                .filter(c -> MessageDigest.isEqual(c.secretSha256(), presented));
    }

}
