-- Uploaded files are streamed to disk (the uploads folder) instead of being held in memory and
-- stored in the database: a row names its file; rows from before keep their content here.
ALTER TABLE attachments ADD COLUMN stored_file TEXT;
