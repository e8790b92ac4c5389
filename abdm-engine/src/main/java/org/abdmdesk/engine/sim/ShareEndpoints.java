package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /patient-share/v3/on-share}: the HIP's answer to a profile share (abdm-gateway-v3.md
 * section 2.1 (b)). Either {@code acknowledgement {status, abhaAddress, profile {context, tokenNumber,
 * expiry}}} ({@code profile} required for SUCCESS) or {@code error {code, message}}, and always
 * {@code response.requestId} = the REQUEST-ID of the share. Missing fields: field-map 400; a requestId
 * the simulator never sent: ABDM-1030; a second answer to one share: ABDM-1087. Accepted: 202, no body.
 */
final class ShareEndpoints {
    private static final Set<String> STATUSES = Set.of(OnShareReply.SUCCESS, OnShareReply.FAILED);

    private final ShareBook book;

    ShareEndpoints(ShareBook book) {
        this.book = book;
    }

    SimResponse onShare(SimRequest request) {
        JsonNode body = request.json();
        Problems p = new Problems();
        String requestId = p.text(body.path("response").path("requestId"), "response.requestId");
        JsonNode error = body.path("error");
        JsonNode ack = body.path("acknowledgement");
        JsonNode profile = ack.path("profile");
        OnShareReply reply;
        if (error.isObject()) {
            String code = p.text(error.path("code"), "error.code");
            String message = p.text(error.path("message"), "error.message");
            p.done();
            reply = new OnShareReply(requestId, OnShareReply.FAILED, "", "", "", ack.path("abhaAddress").asText("").strip(),
                    code, message, request.now());
        } else {
            String status = p.text(ack.path("status"), "acknowledgement.status");
            p.require(status == null || STATUSES.contains(status), "acknowledgement.status", "must be SUCCESS or FAILED");
            String address = p.text(ack.path("abhaAddress"), "acknowledgement.abhaAddress");
            boolean success = OnShareReply.SUCCESS.equals(status);
            String context = success ? p.text(profile.path("context"), "acknowledgement.profile.context")
                    : profile.path("context").asText("");
            String token = success ? p.text(profile.path("tokenNumber"), "acknowledgement.profile.tokenNumber")
                    : profile.path("tokenNumber").asText("");
            String expiry = success ? p.scalar(profile.path("expiry"), "acknowledgement.profile.expiry")
                    : profile.path("expiry").asText("");
            p.done();
            reply = new OnShareReply(requestId, status, token, context, expiry, address, "", "", request.now());
        }
        book.accept(reply);
        return SimResponse.accepted();
    }

    /** Field problems under dotted names ({@code acknowledgement.profile.tokenNumber}), one field-map 400. */
    private static final class Problems {
        private final Map<String, String> problems = new LinkedHashMap<>();

        /** Non-blank text, stripped; else null and a problem. */
        String text(JsonNode node, String name) {
            if (!node.isTextual() || node.asText().isBlank()) {
                problems.putIfAbsent(name, "must not be empty");
                return null;
            }
            return node.asText().strip();
        }

        /** Like {@link #text} but a number is accepted too (HIPs send {@code expiry} either way). */
        String scalar(JsonNode node, String name) {
            return node.isNumber() ? node.asText() : text(node, name);
        }

        void require(boolean ok, String name, String problem) {
            if (!ok) {
                problems.putIfAbsent(name, problem);
            }
        }

        void done() {
            if (!problems.isEmpty()) {
                throw SimError.fieldMap(problems);
            }
        }
    }
}
