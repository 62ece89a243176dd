-- The search index of published services (src/features/search/index.h). Rows exist only for
-- published services; search::reindex_service rewrites a service's rows whenever it changes, so
-- the tables are derived from `services` and can be rebuilt at any time (`parcours
-- reindex-services`): no foreign keys, and rows are removed by their whole key (the codes and
-- words indexed are kept in service_search), so each table is one B-tree (WITHOUT ROWID on
-- SQLite) and an import of 150,000 services writes as little as possible.

-- Where a service is open to: one row per code of zone_eligibilite (commune INSEE code,
-- département code, EPCI SIREN or "france"; "99100" is stored as "france"; "*" when the zone is
-- empty: open to anyone). A person's commune is eligible when one of its codes (its own, its
-- EPCI's, its département's, "france", "*") is here.
-- Its thématiques, each sub-theme ("mobilite--louer-un-vehicule") and its category ("mobilite"),
-- so that a search by category or by sub-theme is one index range.
-- Both at once (zone x thématique), so that the most common search, a commune and a thématique,
-- reads exactly its results: one index range per eligible zone code.
-- One row per folded word (text::fold_for_search, common French words left out) of a service's
-- name and description: a query word is a prefix range of `term`; weight 0 when the word is in
-- the name, 1 when only in the description; (term, weight, service_id) is the order of text
-- results when no commune is given.
-- sqlite-only
CREATE TABLE service_zones (
  code TEXT NOT NULL,
  service_id INTEGER NOT NULL,
  PRIMARY KEY (code, service_id)
) WITHOUT ROWID;
CREATE TABLE service_thematiques (
  code TEXT NOT NULL,
  service_id INTEGER NOT NULL,
  PRIMARY KEY (code, service_id)
) WITHOUT ROWID;
CREATE TABLE service_zone_thematiques (
  zone TEXT NOT NULL,
  thematique TEXT NOT NULL,
  service_id INTEGER NOT NULL,
  PRIMARY KEY (zone, thematique, service_id)
) WITHOUT ROWID;
CREATE TABLE service_terms (
  term TEXT NOT NULL,
  weight INTEGER NOT NULL,
  service_id INTEGER NOT NULL,
  PRIMARY KEY (term, weight, service_id)
) WITHOUT ROWID;
-- end
-- postgres-only
CREATE TABLE service_zones (
  code TEXT NOT NULL,
  service_id BIGINT NOT NULL,
  PRIMARY KEY (code, service_id)
);
CREATE TABLE service_thematiques (
  code TEXT NOT NULL,
  service_id BIGINT NOT NULL,
  PRIMARY KEY (code, service_id)
);
CREATE TABLE service_zone_thematiques (
  zone TEXT NOT NULL,
  thematique TEXT NOT NULL,
  service_id BIGINT NOT NULL,
  PRIMARY KEY (zone, thematique, service_id)
);
CREATE TABLE service_terms (
  term TEXT NOT NULL,
  weight BIGINT NOT NULL,
  service_id BIGINT NOT NULL,
  PRIMARY KEY (term, weight, service_id)
);
-- end

-- What a search reads of each candidate, narrow so that thousands of candidates are read
-- quickly: the folded name and description (" word word ... ", to check the other words of a
-- query), coordinates, the filtered fields (frais and type as codes, publics and modes_accueil
-- as " code code " lists), and the zone and thématique codes indexed (to remove their rows).
CREATE TABLE service_search (
  -- sqlite-only
  service_id INTEGER PRIMARY KEY,
  -- end
  -- postgres-only
  service_id BIGINT PRIMARY KEY,
  -- end
  name_words TEXT NOT NULL,
  words TEXT NOT NULL,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  frais TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT '',
  publics TEXT NOT NULL DEFAULT '',
  modes_accueil TEXT NOT NULL DEFAULT '',
  score_qualite DOUBLE PRECISION NOT NULL DEFAULT 0,
  zones TEXT NOT NULL DEFAULT '',
  thematiques TEXT NOT NULL DEFAULT ''
);

-- The centre of a commune (WGS 84), to sort services by distance from a person's commune: the
-- geography (@etalab/decoupage-administratif) has no coordinates, so it is the mean position of
-- the published services located in the commune (services.code_insee), kept by reindex_service.
CREATE INDEX services_code_insee ON services (code_insee, latitude, longitude);
CREATE TABLE commune_centres (
  code TEXT PRIMARY KEY,
  latitude DOUBLE PRECISION NOT NULL,
  longitude DOUBLE PRECISION NOT NULL
);
