-- The fields given when a record is created share one source (who or which file, when): they are
-- now one row, field '*', listing them in `fields` (space-separated), instead of one row per
-- field. A field's own row, written when it changes later, wins over it. A CAF flux creates tens
-- of thousands of records at once, and their ten rows each were half of all the rows it wrote.
-- The rows already written (one per field) stay as they are: both forms are read alike.
ALTER TABLE person_field_sources ADD COLUMN fields TEXT;
