package org.abdmdesk.engine.sim;

/** What an endpoint answers: status, content type and body bytes (JSON is serialised by {@link Router}). */
record SimResponse(int status, String contentType, Object jsonBody, byte[] bytes) {

    static SimResponse json(int status, Object body) {
        return new SimResponse(status, "application/json", body, null);
    }

    static SimResponse ok(Object body) {
        return json(200, body);
    }

    static SimResponse png(byte[] png) {
        return new SimResponse(200, "image/png", null, png);
    }
}
