package org.abdmdesk.relay.config;

/** A config value that cannot be used; {@link #key} and {@link #args} name a sentence in the messages bundle. */
public final class ConfigException extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    public ConfigException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
