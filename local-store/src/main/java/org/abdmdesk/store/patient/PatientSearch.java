package org.abdmdesk.store.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the front desk typed into a WHERE clause over {@code patient p}:
 * <ul>
 * <li>an ABHA number (14 digits, hyphens or spaces allowed) matches {@code abha_number};
 * <li>text with {@code @} matches a full ABHA address (any case);
 * <li>{@code MRN-123} / {@code mrn000123} matches that MRN;
 * <li>4 or more digits (a leading {@code +91} or {@code 0} dropped as for a mobile) match the end of
 *     the mobile number or of the MRN's digits;
 * <li>anything else: every word must occur in the normalised name ({@code LIKE}, with {@code %} and
 *     {@code _} escaped), and a single word also matches an ABHA address username exactly;
 * <li>a blank query matches everyone (the newest patients).
 * </ul>
 */
final class PatientSearch {
    private static final Pattern ABHA_NUMBER = Pattern.compile("\\d{2}[- ]?\\d{4}[- ]?\\d{4}[- ]?\\d{4}");
    private static final Pattern MRN = Pattern.compile("(?i)mrn[- ]?(\\d+)");
    private static final Pattern DIGITS = Pattern.compile("\\+?[\\d -]{4,}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._%+-]+");
    private static final char ESCAPE = '\\';

    /** A WHERE clause (starting with {@code " WHERE"}) and its parameters, in order. */
    record Where(String clause, List<Object> params) {
        Where {
            params = List.copyOf(params);
        }
    }

    private PatientSearch() {
    }

    static Where where(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return new Where("", List.of());
        }
        if (ABHA_NUMBER.matcher(q).matches()) {
            return new Where(" WHERE p.abha_number = ?", List.of(q.replaceAll("[- ]", "")));
        }
        if (q.indexOf('@') >= 0) {
            return new Where(" WHERE p.id IN (SELECT patient_id FROM patient_abha_address WHERE address = ?)",
                    List.of(q.replaceAll("\\s", "").toLowerCase(Locale.ROOT)));
        }
        Matcher mrn = MRN.matcher(q);
        if (mrn.matches()) {
            return new Where(" WHERE p.mrn = ?", List.of(mrn(mrn.group(1))));
        }
        if (DIGITS.matcher(q).matches()) {
            String digits = mobileDigits(q.replaceAll("[ -]", ""));
            if (digits.length() >= 4) {
                String suffix = "%" + digits;
                return new Where(" WHERE (p.mobile LIKE ? ESCAPE '\\' OR p.mrn LIKE ? ESCAPE '\\')",
                        List.of(suffix, suffix));
            }
        }
        return byName(q);
    }

    private static Where byName(String q) {
        String[] words = NameNormaliser.normalise(q).split(" ");
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String word : words) {
            conditions.add("p.name_normalised LIKE ? ESCAPE '\\'");
            params.add("%" + escapeLike(word) + "%");
        }
        String names = String.join(" AND ", conditions);
        if (words.length == 1 && USERNAME.matcher(words[0]).matches()) {
            params.add(words[0]);
            return new Where(" WHERE (" + names
                    + " OR p.id IN (SELECT patient_id FROM patient_abha_address WHERE username = ?))", params);
        }
        return new Where(" WHERE " + names, params);
    }

    /** {@code %}, {@code _} and the escape character itself, made literal for {@code LIKE ... ESCAPE '\'}. */
    static String escapeLike(String text) {
        StringBuilder b = new StringBuilder(text.length() + 4);
        for (char ch : text.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == ESCAPE) {
                b.append(ESCAPE);
            }
            b.append(ch);
        }
        return b.toString();
    }

    private static String mrn(String digits) {
        String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
        return trimmed.length() <= 6 ? "MRN-" + "0".repeat(6 - trimmed.length()) + trimmed : "MRN-" + trimmed;
    }

    /** Drops a leading +91 / 91 / 0 the way a full mobile number is written, so it still matches. */
    private static String mobileDigits(String compact) {
        String d = compact.startsWith("+") ? compact.substring(1) : compact;
        if (d.length() == 12 && d.startsWith("91")) {
            return d.substring(2);
        }
        if (d.length() == 11 && d.startsWith("0")) {
            return d.substring(1);
        }
        return d;
    }
}
