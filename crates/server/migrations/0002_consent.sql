-- Consent per purpose (Law 91/2025/QH15: explicit, per purpose, recorded, withdrawable) and the
-- data-use receipt: every read of national data, what, from where, when, and for what.

CREATE TABLE consents (
    owner        TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    text_version TEXT NOT NULL,
    given_at     TEXT NOT NULL, -- RFC 3339
    withdrawn_at TEXT,
    PRIMARY KEY (owner, purpose, given_at)
);

CREATE TABLE data_use (
    id             TEXT PRIMARY KEY,
    owner          TEXT NOT NULL,
    at             TEXT NOT NULL, -- RFC 3339
    purpose        TEXT NOT NULL,
    source         TEXT NOT NULL, -- national system read
    fields         TEXT NOT NULL, -- JSON list of what was read
    procedure_code TEXT NOT NULL,
    dossier_code   TEXT
);

CREATE INDEX data_use_by_owner ON data_use (owner, at);
