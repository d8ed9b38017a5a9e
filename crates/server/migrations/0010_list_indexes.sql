-- Indexes in the order the dossier lists page (newest first, then by code), so a page costs the
-- same at any depth and any table size: the officer list by status or procedure or neither, and
-- a citizen's own dossiers. Found by `cargo xtask bench --scale`: at a million dossiers the
-- officer list's first page took 60 ms on SQLite and a deep page 128 ms on PostgreSQL.

CREATE INDEX dossiers_newest ON dossiers (received_at, code);
CREATE INDEX dossiers_by_status_newest ON dossiers (status, received_at, code);
CREATE INDEX dossiers_by_procedure_newest ON dossiers (procedure_code, received_at, code);
CREATE INDEX dossiers_by_owner_newest ON dossiers (owner, received_at, code);
DROP INDEX dossiers_by_owner;
