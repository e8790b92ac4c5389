package org.abdmdesk.engine.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The scan-and-share queue tokens (implemented by the local store). Issuing is one atomic step, so
 * numbering stays sequential and a crash never leaves half a token.
 */
public interface ShareTokens {

    /**
     * The token for this share, in this order: the token already issued for the same REQUEST-ID (the
     * callback is being handled again); else the patient's token at the same counter that is still
     * valid at {@code now} and not {@link ShareToken.Status#DONE} (a repeat share: same token, same
     * expiry); else a new token, numbered one more than the highest of that counter and day, waiting.
     */
    ShareToken issue(TokenRequest request);

    /** The tokens still valid at {@code now}, every counter, by counter and number. */
    List<ShareToken> live(Instant now);

    Optional<ShareToken> find(long id);

    /** Moves token {@code id} to {@code status}; {@code false} if there is no such token. */
    boolean setStatus(long id, ShareToken.Status status);
}
