package org.abdmdesk.engine.abha;

import java.time.LocalDate;
import java.util.Optional;

/** A date of birth that may know only the year, or year and month (real ABHA data does this). */
public record PartialDate(int year, Optional<Integer> month, Optional<Integer> day) {
    public PartialDate {
        if (year < 1850 || year > 2200) {
            throw new IllegalArgumentException("implausible birth year");
        }
        if (day.isPresent() && month.isEmpty()) {
            throw new IllegalArgumentException("a day needs a month");
        }
        if (month.isPresent() && day.isPresent()) {
            LocalDate.of(year, month.get(), day.get());
        } else if (month.isPresent() && (month.get() < 1 || month.get() > 12)) {
            throw new IllegalArgumentException("month out of range");
        }
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), Optional.of(date.getMonthValue()), Optional.of(date.getDayOfMonth()));
    }

    public static PartialDate yearOnly(int year) {
        return new PartialDate(year, Optional.empty(), Optional.empty());
    }

    /** The full date when day and month are known. */
    public Optional<LocalDate> toLocalDate() {
        return day.map(d -> LocalDate.of(year, month.orElseThrow(), d));
    }

    /** "22-10-1991", "10-1991" or "1991": how ABDM and the desk print it. */
    @Override
    public String toString() {
        if (day.isPresent()) {
            return String.format("%02d-%02d-%04d", day.get(), month.orElseThrow(), year);
        }
        return month.map(m -> String.format("%02d-%04d", m, year)).orElse(Integer.toString(year));
    }
}
