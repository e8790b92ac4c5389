package org.abdmdesk.relay.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every operator-facing sentence of the relay (CLI output, HTTP error messages, WebSocket error frames)
 * comes from the {@code messages} resource bundle; CLI text has a Hindi twin ({@code messages_hi}).
 * HTTP and WebSocket texts are always English: the callers are machines and their logs.
 */
public final class Messages {
    private static final String BUNDLE = "org.abdmdesk.relay.i18n.messages";
    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** Messages for the given locale (falls back to English). */
    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** English messages, used on the wire. */
    public static Messages english() {
        return forLocale(Locale.ROOT);
    }

    /** The sentence for {@code key}, with {@code args} filled in ({@link MessageFormat} syntax). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }
}
