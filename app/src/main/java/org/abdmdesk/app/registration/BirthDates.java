package org.abdmdesk.app.registration;

import java.time.DateTimeException;
import java.util.Optional;
import org.abdmdesk.engine.abha.PartialDate;

/** Reads what the desk types as a birth date: "22-10-1991", "10-1991" or just "1991". */
final class BirthDates {
    private BirthDates() {
    }

    /** Empty input is empty; unreadable input throws {@link IllegalArgumentException}. */
    static Optional<PartialDate> parse(String input) {
        String s = input == null ? "" : input.strip().replace('/', '-').replace('.', '-');
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = s.split("-");
        try {
            return Optional.of(switch (parts.length) {
                case 1 -> PartialDate.yearOnly(year(parts[0]));
                case 2 -> new PartialDate(year(parts[1]), Optional.of(Integer.parseInt(parts[0])), Optional.empty());
                case 3 -> new PartialDate(year(parts[2]), Optional.of(Integer.parseInt(parts[1])),
                        Optional.of(Integer.parseInt(parts[0])));
                default -> throw new IllegalArgumentException("not a date");
            });
        } catch (NumberFormatException | DateTimeException e) {
            throw new IllegalArgumentException("not a date", e);
        }
    }

    private static int year(String s) {
        if (s.length() != 4) {
            throw new IllegalArgumentException("year needs 4 digits");
        }
        return Integer.parseInt(s);
    }
}
