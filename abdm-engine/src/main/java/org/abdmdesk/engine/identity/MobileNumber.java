package org.abdmdesk.engine.identity;

/** An Indian mobile number: 10 digits starting 6-9; "+91" or a leading 0 are accepted and dropped. */
public record MobileNumber(String digits) {
    public MobileNumber {
        Check c = check(digits);
        if (!c.acceptable()) {
            throw new IllegalArgumentException("not a valid mobile number: " + c.problemKey().orElseThrow());
        }
        digits = normalise(digits);
    }

    public static Check check(String input) {
        String d = normalise(input);
        if (d.isEmpty()) {
            return Check.error("mobile.required");
        }
        if (d.length() != 10 || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Check.error("mobile.format");
        }
        if (d.charAt(0) < '6') {
            return Check.error("mobile.firstDigit");
        }
        return Check.ok();
    }

    public static MobileNumber of(String input) {
        return new MobileNumber(input);
    }

    /** "******1234" for screens and logs. */
    public String masked() {
        return "******" + digits.substring(6);
    }

    @Override
    public String toString() {
        return masked();
    }

    static String normalise(String input) {
        if (input == null) {
            return "";
        }
        String d = input.replaceAll("[\\s-]", "");
        if (d.startsWith("+91")) {
            d = d.substring(3);
        } else if (d.length() == 12 && d.startsWith("91")) {
            d = d.substring(2);
        } else if (d.length() == 11 && d.startsWith("0")) {
            d = d.substring(1);
        }
        return d;
    }
}
