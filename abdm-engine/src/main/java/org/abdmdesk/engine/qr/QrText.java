package org.abdmdesk.engine.qr;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Text helpers of this package: cleaning scanned text and reading the package's sentence bundle. */
final class QrText {
    static final String BUNDLE = "org.abdmdesk.engine.qr.messages";

    private QrText() {
    }

    /** Scanned text without a byte-order mark and surrounding whitespace; {@code ""} for null. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip();
        while (s.startsWith("\uFEFF")) {
            s = s.substring(1).strip();
        }
        return s;
    }

    /** The sentence {@code key} (a {@link MessageFormat} pattern) filled with {@code args}. */
    static String sentence(Locale locale, String key, Object... args) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        return new MessageFormat(pattern, locale).format(args);
    }
}
