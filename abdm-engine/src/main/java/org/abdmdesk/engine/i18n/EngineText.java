package org.abdmdesk.engine.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/** The engine's sentences for people (validation problems, error advice), English and Hindi. */
public final class EngineText {
    public static final String BUNDLE = "org.abdmdesk.engine.i18n.messages";

    private EngineText() {
    }

    public static ResourceBundle bundle(Locale locale) {
        // No fallback to the JVM's default locale: an English request gets English even on a Hindi machine.
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The sentence for {@code key}; a missing key is a programming error and fails loudly. */
    public static String get(Locale locale, String key) {
        return bundle(locale).getString(key);
    }

    public static Optional<String> find(Locale locale, String key) {
        try {
            return Optional.of(bundle(locale).getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}
