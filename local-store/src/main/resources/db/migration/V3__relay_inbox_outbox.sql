-- Callbacks delivered by the relay, stored before the relay is acknowledged (one row per REQUEST-ID),
-- and replies waiting to reach ABDM. Bodies may hold patient data: they live only in this file.
CREATE TABLE inbound_callback (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id  TEXT    NOT NULL UNIQUE,
    path        TEXT    NOT NULL,
    headers     TEXT    NOT NULL CHECK (json_valid(headers)),
    body        TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    relay_seq   INTEGER NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'RECEIVED' CHECK (state IN ('RECEIVED', 'HANDLED', 'FAILED')),
    failure     TEXT,
    stored_at   TEXT    NOT NULL,
    handled_at  TEXT
) STRICT;

CREATE INDEX inbound_callback_by_state ON inbound_callback (state, id);

CREATE TABLE outbox_message (
    id              TEXT    PRIMARY KEY,
    target          TEXT    NOT NULL,
    headers         TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(headers)),
    body            TEXT    NOT NULL,
    correlation     TEXT    NOT NULL DEFAULT '',
    state           TEXT    NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'DEAD')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT,
    sent_request_id TEXT
) STRICT;

CREATE INDEX outbox_message_due ON outbox_message (state, next_attempt_at);
CREATE INDEX outbox_message_by_correlation ON outbox_message (correlation);
