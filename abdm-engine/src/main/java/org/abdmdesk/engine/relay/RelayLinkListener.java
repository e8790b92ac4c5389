package org.abdmdesk.engine.relay;

import java.util.Optional;
import org.abdmdesk.engine.error.AbdmException;

/**
 * Told each time the relay link changes state, on a client thread (the app hops to its UI thread).
 * {@code lastFailure} is what went wrong most recently, if anything, with a sentence for people in
 * {@link AbdmException#userMessage(java.util.Locale)}.
 */
@FunctionalInterface
public interface RelayLinkListener {
    void linkChanged(LinkState state, Optional<AbdmException> lastFailure);
}
