-- Dossiers received per day (Vietnam time) and procedure, kept in the transaction that stores
-- each dossier: "popular procedures" sums at most 30 rows per procedure instead of recounting
-- the dossiers of the last 30 days on every catalog listing.

CREATE TABLE dossier_counts (
    day            TEXT   NOT NULL, -- YYYY-MM-DD
    procedure_code TEXT   NOT NULL,
    dossiers       BIGINT NOT NULL,
    PRIMARY KEY (day, procedure_code)
);

INSERT INTO dossier_counts (day, procedure_code, dossiers)
SELECT substr(received_at, 1, 10), procedure_code, COUNT(*) FROM dossiers
GROUP BY substr(received_at, 1, 10), procedure_code;
