-- The CAF/MSA "bénéficiaires RSA" flux: the files applied (their hash and dates, so that the same
-- file twice changes nothing and an older one is refused), each household's last applied state
-- (a digest of what the import reads from it: a rerun, or a later file where it did not change,
-- skips it), the report lines, and what the flux adds to a person (the spouse in the household,
-- the role in the RSA file).

CREATE TABLE caf_imports (
  id @ID@,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,            -- SHA-256 of the file, hex
  flux_type TEXT NOT NULL DEFAULT '', -- TYPEFLUX: I daily, M monthly, X exceptional
  created_on TEXT NOT NULL DEFAULT '', -- DTCREAFLUX + 'T' + HEUCREAFLUX
  reference_date TEXT NOT NULL DEFAULT '', -- DTREF
  status TEXT NOT NULL,               -- running, done, refused, failed, interrupted
  message TEXT NOT NULL DEFAULT '',   -- why it was refused or failed (French)
  user_id BIGINT REFERENCES users (id),
  territory_id BIGINT REFERENCES territories (id),  -- the uploader's territory (pages)
  households_total BIGINT NOT NULL DEFAULT 0,
  households_done BIGINT NOT NULL DEFAULT 0,  -- progress, committed with each batch
  persons_created BIGINT NOT NULL DEFAULT 0,
  persons_updated BIGINT NOT NULL DEFAULT 0,
  persons_unchanged BIGINT NOT NULL DEFAULT 0,
  rejected BIGINT NOT NULL DEFAULT 0,
  started_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX caf_imports_hash ON caf_imports (file_hash, status);
CREATE INDEX caf_imports_territory ON caf_imports (territory_id, started_at);

-- One line per household and person of the report (created, updated, unchanged persons of
-- a household are summed in the counters; lines say what happened to whom, by position).
CREATE TABLE caf_import_lines (
  import_id BIGINT NOT NULL REFERENCES caf_imports (id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,                -- order in the report
  line BIGINT NOT NULL,               -- line of the household in the file
  matricule TEXT NOT NULL,
  outcome TEXT NOT NULL,              -- created, updated, unchanged, rejected, skipped
  person_id BIGINT,
  territory_id BIGINT,
  message TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (import_id, seq)
);

CREATE TABLE caf_households (
  matricule TEXT PRIMARY KEY,         -- as in the file (15 digits)
  territory_id BIGINT REFERENCES territories (id),
  digest TEXT NOT NULL,               -- of the household as last applied
  reference_date TEXT NOT NULL,       -- DTREF of the file that applied it
  import_id BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

ALTER TABLE persons ADD COLUMN spouse_id BIGINT;
ALTER TABLE persons ADD COLUMN caf_role TEXT;
