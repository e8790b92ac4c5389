package org.abdmdesk.relay.store;

import java.time.Instant;

/** One durably stored, sealed message waiting for a clinic's ack. */
public record StoredMessage(String clinicId, long seq, MessageKind kind, Instant receivedAt, byte[] sealed) {
}
