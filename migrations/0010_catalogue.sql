-- The territory's offer of services, in the data·inclusion v1 model
-- (../shared/reference/data-inclusion/v1/{structure,service}.json): structures and their services.
-- Field names are those of data·inclusion, so that import and export are a plain mapping. Lists
-- (thematiques, publics, zone_eligibilite...) are JSON arrays of vocabulary codes, stored as text.

-- A structure of data·inclusion. Parcours organisations that offer services get one (source
-- "parcours", organisation_id set); imported structures may have no organisation (they are
-- anywhere in France, outside any territory).
CREATE TABLE structures (
  id @ID@,
  source TEXT NOT NULL,
  di_id TEXT NOT NULL,                     -- data·inclusion "id", e.g. "dora--42"
  organisation_id BIGINT REFERENCES organisations (id),
  nom TEXT NOT NULL,
  description TEXT,
  siret TEXT,
  adresse TEXT,
  complement_adresse TEXT,
  code_postal TEXT,
  commune TEXT,
  code_insee TEXT,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  telephone TEXT,
  courriel TEXT,
  site_web TEXT,
  lien_source TEXT,
  horaires_accueil TEXT,
  accessibilite_lieu TEXT,
  reseaux_porteurs TEXT NOT NULL DEFAULT '[]',
  date_maj TEXT NOT NULL,                  -- YYYY-MM-DD, at the producer
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX structures_di_id ON structures (source, di_id);
CREATE UNIQUE INDEX structures_organisation ON structures (organisation_id);

-- A service. status: draft (seen by its organisation only), published, archived.
CREATE TABLE services (
  id @ID@,
  source TEXT NOT NULL,
  di_id TEXT NOT NULL,                     -- data·inclusion "id"
  structure_id BIGINT NOT NULL REFERENCES structures (id),
  status TEXT NOT NULL DEFAULT 'published'
    CHECK (status IN ('draft', 'published', 'archived')),
  nom TEXT NOT NULL,
  description TEXT NOT NULL,
  type TEXT,
  thematiques TEXT NOT NULL DEFAULT '[]',
  frais TEXT,
  frais_precisions TEXT,
  publics TEXT NOT NULL DEFAULT '[]',
  publics_precisions TEXT,
  conditions_acces TEXT,
  modes_accueil TEXT NOT NULL DEFAULT '[]',
  zone_eligibilite TEXT NOT NULL DEFAULT '[]',  -- INSEE codes: commune (5), département (2-3),
                                                -- EPCI SIREN (9), or "france"
  adresse TEXT,
  complement_adresse TEXT,
  code_postal TEXT,
  commune TEXT,
  code_insee TEXT,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  contact_nom_prenom TEXT,
  courriel TEXT,
  telephone TEXT,
  modes_mobilisation TEXT NOT NULL DEFAULT '[]',
  mobilisable_par TEXT NOT NULL DEFAULT '[]',
  mobilisation_precisions TEXT,
  lien_mobilisation TEXT,
  lien_source TEXT,
  horaires_accueil TEXT,
  volume_horaire_hebdomadaire DOUBLE PRECISION,
  nombre_semaines BIGINT,
  date_maj TEXT NOT NULL,                  -- YYYY-MM-DD, at the producer
  score_qualite DOUBLE PRECISION NOT NULL DEFAULT 0,  -- 0..1, see src/features/catalogue
  created_by BIGINT REFERENCES users (id),
  updated_by BIGINT REFERENCES users (id),
  reminded_at BIGINT,                      -- last "please update" reminder sent
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX services_di_id ON services (source, di_id);
CREATE INDEX services_structure ON services (structure_id, status);
