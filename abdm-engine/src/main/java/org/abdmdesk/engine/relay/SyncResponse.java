package org.abdmdesk.engine.relay;

import java.util.Objects;

/** The answer to a synchronous relay call: HTTP status, content type and body (UTF-8 text). */
public record SyncResponse(int status, String contentType, String body) {
    public SyncResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
