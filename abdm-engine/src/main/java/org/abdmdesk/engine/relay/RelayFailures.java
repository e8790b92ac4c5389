package org.abdmdesk.engine.relay;

import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.error.AbdmException.Kind;

/** The relay link's failures as {@link AbdmException}s whose advice is a sentence from the engine bundle. */
final class RelayFailures {
    static final String UNREACHABLE = "relay.error.unreachable";
    static final String CREDENTIAL = "relay.error.credential";
    static final String REPLACED = "relay.error.replaced";
    static final String RATE_LIMITED = "relay.error.rateLimited";
    static final String PROTOCOL = "relay.error.protocol";
    static final String UNSEAL = "relay.error.unseal";
    static final String STORE = "relay.error.store";
    static final String OFFLINE = "relay.error.offline";
    static final String PUSH_REFUSED = "relay.error.pushRefused";

    private RelayFailures() {
    }

    static AbdmException of(Kind kind, int status, String adviceKey, String technical, Throwable cause) {
        return new AbdmException(kind, null, null, status, adviceKey, technical, cause);
    }

    static AbdmException refused(String code, String message, String technical) {
        return new AbdmException(Kind.REJECTED, code, message, 0, PUSH_REFUSED, technical, null);
    }
}
