package org.abdmdesk.app.shell;

import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.relay.LinkState;

/**
 * What the status line says about messages with ABDM: whether a relay is set up, the relay link
 * and its last failure, replies waiting for ABDM or given up on, and callbacks that could not be handled.
 */
public record ExchangeStatus(boolean configured, LinkState link, Optional<AbdmException> failure, int outboxWaiting,
        int outboxFailed, int inboundFailed) {

    public ExchangeStatus {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(failure, "failure");
    }

    /** No relay is set up (real mode without relay settings). */
    public static ExchangeStatus notConfigured() {
        return new ExchangeStatus(false, LinkState.DISCONNECTED, Optional.empty(), 0, 0, 0);
    }
}
