-- Draft keys: the browser keeps a filing draft encrypted (AES-GCM) in its own storage and asks
-- the server for the key when it needs it, so the draft survives a closed tab but is unreadable
-- once the citizen signs out (the key is deleted) or the draft session ends (24 hours unused).

CREATE TABLE draft_keys (
    owner      TEXT PRIMARY KEY,
    draft_key  TEXT NOT NULL, -- base64url, 32 random bytes
    expires_at BIGINT NOT NULL -- Unix seconds; extended each time the key is fetched
);
