package org.abdmdesk.engine.identity;

import java.util.Locale;

/**
 * An ABHA address {@code username@suffix} ({@code @sbx} in the sandbox, {@code @abdm} in production,
 * {@code @ndhm} on old cards). Reading is lenient (any suffix, any case); creating a new username is
 * held to the current ABHA-app policy by {@link #checkNewUsername(String)}.
 */
public record AbhaAddress(String username, String suffix) {
    public AbhaAddress {
        username = username.strip().toLowerCase(Locale.ROOT);
        suffix = suffix.strip().toLowerCase(Locale.ROOT);
        if (username.isEmpty() || suffix.isEmpty() || !username.matches("[a-z0-9._%+-]+")
                || !suffix.matches("[a-z]+")) {
            throw new IllegalArgumentException("not an ABHA address");
        }
    }

    /** Parses {@code name@sbx}; a bare {@code name} gets {@code defaultSuffix} (the CM id). */
    public static AbhaAddress parse(String input, String defaultSuffix) {
        String s = input == null ? "" : input.strip();
        int at = s.indexOf('@');
        return at < 0 ? new AbhaAddress(s, defaultSuffix) : new AbhaAddress(s.substring(0, at), s.substring(at + 1));
    }

    /** Whether {@code input} can be read as an address at all (lenient, for lookups). */
    public static Check checkExisting(String input) {
        String s = input == null ? "" : input.strip();
        if (s.isEmpty()) {
            return Check.error("abhaAddress.required");
        }
        return s.matches("[A-Za-z0-9._%+-]+(@[A-Za-z]+)?") ? Check.ok() : Check.error("abhaAddress.format");
    }

    /**
     * The policy for a new username: 8-18 letters and digits, at most one dot and one underscore,
     * neither at the start or the end, not all digits. The server stays the final judge.
     */
    public static Check checkNewUsername(String input) {
        String s = input == null ? "" : input.strip();
        if (s.contains("@")) {
            s = s.substring(0, s.indexOf('@'));
        }
        if (s.isEmpty()) {
            return Check.error("abhaAddress.required");
        }
        if (!s.matches("[A-Za-z0-9._]+")) {
            return Check.error("abhaAddress.characters");
        }
        if (s.length() < 8 || s.length() > 18) {
            return Check.error("abhaAddress.length");
        }
        if (count(s, '.') > 1 || count(s, '_') > 1) {
            return Check.error("abhaAddress.specialCount");
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if (first == '.' || first == '_' || last == '.' || last == '_') {
            return Check.error("abhaAddress.specialEdge");
        }
        if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Check.error("abhaAddress.allDigits");
        }
        return Check.ok();
    }

    public String full() {
        return username + "@" + suffix;
    }

    @Override
    public String toString() {
        return full();
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
