package org.abdmdesk.relay.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.abdmdesk.relay.seal.Envelope;
import org.abdmdesk.relay.store.StoredMessage;

/** The relay's outgoing WebSocket frames (protocol §4), as JSON text. */
final class Frames {
    static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    static String welcome(String clinicId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "welcome");
        n.put("clinicId", clinicId);
        n.put("protocol", 1);
        return n.toString();
    }

    static String deliver(StoredMessage m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "deliver");
        n.put("seq", m.seq());
        n.put("kind", m.kind().wire());
        n.put("receivedAt", Envelope.timestamp(m.receivedAt()));
        n.put("sealed", Base64.getEncoder().encodeToString(m.sealed()));
        return n.toString();
    }

    static String request(String corr, byte[] sealed) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "request");
        n.put("corr", corr);
        n.put("sealed", Base64.getEncoder().encodeToString(sealed));
        return n.toString();
    }

    static String pushRegistered(String token) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "push-registered");
        n.put("token", token);
        return n.toString();
    }

    static String error(String code, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "error");
        n.put("code", code);
        n.put("message", message);
        return n.toString();
    }
}
