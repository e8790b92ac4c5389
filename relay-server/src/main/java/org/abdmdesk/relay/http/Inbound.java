package org.abdmdesk.relay.http;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.abdmdesk.relay.metrics.RelayMetrics;
import org.abdmdesk.relay.seal.Envelope;
import org.abdmdesk.relay.seal.Sealer;
import org.abdmdesk.relay.store.ClinicRecord;
import org.abdmdesk.relay.store.MessageKind;
import org.abdmdesk.relay.store.RelayStore;
import org.abdmdesk.relay.store.StoredMessage;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seals a received call to its clinic and waits (on a virtual thread) until it is committed. */
final class Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);
    private final RelayStore store;
    private final Sealer sealer;
    private final RelayMetrics metrics;
    private final Clock clock;

    Inbound(RelayStore store, Sealer sealer, RelayMetrics metrics, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.metrics = metrics;
        this.clock = clock;
    }

    byte[] seal(Request request, ClinicRecord clinic, byte[] body, Instant receivedAt) {
        Envelope envelope = Envelope.of(request.getMethod(), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), request.getHeaders()::get, body, receivedAt);
        return sealer.seal(clinic.publicKey(), envelope.toJson());
    }

    /** Seals and stores; returns only after the commit. */
    StoredMessage store(Request request, ClinicRecord clinic, MessageKind kind, byte[] body) {
        Instant receivedAt = clock.instant();
        byte[] sealed = seal(request, clinic, body, receivedAt);
        Optional<StoredMessage> stored;
        try {
            stored = store.append(clinic.id(), kind, receivedAt, sealed).get();
        } catch (ExecutionException | CompletionException e) {
            LOG.error("storing a {} for {} failed: {}", kind.wire(), clinic.id(), e.getCause().toString());
            throw new RelayException(503, "store_unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayException(503, "store_unavailable");
        }
        StoredMessage message = stored.orElseThrow(() -> new RelayException(404, "unknown_clinic"));
        metrics.stored();
        LOG.debug("stored {} {}#{} ({} bytes, request {})", kind.wire(), clinic.id(), message.seq(), body.length,
                request.getHeaders().get("REQUEST-ID"));
        return message;
    }
}
