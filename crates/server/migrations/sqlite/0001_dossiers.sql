-- Dossiers, their daily code sequences, and the idempotency keys that guard their creation.

CREATE TABLE dossiers (
    id             INTEGER PRIMARY KEY,
    code           TEXT    NOT NULL UNIQUE,
    procedure_code TEXT    NOT NULL,
    unit_code      TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    answers        TEXT    NOT NULL, -- JSON object: question id -> answer
    received_at    TEXT    NOT NULL  -- RFC 3339, Vietnam time
);

-- One row per receiving unit and day (Vietnam time): the last sequence number handed out.
CREATE TABLE dossier_sequences (
    unit_code     TEXT    NOT NULL,
    day           TEXT    NOT NULL, -- YYYY-MM-DD
    last_sequence INTEGER NOT NULL,
    PRIMARY KEY (unit_code, day)
);

-- A key is claimed in the same transaction that creates the dossier, so a key maps to exactly
-- one dossier and its stored answer is replayed to every retry with the same body.
CREATE TABLE idempotency_keys (
    key          TEXT    PRIMARY KEY,
    request_hash TEXT    NOT NULL, -- SHA-256 of the canonical request body, hex
    status_code  INTEGER NOT NULL,
    response     TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
);
