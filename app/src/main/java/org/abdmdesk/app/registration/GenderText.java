package org.abdmdesk.app.registration;

import javafx.util.StringConverter;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.engine.identity.Gender;

/** Shows a {@link Gender} in the desk's language. */
public final class GenderText extends StringConverter<Gender> {
    private final I18n i18n;

    public GenderText(I18n i18n) {
        this.i18n = i18n;
    }

    @Override
    public String toString(Gender g) {
        return g == null ? "" : i18n.get("gender." + g.name());
    }

    @Override
    public Gender fromString(String s) {
        throw new UnsupportedOperationException("choose from the list");
    }
}
