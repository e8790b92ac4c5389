package org.abdmdesk.app.abha.create;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.abdmdesk.app.common.I18n;

/**
 * The seven ABHA-enrolment consent statements (certification.md 2.2), worded by us in the app
 * bundle under a version, in English and Hindi. Statements 1, 6 and 7 are required; statement 2
 * (another document instead of Aadhaar) must stay unticked on the Aadhaar route.
 */
final class ConsentStatements {
    static final List<String> IDS = List.of("1", "2", "3", "4", "5", "6", "7");
    static final Set<String> REQUIRED = Set.of("1", "6", "7");
    static final String MUST_STAY_UNTICKED = "2";
    /** Another document instead of Aadhaar: statement 2 is what the patient asks for, 6 and 7 as always. */
    static final Set<String> DRIVING_LICENCE_REQUIRED = Set.of("2", "6", "7");

    private ConsentStatements() {
    }

    /** The statements as shown, with the operator and patient names filled in. */
    static List<String> render(Locale locale, String operator, String patientName) {
        I18n text = new I18n(locale);
        return IDS.stream().map(id -> text.get("consent.statement." + id, operator, patientName)).toList();
    }

    static String version(Locale locale) {
        return new I18n(locale).get("consent.version");
    }

    /** SHA-256 (hex) of exactly the text shown: the heading and the numbered statements, one per line. */
    static String sha256(Locale locale, List<String> statements) {
        StringBuilder shown = new StringBuilder(new I18n(locale).get("consent.heading")).append('\n');
        IntStream.range(0, statements.size()).forEach(i -> shown.append(i + 1).append(". ")
                .append(statements.get(i)).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shown.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
