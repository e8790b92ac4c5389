-- Scan & share: the queue numbers given at each counter ("tokens" in ABDM's words; not secrets, but
-- this schema keeps the word for secrets out of its names), and which share got which number.
-- A number is sequential per counter per local day; a repeat share within validity gets the same row.
CREATE TABLE share_queue (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    counter      TEXT    NOT NULL CHECK (length(counter) BETWEEN 1 AND 20),
    day          TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    number       INTEGER NOT NULL CHECK (number >= 1),
    abha_number  TEXT,
    abha_address TEXT,
    patient_id   INTEGER NOT NULL REFERENCES patient (id),
    request_id   TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'CALLED', 'DONE')),
    created_at   TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    UNIQUE (counter, day, number),
    CHECK (abha_number IS NOT NULL OR abha_address IS NOT NULL)
) STRICT;

CREATE INDEX share_queue_live ON share_queue (expires_at);
CREATE INDEX share_queue_by_patient ON share_queue (patient_id, counter, expires_at);

-- Every share handled (its REQUEST-ID) and the queue row it was given: handling a share again
-- after a crash finds the same number.
CREATE TABLE share_request (
    request_id  TEXT    PRIMARY KEY,
    queue_id    INTEGER NOT NULL REFERENCES share_queue (id),
    received_at TEXT    NOT NULL
) STRICT;
