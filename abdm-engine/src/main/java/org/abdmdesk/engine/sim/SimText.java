package org.abdmdesk.engine.sim;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The simulator's sentences for people (CLI output, demo scenario descriptions), English and Hindi. */
public final class SimText {
    public static final String BUNDLE = "org.abdmdesk.engine.sim.simulator";

    private SimText() {
    }

    /** The sentence for {@code key} with {@code args} filled in ({@link MessageFormat} rules). */
    public static String get(Locale locale, String key, Object... args) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
