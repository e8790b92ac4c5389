package org.abdmdesk.relay.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.abdmdesk.relay.i18n.Messages;
import org.abdmdesk.relay.metrics.RelayMetrics;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one place where refusals become HTTP answers: {@code {"error":{"code":"RELAY-<status>","message":"…"}}}
 * with an English sentence from the bundle, counted in metrics by reason.
 */
public final class ErrorResponses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Messages messages;
    private final RelayMetrics metrics;

    public ErrorResponses(Messages messages, RelayMetrics metrics) {
        this.messages = messages;
        this.metrics = metrics;
    }

    /** Writes the error body for {@code e} and completes {@code callback}. */
    public void write(Response response, Callback callback, RelayException e) {
        metrics.rejected(e.metricLabel());
        response.setStatus(e.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (e.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"abdm-relay\"");
        }
        if (e.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, e.allow());
        }
        response.write(true, ByteBuffer.wrap(body(e.status(), e.reason())), callback);
    }

    /** The JSON error body bytes. */
    public byte[] body(int status, String reason) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", "RELAY-" + status);
        error.put("message", messages.get("error." + reason));
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
