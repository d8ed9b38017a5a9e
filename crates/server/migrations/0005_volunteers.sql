-- Volunteer-assisted filing: the youth-union registry of volunteers, their help sessions, and
-- who helped with a dossier. No resident personal data: a session knows its resident only by
-- a hash of their subject identifier (to bind the session to them and count people once).

CREATE TABLE volunteers (
    personal_id   TEXT PRIMARY KEY, -- the volunteer's own sign-in subject
    full_name     TEXT NOT NULL,
    team          TEXT NOT NULL,
    commune       TEXT NOT NULL,
    union_unit    TEXT NOT NULL,
    active_from   TEXT NOT NULL, -- YYYY-MM-DD
    active_until  TEXT NOT NULL, -- YYYY-MM-DD
    suspended_at  TEXT,          -- RFC 3339
    registered_at TEXT NOT NULL
);

CREATE TABLE help_sessions (
    id                TEXT   PRIMARY KEY,
    volunteer         TEXT   NOT NULL, -- volunteers.personal_id
    team              TEXT   NOT NULL, -- as registered when the session was opened
    commune           TEXT   NOT NULL,
    procedure_code    TEXT,
    code_hash         TEXT   NOT NULL UNIQUE, -- SHA-256 of the join code
    watch_hash        TEXT   NOT NULL,        -- SHA-256 of the volunteer's event secret
    number            BIGINT NOT NULL,        -- the 2-digit number both screens show
    opened_at         TEXT   NOT NULL,        -- RFC 3339
    opened_unix       BIGINT NOT NULL,
    expires_unix      BIGINT NOT NULL,
    state             TEXT   NOT NULL,        -- waiting, accepted, filed, declined, ended
    answered_at       TEXT,
    key_hash          TEXT,                   -- SHA-256 of the resident phone's key
    resident_hash     TEXT,                   -- SHA-256 of the resident's subject, once signed in
    progress          TEXT,                   -- JSON: names from the catalog only
    dossier_code      TEXT,
    code_shared       BIGINT NOT NULL DEFAULT 0,
    reported          BIGINT NOT NULL DEFAULT 0,
    report_note       TEXT,
    questions_avoided BIGINT NOT NULL DEFAULT 0,
    documents_avoided BIGINT NOT NULL DEFAULT 0,
    version           BIGINT NOT NULL DEFAULT 0 -- bumped by every change the volunteer sees
);

CREATE INDEX help_sessions_by_volunteer ON help_sessions (volunteer, opened_unix);

-- Who helped, as it was when the dossier was filed (JSON: name, team, commune, session, time).
ALTER TABLE dossiers ADD COLUMN assisted_by TEXT;
