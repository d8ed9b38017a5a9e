-- Commune-owned devices registered as kiosks for residents without a phone. The device token is
-- stored only as its SHA-256.

CREATE TABLE kiosks (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    commune       TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    registered_at TEXT NOT NULL,
    revoked_at    TEXT
);
