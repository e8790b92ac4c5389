package org.abdmdesk.engine.relay;

/** The state of the workstation's link to its relay, for the status line. */
public enum LinkState {
    /** Not connected; a reconnection is scheduled (or the client is closed or not started). */
    DISCONNECTED,
    /** Opening the WebSocket, waiting for the relay's welcome. */
    CONNECTING,
    /** Welcomed by the relay: callbacks flow. */
    CONNECTED,
    /**
     * The relay refused this workstation (bad credential) or another workstation took the link over;
     * the client does not retry by itself. {@link RelayClient#start()} tries again (after a settings change).
     */
    REJECTED
}
