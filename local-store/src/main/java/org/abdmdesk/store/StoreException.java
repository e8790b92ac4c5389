package org.abdmdesk.store;

/**
 * The local store could not do what was asked: the database file cannot be opened or migrated, or
 * SQLite refused a statement for a reason the caller cannot fix by changing its input. Unchecked,
 * because the repositories' engine interfaces do not declare it; the app catches it at its boundary
 * and tells the person that the clinic's data could not be read or saved.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
