package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * The HIE-CM gateway's own endpoints (abdm-gateway-v3.md sections 1.2-1.4): its public keys
 * ({@code /gateway/v3/certs} as a JWKS, {@code /gateway/v3/.well-known/openid-configuration}), the
 * client's bridge URL ({@code PATCH /gateway/v3/bridge/url}) and the services registered to that
 * bridge ({@code GET /gateway/v3/bridge-services}).
 */
final class GatewayEndpoints {
    private final SimState state;
    private final URI jwksUrl;
    private final List<BridgeService> services;

    GatewayEndpoints(SimState state, URI jwksUrl, List<BridgeService> services) {
        this.state = state;
        this.jwksUrl = jwksUrl;
        this.services = services;
    }

    /** The gateway's signing key as a JWKS: always the JVM's gateway key, whatever signer the callbacks use. */
    SimResponse certs(SimRequest request) {
        return SimResponse.ok(CallbackSigner.gateway().publicJwks());
    }

    SimResponse openIdConfiguration(SimRequest request) {
        return SimResponse.ok(JsonMaps.of("issuer", CallbackSigner.ISSUER, "jwks_uri", jwksUrl.toString()));
    }

    /** {@code {"url": "<bridge base URL>"}} -> 202; the gateway appends {@code /api/v3/...} itself. */
    SimResponse bridgeUrl(SimRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields();
        String text = f.text(body, "url", "url must not be empty");
        URI url = text == null ? null : httpUrl(text);
        f.require(text == null || url != null, "url", "url must be an absolute http(s) URL");
        f.done();
        String clientId = clientOf(request);
        state.locked(() -> {
            state.registerBridge(clientId, url);
            return null;
        });
        return SimResponse.accepted();
    }

    /** The bridge (the client) and its services; 204 when it has none. */
    SimResponse bridgeServices(SimRequest request) {
        String clientId = clientOf(request);
        if (services.isEmpty()) {
            return new SimResponse(204, "application/json", null, new byte[0]);
        }
        URI url = state.locked(() -> state.bridge(clientId)).orElse(null);
        Map<String, Object> bridge = JsonMaps.of("id", clientId, "name", clientId,
                "url", url == null ? null : url.toString(), "active", true, "blocklisted", false);
        List<Map<String, Object>> list = services.stream().map(s -> JsonMaps.of("id", s.id(), "name", s.name(),
                "types", s.types(), "endpoints", null, "active", true)).toList();
        return SimResponse.ok(JsonMaps.of("bridge", bridge, "services", list));
    }

    /** The client id behind the (already checked) session token. */
    private String clientOf(SimRequest request) {
        String token = request.header("Authorization").orElse("").replaceFirst("^Bearer ", "").strip();
        return state.locked(() -> state.sessionClient(token, request.now()))
                .orElseThrow(() -> AbdmErrors.gatewayToken(request.path()));
    }

    private static URI httpUrl(String text) {
        try {
            return SimulatorConfig.requireHttpUrl(new URI(text));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
