package org.abdmdesk.relay.ws;

/** A clinic's {@code response} frame to a synchronous call (protocol §4.3). */
public record SyncAnswer(int status, String contentType, String body) {
}
