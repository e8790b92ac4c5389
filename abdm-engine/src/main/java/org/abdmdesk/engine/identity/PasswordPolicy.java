package org.abdmdesk.engine.identity;

/**
 * ABHA password policy: 8+ characters, an upper-case and a lower-case letter, a digit, one of
 * {@code #?!@$%&*}, no spaces and no run of three consecutive digits such as {@code 123}.
 */
public final class PasswordPolicy {
    private PasswordPolicy() {
    }

    public static Check check(String password) {
        String p = password == null ? "" : password;
        if (p.isEmpty()) {
            return Check.error("password.required");
        }
        if (p.length() < 8) {
            return Check.error("password.length");
        }
        if (p.chars().anyMatch(Character::isWhitespace)) {
            return Check.error("password.spaces");
        }
        if (p.chars().noneMatch(c -> c >= 'A' && c <= 'Z') || p.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            return Check.error("password.case");
        }
        if (p.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return Check.error("password.digit");
        }
        if (p.chars().noneMatch(c -> "#?!@$%&*".indexOf(c) >= 0)) {
            return Check.error("password.special");
        }
        for (int i = 2; i < p.length(); i++) {
            char a = p.charAt(i - 2);
            char b = p.charAt(i - 1);
            char c = p.charAt(i);
            if (Character.isDigit(a) && b == a + 1 && c == b + 1) {
                return Check.error("password.sequence");
            }
        }
        return Check.ok();
    }
}
