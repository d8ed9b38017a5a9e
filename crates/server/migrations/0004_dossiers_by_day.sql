-- "Popular procedures" counts each procedure's dossiers of the last 30 days on every catalog
-- listing: this index answers it from a range of the index alone, without reading the dossiers.

CREATE INDEX dossiers_by_day ON dossiers (received_at, procedure_code);
