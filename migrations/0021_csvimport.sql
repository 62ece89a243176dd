-- Person files (CSV): the column mapping chosen by each organisation (remembered, changeable),
-- the files uploaded (their detected format, the preview's and the import's counters), and one
-- line per row of the file, for the preview (phase 'preview') and for the report ('report').

CREATE TABLE csv_mappings (
  organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),
  mapping TEXT NOT NULL,              -- JSON: {"birth_name": "NOM", ...} Parcours field -> header
  updated_by BIGINT REFERENCES users (id),
  updated_at BIGINT NOT NULL
);

CREATE TABLE csv_imports (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  territory_id BIGINT NOT NULL REFERENCES territories (id),
  user_id BIGINT REFERENCES users (id),
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL DEFAULT '', -- SHA-256, hex
  stored_path TEXT NOT NULL DEFAULT '', -- the uploaded file, kept between preview and import
  encoding TEXT NOT NULL DEFAULT '',  -- utf-8, utf-8-bom, windows-1252
  separator TEXT NOT NULL DEFAULT '',
  mapping TEXT NOT NULL DEFAULT '{}', -- the mapping used
  status TEXT NOT NULL,               -- previewing, previewed, importing, done, refused, failed
  message TEXT NOT NULL DEFAULT '',
  rows_total BIGINT NOT NULL DEFAULT 0,
  to_create BIGINT NOT NULL DEFAULT 0,    -- preview
  to_update BIGINT NOT NULL DEFAULT 0,
  to_leave BIGINT NOT NULL DEFAULT 0,
  to_reject BIGINT NOT NULL DEFAULT 0,
  created BIGINT NOT NULL DEFAULT 0,      -- import
  updated BIGINT NOT NULL DEFAULT 0,
  unchanged BIGINT NOT NULL DEFAULT 0,
  errors BIGINT NOT NULL DEFAULT 0,
  started_at BIGINT NOT NULL,
  previewed_at BIGINT,
  finished_at BIGINT
);
CREATE INDEX csv_imports_organisation ON csv_imports (organisation_id, id);

CREATE TABLE csv_import_lines (
  import_id BIGINT NOT NULL REFERENCES csv_imports (id) ON DELETE CASCADE,
  phase TEXT NOT NULL,                -- preview, report
  line BIGINT NOT NULL,               -- line of the file where the row starts
  outcome TEXT NOT NULL,              -- create, update, unchanged, error
  person_id BIGINT,
  message TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (import_id, phase, line)
);
CREATE INDEX csv_import_lines_outcome ON csv_import_lines (import_id, phase, outcome, line);
