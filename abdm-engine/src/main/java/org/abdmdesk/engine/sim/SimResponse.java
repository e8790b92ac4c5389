package org.abdmdesk.engine.sim;

/** What an endpoint answers: status, content type and body bytes (JSON is serialised by {@link Router}). */
record SimResponse(int status, String contentType, Object jsonBody, byte[] bytes) {

    static SimResponse json(int status, Object body) {
        return new SimResponse(status, "application/json", body, null);
    }

    static SimResponse ok(Object body) {
        return json(200, body);
    }

    /** 202 Accepted with no body: how the gateway takes asynchronous calls. */
    static SimResponse accepted() {
        return new SimResponse(202, "application/json", null, new byte[0]);
    }

    static SimResponse png(byte[] png) {
        return new SimResponse(200, "image/png", null, png);
    }
}
