package org.abdmdesk.app.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.i18n.EngineText;
import org.abdmdesk.engine.identity.Check;

/** The app's sentences for people ({@code org/abdmdesk/app/i18n/messages}) and the engine's field checks. */
public final class I18n {
    public static final String BUNDLE = "org.abdmdesk.app.i18n.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = Objects.requireNonNull(locale);
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The sentence for {@code key}, formatted by MessageFormat (so an apostrophe is written '') */
    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        return new MessageFormat(text, locale).format(args);
    }

    /** The engine's sentence for a failed field check, or "" when the check passed. */
    public String check(Check check) {
        return check.problemKey().map(k -> EngineText.get(locale, k)).orElse("");
    }

    public String problem(AbdmException e) {
        return e.userMessage(locale);
    }
}
