-- Geography (from @etalab/decoupage-administratif), territories and organisations.

CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE departements (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region_code TEXT
);

CREATE TABLE epci (
  code TEXT PRIMARY KEY,  -- SIREN
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT ''  -- CC, CA, CU, METRO
);

CREATE TABLE communes (
  code TEXT PRIMARY KEY,  -- INSEE code
  name TEXT NOT NULL,
  search_name TEXT NOT NULL,  -- lowercase, without accents, hyphens as spaces
  departement_code TEXT,
  region_code TEXT,
  epci_code TEXT,
  population BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX communes_search ON communes (search_name);
CREATE INDEX communes_departement ON communes (departement_code);

CREATE TABLE commune_postcodes (
  commune_code TEXT NOT NULL REFERENCES communes (code) ON DELETE CASCADE,
  postcode TEXT NOT NULL,
  PRIMARY KEY (commune_code, postcode)
);
CREATE INDEX commune_postcodes_postcode ON commune_postcodes (postcode);

CREATE TABLE territories (
  id @ID@,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  orientation_deadline_days BIGINT NOT NULL DEFAULT 30,
  deadline_working_days BIGINT NOT NULL DEFAULT 0,  -- 0: calendar days, 1: working days
  retention_months BIGINT NOT NULL DEFAULT 24,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE territory_departements (
  territory_id BIGINT NOT NULL REFERENCES territories (id) ON DELETE CASCADE,
  departement_code TEXT NOT NULL,
  PRIMARY KEY (territory_id, departement_code)
);
CREATE UNIQUE INDEX territory_departements_code ON territory_departements (departement_code);

CREATE TABLE organisations (
  id @ID@,
  territory_id BIGINT NOT NULL REFERENCES territories (id),
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,  -- conseil_departemental, france_travail, caf, msa, cap_emploi,
                       -- mission_locale, plie, ccas, siae, association, entreprise, autre
  siret TEXT,
  address TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  commune_code TEXT,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  active BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX organisations_territory ON organisations (territory_id, name);
