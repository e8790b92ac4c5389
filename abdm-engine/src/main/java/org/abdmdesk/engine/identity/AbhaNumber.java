package org.abdmdesk.engine.identity;

/**
 * A 14-digit ABHA number. Accepted with or without hyphens; shown as {@code xx-xxxx-xxxx-xxxx}.
 * ABDM does not publish a checksum; public numbers pass Luhn, so a Luhn failure is only a warning.
 */
public record AbhaNumber(String digits) {
    public AbhaNumber {
        Check c = check(digits);
        if (!c.acceptable()) {
            throw new IllegalArgumentException("not a valid ABHA number: " + c.problemKey().orElseThrow());
        }
        digits = strip(digits);
    }

    public static Check check(String input) {
        String raw = input == null ? "" : input.strip();
        if (raw.isEmpty()) {
            return Check.error("abhaNumber.required");
        }
        boolean hyphenated = raw.matches("\\d{2}-\\d{4}-\\d{4}-\\d{4}");
        String d = strip(raw);
        if (!hyphenated && !(d.length() == 14 && d.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return Check.error("abhaNumber.format");
        }
        if (!Luhn.isValid(d)) {
            return Check.warning("abhaNumber.checksum");
        }
        return Check.ok();
    }

    public static AbhaNumber of(String input) {
        return new AbhaNumber(input);
    }

    /** {@code 91-1234-5678-9012}, the form ABDM returns and the label "ABHA Number" shows. */
    public String hyphenated() {
        return digits.substring(0, 2) + "-" + digits.substring(2, 6) + "-" + digits.substring(6, 10) + "-"
                + digits.substring(10);
    }

    /** {@code xx-xxxx-xxxx-9012}, for logs and lists where the whole number is not needed. */
    public String masked() {
        return "xx-xxxx-xxxx-" + digits.substring(10);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String strip(String s) {
        return s.strip().replace("-", "").replace(" ", "");
    }
}
