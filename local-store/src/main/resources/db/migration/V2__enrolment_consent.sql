-- Every ABHA enrolment consent (CRT_ABHA_102), kept for good: the triggers refuse changes and deletions.
CREATE TABLE enrolment_consent (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_ids TEXT    NOT NULL,
    text_version  TEXT    NOT NULL,
    text_sha256   TEXT    NOT NULL CHECK (length(text_sha256) = 64 AND text_sha256 NOT GLOB '*[^0-9a-f]*'),
    language      TEXT    NOT NULL,
    operator      TEXT    NOT NULL,
    patient_name  TEXT    NOT NULL,
    recorded_at   TEXT    NOT NULL
) STRICT;

CREATE TRIGGER enrolment_consent_no_update BEFORE UPDATE ON enrolment_consent
BEGIN
    SELECT RAISE(ABORT, 'enrolment consents are append-only');
END;

CREATE TRIGGER enrolment_consent_no_delete BEFORE DELETE ON enrolment_consent
BEGIN
    SELECT RAISE(ABORT, 'enrolment consents are append-only');
END;
