package org.abdmdesk.engine.qr;

import java.time.DateTimeException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abdmdesk.engine.abha.PartialDate;

/**
 * Reads the {@code dob} of an ABHA QR, whose format varies: {@code 25/6/2012}, {@code 05-06-2012},
 * {@code 5-6-2012}, {@code 2012-06-05} or just {@code 1977}. A {@code 00} day or month means "not known".
 * Day comes before month (Indian order) unless the year comes first.
 */
final class BirthDates {
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})");
    private static final Pattern YEAR_ONLY = Pattern.compile("\\d{4}");

    private BirthDates() {
    }

    /** The date, or empty when the text is absent, masked ({@code xx/9/19xx}) or impossible. */
    static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            Matcher m = DAY_FIRST.matcher(s);
            if (m.matches()) {
                return Optional.of(of(num(m, 3), num(m, 2), num(m, 1)));
            }
            m = YEAR_FIRST.matcher(s);
            if (m.matches()) {
                return Optional.of(of(num(m, 1), num(m, 2), num(m, 3)));
            }
            if (YEAR_ONLY.matcher(s).matches()) {
                return Optional.of(PartialDate.yearOnly(Integer.parseInt(s)));
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static PartialDate of(int year, int month, int day) {
        Optional<Integer> m = month == 0 ? Optional.empty() : Optional.of(month);
        Optional<Integer> d = day == 0 || m.isEmpty() ? Optional.empty() : Optional.of(day);
        return new PartialDate(year, m, d);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
