-- The clinic's patients. There is deliberately no column for an Aadhaar number, an OTP or a token.
-- Timestamps are UTC instants as fixed-width ISO-8601 text with nine fraction digits, so they sort as text.

CREATE TABLE mrn_sequence (
    only_row   INTEGER PRIMARY KEY CHECK (only_row = 1),
    last_value INTEGER NOT NULL CHECK (last_value >= 0)
) STRICT;

INSERT INTO mrn_sequence (only_row, last_value) VALUES (1, 0);

CREATE TABLE patient (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    mrn                    TEXT    NOT NULL UNIQUE CHECK (mrn GLOB 'MRN-[0-9][0-9][0-9][0-9][0-9][0-9]*'),
    name                   TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_normalised        TEXT    NOT NULL,
    gender                 TEXT    NOT NULL CHECK (gender IN ('M', 'F', 'O', 'U')),
    birth_year             INTEGER CHECK (birth_year BETWEEN 1850 AND 2200),
    birth_month            INTEGER CHECK (birth_month BETWEEN 1 AND 12),
    birth_day              INTEGER CHECK (birth_day BETWEEN 1 AND 31),
    mobile                 TEXT    CHECK (mobile GLOB '[6-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    abha_number            TEXT    UNIQUE
                                   CHECK (abha_number GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    preferred_abha_address TEXT    CHECK (preferred_abha_address = lower(preferred_abha_address)),
    address                TEXT    NOT NULL DEFAULT '',
    district               TEXT    NOT NULL DEFAULT '',
    state                  TEXT    NOT NULL DEFAULT '',
    pincode                TEXT    NOT NULL DEFAULT '',
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    CHECK (birth_month IS NULL OR birth_year IS NOT NULL),
    CHECK (birth_day IS NULL OR birth_month IS NOT NULL)
) STRICT;

-- mrn and abha_number are indexed by their UNIQUE constraints (sqlite_autoindex_patient_*).
CREATE INDEX patient_name_normalised ON patient (name_normalised);
CREATE INDEX patient_mobile ON patient (mobile);
CREATE INDEX patient_created_at ON patient (created_at);

-- Every ABHA address tagged to a patient, full 'username@suffix' in lower case; one address, one patient.
CREATE TABLE patient_abha_address (
    patient_id INTEGER NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    address    TEXT    NOT NULL UNIQUE CHECK (address = lower(address) AND address GLOB '?*@?*'),
    username   TEXT    NOT NULL CHECK (instr(username, '@') = 0
                                     AND address = username || '@' || substr(address, length(username) + 2)),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (patient_id, position)
) STRICT;

CREATE INDEX patient_abha_address_username ON patient_abha_address (username);
