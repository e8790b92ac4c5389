package org.abdmdesk.engine.identity;

/** Gender as ABDM codes it (M/F/O); anything else read from outside is UNKNOWN, never guessed. */
public enum Gender {
    MALE("M"), FEMALE("F"), OTHER("O"), UNKNOWN("U");

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Gender fromCode(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        return switch (code.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "M", "MALE" -> MALE;
            case "F", "FEMALE" -> FEMALE;
            case "O", "OTHER", "T" -> OTHER;
            default -> UNKNOWN;
        };
    }
}
