-- Dossiers, their daily code sequences, and the idempotency keys that guard their creation.
-- Portable SQL: the same migrations run on SQLite and PostgreSQL (BIGINT, TEXT, BYTEA only).

CREATE TABLE dossiers (
    code           TEXT   PRIMARY KEY,
    procedure_code TEXT   NOT NULL,
    unit_code      TEXT   NOT NULL,
    owner          TEXT   NOT NULL, -- subject identifier of the citizen who filed it
    status         TEXT   NOT NULL,
    answers        TEXT   NOT NULL, -- JSON object: answer key -> answer, as validated
    documents      TEXT   NOT NULL, -- JSON: each document's resolution and attachment ids
    fee            BIGINT NOT NULL, -- đồng, online rate
    received_at    TEXT   NOT NULL, -- RFC 3339, Vietnam time
    appointment_on TEXT   NOT NULL, -- YYYY-MM-DD, in working days from the receipt
    supplement     TEXT,            -- JSON: the items an officer asked to supply again
    paid_at        TEXT,            -- RFC 3339, when the fee was paid (sandbox payment)
    payment_ref    TEXT,
    rating         BIGINT,          -- 1 to 5, after the result
    feedback       TEXT,
    rated_at       TEXT
);

-- The status timeline of each dossier; amendments keep the code and their history.
CREATE TABLE dossier_events (
    code    TEXT   NOT NULL,
    seq     BIGINT NOT NULL,
    at      TEXT   NOT NULL, -- RFC 3339
    status  TEXT   NOT NULL,
    note_vi TEXT   NOT NULL,
    note_en TEXT   NOT NULL,
    PRIMARY KEY (code, seq)
);

-- Uploaded files, typed by their content; only their owner can read them.
CREATE TABLE attachments (
    id         TEXT   PRIMARY KEY,
    owner      TEXT   NOT NULL,
    media_type TEXT   NOT NULL,
    size       BIGINT NOT NULL,
    sha256     TEXT   NOT NULL,
    content    BYTEA  NOT NULL,
    created_at TEXT   NOT NULL
);

CREATE INDEX dossiers_by_owner ON dossiers (owner, received_at);

-- One row per receiving unit and day (Vietnam time): the last sequence number handed out.
CREATE TABLE dossier_sequences (
    unit_code     TEXT   NOT NULL,
    day           TEXT   NOT NULL, -- YYYY-MM-DD
    last_sequence BIGINT NOT NULL,
    PRIMARY KEY (unit_code, day)
);

-- A key is claimed in the same transaction that creates the dossier, so a key maps to exactly
-- one dossier and its stored answer is replayed to every retry with the same body.
CREATE TABLE idempotency_keys (
    key          TEXT   PRIMARY KEY,
    request_hash TEXT   NOT NULL, -- SHA-256 of the owner and the canonical request body, hex
    status_code  BIGINT NOT NULL,
    response     TEXT   NOT NULL,
    created_at   TEXT   NOT NULL
);

-- Electronic results this system issued, kept in the citizen's data warehouse so that a later
-- procedure reuses them instead of asking for a copy.
CREATE TABLE results (
    record_id    TEXT PRIMARY KEY,
    owner        TEXT NOT NULL,
    kind         TEXT NOT NULL, -- paper kind, e.g. judicial_record
    title        TEXT NOT NULL,
    issuer       TEXT NOT NULL,
    issued_on    TEXT NOT NULL, -- YYYY-MM-DD
    dossier_code TEXT NOT NULL,
    sha256       TEXT NOT NULL
);

CREATE INDEX results_by_owner ON results (owner);
