package org.abdmdesk.relay.cli;

/** A command failed in a way the operator can fix; {@link #key} names the sentence in the messages bundle. */
final class CommandFailure extends RuntimeException {
    private final String key;
    private final int exitCode;
    private final transient Object[] args;

    CommandFailure(int exitCode, String key, Object... args) {
        super(key, null, false, false);
        this.exitCode = exitCode;
        this.key = key;
        this.args = args.clone();
    }

    String key() {
        return key;
    }

    int exitCode() {
        return exitCode;
    }

    Object[] args() {
        return args.clone();
    }
}
