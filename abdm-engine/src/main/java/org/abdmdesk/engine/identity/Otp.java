package org.abdmdesk.engine.identity;

/**
 * A one-time password as typed by the person (6 digits). Like {@link AadhaarNumber} it is never
 * stored or logged; {@link #toString()} hides it.
 */
public final class Otp {
    private final String digits;

    private Otp(String digits) {
        this.digits = digits;
    }

    public static Check check(String input) {
        String d = input == null ? "" : input.strip();
        if (d.isEmpty()) {
            return Check.error("otp.required");
        }
        if (d.length() != 6 || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Check.error("otp.format");
        }
        return Check.ok();
    }

    public static Otp of(String input) {
        Check c = check(input);
        if (!c.acceptable()) {
            throw new IllegalArgumentException("not a valid OTP: " + c.problemKey().orElseThrow());
        }
        return new Otp(input.strip());
    }

    /** The digits, only for encryption right before a request leaves. */
    public String revealForEncryption() {
        return digits;
    }

    @Override
    public String toString() {
        return "******";
    }
}
