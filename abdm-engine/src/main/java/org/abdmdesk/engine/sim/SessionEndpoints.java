package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;

/** The gateway session ({@code POST /gateway/v3/sessions}) and ABDM's public-key certificate. */
final class SessionEndpoints {
    private final SimState state;
    private final String clientId;
    private final String clientSecret;

    SessionEndpoints(SimState state, String clientId, String clientSecret) {
        this.state = state;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** Client credentials in, a bearer token for 20 minutes out (HTTP 202, as NHA's OpenAPI says). */
    SimResponse session(SimRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields();
        String id = f.text(body, "clientId", "clientId must not be empty");
        String secret = f.text(body, "clientSecret", "clientSecret must not be empty");
        String grant = f.text(body, "grantType", "grantType must not be empty");
        f.require(grant == null || grant.equals("client_credentials"), "grantType", "Invalid grantType");
        f.done();
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            throw AbdmErrors.badClientCredentials();
        }
        String token = state.locked(() -> state.newSession(id, request.now()));
        return SimResponse.json(202, JsonMaps.of("accessToken", token,
                "expiresIn", SimState.SESSION_LIFETIME.toSeconds(),
                "refreshExpiresIn", SimState.SESSION_REFRESH_LIFETIME.toSeconds(),
                "refreshToken", state.newToken(), "tokenType", "bearer"));
    }

    SimResponse certificate(SimRequest request) {
        return SimResponse.ok(JsonMaps.of("publicKey", SimKeys.publicKeyBase64(),
                "encryptionAlgorithm", SimKeys.TRANSFORMATION));
    }
}
