package org.abdmdesk.relay.store;

/** Where a stored message came from: a gateway callback or an HIP's data push (protocol §4.2 {@code kind}). */
public enum MessageKind {
    CALLBACK, PUSH;

    /** The wire name ({@code callback} / {@code push}). */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
