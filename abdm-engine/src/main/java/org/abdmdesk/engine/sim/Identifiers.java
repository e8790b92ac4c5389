package org.abdmdesk.engine.sim;

import java.util.Locale;
import java.util.Set;
import org.abdmdesk.engine.identity.Verhoeff;

/** Server-side checks and normal forms of the identifiers clients send (after decryption). */
final class Identifiers {
    private Identifiers() {
    }

    /** A 12-digit, first digit 2-9, Verhoeff-valid Aadhaar, or UIDAI's "Invalid Aadhaar Number". */
    static String aadhaar(String plain) {
        String d = plain.replaceAll("[\\s-]", "");
        if (!d.matches("[2-9]\\d{11}") || !Verhoeff.isValid(d)) {
            throw AbdmErrors.uidaiInvalidAadhaar();
        }
        return d;
    }

    /** A 10-digit Indian mobile (6-9 first), or ABDM-1006 "Invalid mobile number". */
    static String mobile(String plain) {
        String d = plain.strip();
        if (!d.matches("[6-9]\\d{9}")) {
            throw AbdmErrors.invalid("Invalid mobile number");
        }
        return d;
    }

    static boolean isMobile(String s) {
        return s != null && s.matches("[6-9]\\d{9}");
    }

    /** 14 digits from a hyphenated or plain ABHA number, or ABDM-1006 "Invalid ABHA number". */
    static String abhaNumber(String plain) {
        String d = plain.replace("-", "").replace(" ", "").strip();
        if (!d.matches("\\d{14}")) {
            throw AbdmErrors.invalid("Invalid ABHA number");
        }
        return d;
    }

    /** A full ABHA address in lower case; a bare username gets {@code @sbx}. */
    static String address(String plain) {
        String s = plain.strip().toLowerCase(Locale.ROOT);
        if (!s.contains("@")) {
            s = s + SimState.SUFFIX;
        }
        if (!s.matches("[a-z0-9._%+-]+@[a-z]+")) {
            throw AbdmErrors.invalid("Invalid ABHA address");
        }
        return s;
    }

    static void requireScope(Set<String> actual, Set<String> expected) {
        if (!actual.equals(expected)) {
            throw AbdmErrors.invalid("Invalid scope");
        }
    }
}
