-- The dossier unique: persons (one record per human being, whatever their status), where each
-- field's value came from, journeys (one active per person and territory) and their team, notes,
-- merges, the person's objections and their own space (magic links, portal sessions).
-- Booleans are BIGINT 0/1; dates are 'YYYY-MM-DD' text; instants are Unix seconds.

CREATE TABLE persons (
  id @ID@,
  territory_id BIGINT NOT NULL REFERENCES territories (id),  -- where the person lives now
  -- identity
  birth_name TEXT NOT NULL,
  usage_name TEXT NOT NULL DEFAULT '',
  first_names TEXT NOT NULL,
  birth_date TEXT,                    -- YYYY-MM-DD
  sex TEXT,                           -- F, M or NULL
  nir_hash TEXT,                      -- keyed BLAKE2b of the first 13 characters (matching)
  nir_sealed TEXT,                    -- the NIR as given, encrypted (libsodium secretbox)
  caf_number TEXT,                    -- CAF/MSA matricule, 7 digits (leading zeros removed)
  ft_id TEXT,                         -- France Travail identifier (IDASSEDIC, 8 characters)
  internal_id TEXT,                   -- the département's own identifier
  -- contact
  email TEXT,                         -- lowercase
  phone TEXT,                         -- E.164-like: +33612345678
  phone2 TEXT,
  address TEXT NOT NULL DEFAULT '',
  address_complement TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  commune_code TEXT,                  -- INSEE code
  no_fixed_address BIGINT NOT NULL DEFAULT 0,
  domiciliation TEXT NOT NULL DEFAULT '',  -- address of domiciliation when no fixed address
  -- situation
  rsa_status TEXT,                    -- CAF ETATDOSRSA 0..6
  rights_and_duties BIGINT NOT NULL DEFAULT 0,  -- soumis aux droits et devoirs
  allowances TEXT NOT NULL DEFAULT '',          -- space-separated: ass aah are prime_activite
  rqth BIGINT NOT NULL DEFAULT 0,
  education_level TEXT,               -- infra_3, 3 (CAP/BEP), 4 (bac), 5, 6, 7, 8
  last_job TEXT NOT NULL DEFAULT '',
  last_job_end TEXT,                  -- YYYY-MM
  driving_licence BIGINT NOT NULL DEFAULT 0,
  languages TEXT NOT NULL DEFAULT '',
  -- bookkeeping
  merged_into BIGINT REFERENCES persons (id),  -- set when this record was merged into another
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- The strong identifiers are unique among live records: the same NIR, département id or
-- France Travail id is the same person, never a duplicate.
CREATE UNIQUE INDEX persons_nir ON persons (nir_hash) WHERE merged_into IS NULL;
CREATE UNIQUE INDEX persons_internal_id ON persons (territory_id, internal_id)
  WHERE merged_into IS NULL;
CREATE UNIQUE INDEX persons_ft_id ON persons (ft_id) WHERE merged_into IS NULL;
CREATE INDEX persons_caf ON persons (caf_number);
CREATE INDEX persons_email ON persons (email);
CREATE INDEX persons_phone ON persons (phone);
CREATE INDEX persons_birth ON persons (birth_date);

-- Search by names: one row per folded word of the names (birth name, usage name, first names),
-- so that words in any order and prefixes ("dupont mar") are index range scans.
CREATE TABLE person_terms (
  territory_id BIGINT NOT NULL,
  term TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  PRIMARY KEY (territory_id, term, person_id)
);
CREATE INDEX person_terms_person ON person_terms (person_id);

-- Where each field's current value came from: typed by a professional, by the person, or
-- imported from a file ("Dites-le nous une fois").
CREATE TABLE person_field_sources (
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  source TEXT NOT NULL,              -- professional, person, import, public_form
  user_id BIGINT REFERENCES users (id),
  organisation_id BIGINT REFERENCES organisations (id),
  file_name TEXT,                    -- for imports
  at BIGINT NOT NULL,
  PRIMARY KEY (person_id, field)
);

-- Possible duplicates a professional looked at and dismissed (not the same person).
CREATE TABLE person_match_dismissals (
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  other_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  at BIGINT NOT NULL,
  PRIMARY KEY (person_id, other_id)
);

-- Merges by a territory manager: reversible for 30 days from the snapshot of the merged record.
CREATE TABLE person_merges (
  id @ID@,
  kept_id BIGINT NOT NULL REFERENCES persons (id),
  merged_id BIGINT NOT NULL REFERENCES persons (id),
  snapshot TEXT NOT NULL,            -- JSON: what is needed to undo (rows moved, fields taken)
  user_id BIGINT NOT NULL REFERENCES users (id),
  at BIGINT NOT NULL,
  undone_at BIGINT,
  undone_by BIGINT REFERENCES users (id)
);

CREATE TABLE journeys (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES persons (id),
  territory_id BIGINT NOT NULL REFERENCES territories (id),
  status TEXT NOT NULL DEFAULT 'to_orient',  -- to_orient, oriented, accompanied, closed
  entry TEXT NOT NULL,               -- professional, public_form, import, transfer
  need TEXT NOT NULL DEFAULT '',     -- in the person's own words (public form)
  opened_by BIGINT REFERENCES users (id),
  opened_by_organisation_id BIGINT REFERENCES organisations (id),
  opened_at BIGINT NOT NULL,
  closed_at BIGINT,
  close_reason TEXT,
  transferred_to BIGINT REFERENCES journeys (id),
  last_activity_at BIGINT NOT NULL
);
-- One active journey per person and territory.
CREATE UNIQUE INDEX journeys_active ON journeys (person_id, territory_id) WHERE status <> 'closed';
CREATE INDEX journeys_territory ON journeys (territory_id, status, opened_at);
CREATE INDEX journeys_activity ON journeys (last_activity_at);

-- The team that follows a journey: at most one active référent.
CREATE TABLE journey_members (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  role TEXT NOT NULL DEFAULT 'member',  -- referent, member
  joined_at BIGINT NOT NULL,
  added_by BIGINT REFERENCES users (id),
  left_at BIGINT,
  left_reason TEXT
);
CREATE UNIQUE INDEX journey_members_active ON journey_members (journey_id, user_id)
  WHERE left_at IS NULL;
CREATE UNIQUE INDEX journey_members_referent ON journey_members (journey_id)
  WHERE role = 'referent' AND left_at IS NULL;
CREATE INDEX journey_members_user ON journey_members (user_id, left_at);

-- A professional outside the team asking to join it.
CREATE TABLE journey_join_requests (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  message TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending',  -- pending, accepted, refused
  created_at BIGINT NOT NULL,
  decided_by BIGINT REFERENCES users (id),
  decided_at BIGINT
);
CREATE INDEX journey_join_requests_journey ON journey_join_requests (journey_id, status);

-- Notes of professionals. A correction is a new note pointing at the one it corrects.
CREATE TABLE notes (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  author_id BIGINT NOT NULL REFERENCES users (id),
  organisation_id BIGINT REFERENCES organisations (id),
  visibility TEXT NOT NULL,          -- team, referent, person
  body TEXT NOT NULL,
  corrects_id BIGINT REFERENCES notes (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX notes_journey ON notes (journey_id, created_at);

-- The person objects to sharing their record with an organisation outside the team.
CREATE TABLE person_objections (
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  at BIGINT NOT NULL,
  PRIMARY KEY (person_id, organisation_id)
);

-- The person's own space: magic links (single use, 15 minutes) and portal sessions.
CREATE TABLE person_login_tokens (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE TABLE person_sessions (
  id @ID@,
  token_hash TEXT NOT NULL UNIQUE,
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX person_sessions_person ON person_sessions (person_id);
