-- The identity SANDBOX's signing key, made once and shared by every server on this database, so a
-- token issued by one instance (or before a restart) is accepted by all. A real provider's keys
-- are never stored here: the API trusts them through the provider's JWKS.

CREATE TABLE sandbox_signing_keys (
    name       TEXT PRIMARY KEY, -- 'sandbox'
    seed       TEXT NOT NULL,    -- the Ed25519 seed, base64url
    created_at TEXT NOT NULL
);
