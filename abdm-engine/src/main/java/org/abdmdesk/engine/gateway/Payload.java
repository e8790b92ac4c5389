package org.abdmdesk.engine.gateway;

/** A successful answer as bytes (an ABHA card, a QR image), with its content type as ABDM sent it. */
public record Payload(int status, String contentType, byte[] bytes) {
}
