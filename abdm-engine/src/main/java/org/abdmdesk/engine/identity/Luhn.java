package org.abdmdesk.engine.identity;

/**
 * The Luhn mod-10 check. Public ABHA numbers satisfy it, but ABDM does not document it, so it is
 * only ever used as a soft warning (see docs/decisions/0004-abha-number-checksum-is-advisory.md).
 */
public final class Luhn {
    private Luhn() {
    }

    public static boolean isValid(String digits) {
        return sum(digits, false) % 10 == 0;
    }

    public static int checkDigit(String digits) {
        return (10 - sum(digits, true) % 10) % 10;
    }

    private static int sum(String digits, boolean forAppend) {
        if (digits.isEmpty() || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("Luhn needs a non-empty string of digits");
        }
        int total = 0;
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            int d = digits.charAt(n - 1 - i) - '0';
            boolean doubled = forAppend ? i % 2 == 0 : i % 2 == 1;
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            total += d;
        }
        return total;
    }
}
