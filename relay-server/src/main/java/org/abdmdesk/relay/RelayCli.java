package org.abdmdesk.relay;

/** Placeholder entry point; the relay issue replaces it with the picocli CLI (serve, clinic add|list|revoke). */
public final class RelayCli {
    private RelayCli() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("the relay CLI is being built");
    }
}
