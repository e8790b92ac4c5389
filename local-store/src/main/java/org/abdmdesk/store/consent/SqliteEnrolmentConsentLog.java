package org.abdmdesk.store.consent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.abdmdesk.engine.abha.EnrolmentConsent;
import org.abdmdesk.engine.abha.EnrolmentConsentLog;
import org.abdmdesk.store.db.Database;
import org.abdmdesk.store.db.SqlTimestamps;

/**
 * Every ABHA enrolment consent (CRT_ABHA_102) on SQLite; obtain it from
 * {@code LocalStore.enrolmentConsents()}. Append-only: there is no update or delete here, and
 * triggers in the schema refuse them from anywhere else. Statement ids are stored sorted and
 * comma-separated, so an id may not contain a comma; the text hash must be SHA-256 in hex.
 */
public final class SqliteEnrolmentConsentLog implements EnrolmentConsentLog {
    private static final String SEPARATOR = ",";

    private final Database database;

    public SqliteEnrolmentConsentLog(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public long record(EnrolmentConsent consent) {
        String statementIds = joinIds(consent.tickedStatementIds());
        String sha256 = checkSha256(consent.textSha256());
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO enrolment_consent (statement_ids, text_version, text_sha256, language, operator,
                        patient_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, statementIds);
                s.setString(2, Objects.requireNonNull(consent.textVersion(), "textVersion"));
                s.setString(3, sha256);
                s.setString(4, Objects.requireNonNull(consent.language(), "language"));
                s.setString(5, Objects.requireNonNull(consent.operator(), "operator"));
                s.setString(6, Objects.requireNonNull(consent.patientName(), "patientName"));
                s.setString(7, SqlTimestamps.format(Objects.requireNonNull(consent.at(), "at")));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT last_insert_rowid()");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** All consents in the order they were recorded. */
    @Override
    public List<EnrolmentConsent> all() {
        return database.read(c -> {
            List<EnrolmentConsent> consents = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT statement_ids, text_version, text_sha256, language, operator, patient_name, recorded_at
                    FROM enrolment_consent ORDER BY id""");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consents.add(new EnrolmentConsent(splitIds(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), SqlTimestamps.parse(rs.getString(7))));
                }
            }
            return consents;
        });
    }

    private static String joinIds(Set<String> ids) {
        for (String id : ids) {
            if (id.isBlank() || id.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a statement id must be non-blank and without a comma: '" + id + "'");
            }
        }
        return ids.stream().sorted().collect(Collectors.joining(SEPARATOR));
    }

    private static Set<String> splitIds(String joined) {
        return joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(SEPARATOR)));
    }

    private static String checkSha256(String hex) {
        String lower = Objects.requireNonNull(hex, "textSha256").strip().toLowerCase(Locale.ROOT);
        if (lower.length() != 64 || !lower.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("textSha256 must be 64 hex digits");
        }
        return lower;
    }
}
