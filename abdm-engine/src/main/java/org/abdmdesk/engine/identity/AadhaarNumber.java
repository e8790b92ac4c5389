package org.abdmdesk.engine.identity;

/**
 * A 12-digit Aadhaar number that passed the Verhoeff check. It exists only in memory on its way to
 * being RSA-encrypted for ABDM: {@link #toString()} is masked, there is no accessor that is safe to
 * log, and nothing in this project stores it.
 */
public final class AadhaarNumber {
    private final String digits;

    private AadhaarNumber(String digits) {
        this.digits = digits;
    }

    /** Checks what a person typed; spaces and hyphens are allowed as separators. */
    public static Check check(String input) {
        String d = strip(input);
        if (d.isEmpty()) {
            return Check.error("aadhaar.required");
        }
        if (!d.chars().allMatch(Character::isDigit) || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Check.error("aadhaar.digitsOnly");
        }
        if (d.length() != 12) {
            return Check.error("aadhaar.length");
        }
        if (d.charAt(0) == '0' || d.charAt(0) == '1') {
            return Check.error("aadhaar.firstDigit");
        }
        if (!Verhoeff.isValid(d)) {
            return Check.error("aadhaar.checksum");
        }
        return Check.ok();
    }

    /** @throws IllegalArgumentException if {@link #check(String)} reports an error */
    public static AadhaarNumber of(String input) {
        Check c = check(input);
        if (!c.acceptable()) {
            throw new IllegalArgumentException("not a valid Aadhaar number: " + c.problemKey().orElseThrow());
        }
        return new AadhaarNumber(strip(input));
    }

    /** The 12 digits, only for encryption right before a request leaves. */
    public String revealForEncryption() {
        return digits;
    }

    /** "XXXX XXXX 1234": the only form a person or a log may see. */
    public String masked() {
        return "XXXX XXXX " + digits.substring(8);
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AadhaarNumber other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    static String strip(String input) {
        return input == null ? "" : input.replaceAll("[\\s-]", "");
    }
}
