-- Diagnostic socio-professionnel (form definitions as data, versioned answers, the person's own
-- part) and the ROME job titles.

-- A form definition is JSON (sections, questions, answer types, choices), versioned: answers
-- keep the version they were given against. territory_id NULL is the national "socle commun";
-- a territory's own questions are a definition of kind 'territory_extra' for that territory.
CREATE TABLE diagnostic_forms (
  id @ID@,
  kind TEXT NOT NULL,                -- socle_commun, territory_extra
  territory_id BIGINT REFERENCES territories (id),
  version BIGINT NOT NULL,
  definition TEXT NOT NULL,          -- JSON
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  active BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX diagnostic_forms_version
  ON diagnostic_forms (kind, COALESCE(territory_id, 0), version);

-- Every save is a new version; nothing is overwritten. `author` says whose words these are:
-- the person (from their space) or a professional.
CREATE TABLE diagnostics (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  author TEXT NOT NULL,              -- person, professional
  version BIGINT NOT NULL,           -- 1, 2, ... per journey and author
  form_id BIGINT NOT NULL REFERENCES diagnostic_forms (id),
  extra_form_id BIGINT REFERENCES diagnostic_forms (id),
  answers TEXT NOT NULL,             -- JSON object: question id -> answer
  sources TEXT NOT NULL DEFAULT '{}', -- JSON object: question id -> where a pre-filled value came from
  user_id BIGINT REFERENCES users (id),
  organisation_id BIGINT REFERENCES organisations (id),
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX diagnostics_version ON diagnostics (journey_id, author, version);

-- ROME job titles (appellations), from data/reference/rome/appellations.csv.
CREATE TABLE rome_appellations (
  id @ID@,
  code_rome TEXT NOT NULL,
  label TEXT NOT NULL,
  search_label TEXT NOT NULL         -- folded for search
);
CREATE UNIQUE INDEX rome_appellations_label ON rome_appellations (code_rome, label);
-- One row per folded word of a title: any word, in any order, prefix-friendly. `sort_key` is the
-- order of the suggestions, computed at load so that a short prefix matching thousands of words
-- sorts integers from one covering index: titles whose first word matches first, then the
-- shortest titles, then alphabetical.
CREATE TABLE rome_terms (
  term TEXT NOT NULL,
  appellation_id BIGINT NOT NULL REFERENCES rome_appellations (id) ON DELETE CASCADE,
  sort_key BIGINT NOT NULL,
  PRIMARY KEY (term, appellation_id)
);
CREATE INDEX rome_terms_search ON rome_terms (term, sort_key, appellation_id);
-- The other words of a query are checked title by title.
CREATE INDEX rome_terms_appellation ON rome_terms (appellation_id, term);
