package org.abdmdesk.relay.store;

/** The store could not do what was asked (disk, lock, corruption); callers answer 503 or fail the command. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
