package org.abdmdesk.engine.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking one field a person typed. {@link #problemKey()} names a sentence in the
 * engine's message bundle ({@code org.abdmdesk.engine.i18n.messages}); a {@link Severity#WARNING}
 * never blocks the person, an {@link Severity#ERROR} does.
 */
public record Check(Severity severity, Optional<String> problemKey) {
    public enum Severity { OK, WARNING, ERROR }

    private static final Check OK = new Check(Severity.OK, Optional.empty());

    public Check {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(problemKey);
        if ((severity == Severity.OK) != problemKey.isEmpty()) {
            throw new IllegalArgumentException("a problem key is given exactly when the check is not OK");
        }
    }

    public static Check ok() {
        return OK;
    }

    public static Check error(String key) {
        return new Check(Severity.ERROR, Optional.of(key));
    }

    public static Check warning(String key) {
        return new Check(Severity.WARNING, Optional.of(key));
    }

    /** True unless this is an error: warnings let the person go on. */
    public boolean acceptable() {
        return severity != Severity.ERROR;
    }
}
