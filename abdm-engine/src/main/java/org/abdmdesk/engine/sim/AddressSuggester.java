package org.abdmdesk.engine.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.abdmdesk.engine.identity.AbhaAddress;

/**
 * ABHA address suggestions from the name and birth date, like ABDM's: bare usernames, each one
 * valid under the new-address policy and not yet taken. Always at least 4.
 */
final class AddressSuggester {
    static final int MIN = 4;
    static final int MAX = 6;

    private AddressSuggester() {
    }

    static List<String> suggest(Person p, Predicate<String> taken) {
        String first = clean(p.firstName());
        String last = clean(p.lastName().isBlank() ? p.middleName() : p.lastName());
        String dd = String.format("%02d", p.dob().getDayOfMonth());
        String mm = String.format("%02d", p.dob().getMonthValue());
        String yyyy = Integer.toString(p.dob().getYear());
        Set<String> candidates = new LinkedHashSet<>(List.of(
                first + "." + last,
                first + last,
                first + "_" + dd + mm + yyyy,
                first + "." + last + yyyy,
                last + "." + first + yyyy.substring(2),
                first + last + dd + mm,
                first + "_" + last + dd,
                first + yyyy));
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            if (out.size() < MAX && AbhaAddress.checkNewUsername(c).acceptable() && !taken.test(c)) {
                out.add(c);
            }
        }
        for (int n = 1; out.size() < MIN; n++) {
            String c = (first + last + n + yyyy);
            c = c.length() > 18 ? c.substring(c.length() - 18) : c;
            if (AbhaAddress.checkNewUsername(c).acceptable() && !taken.test(c) && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static String clean(String s) {
        String c = s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return c.isEmpty() ? "abha" : c;
    }
}
