-- Pre-orientation rules as data, orientation decisions, reorientation requests, and the
-- référent's handover.

-- Pre-orientation rules of a territory (NULL: the national default), as data: a readable list
-- evaluated in order over diagnostic answers and situation.
CREATE TABLE orientation_rules (
  id @ID@,
  territory_id BIGINT REFERENCES territories (id),
  version BIGINT NOT NULL,
  rules TEXT NOT NULL,               -- JSON
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX orientation_rules_version
  ON orientation_rules (COALESCE(territory_id, 0), version);

-- Orientation decisions: the route, the organisation in charge, optionally the référent, the
-- reason, and the suggestion it followed or not (with its reasons, as shown).
CREATE TABLE orientations (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  route TEXT NOT NULL,               -- pro, socio_pro, social
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  referent_id BIGINT REFERENCES users (id),
  reason TEXT NOT NULL DEFAULT '',
  suggested_route TEXT,
  suggestion_reasons TEXT NOT NULL DEFAULT '[]',  -- JSON array of French sentences
  followed_suggestion BIGINT,        -- 1, 0, or NULL without a suggestion
  decided_by BIGINT NOT NULL REFERENCES users (id),
  decided_at BIGINT NOT NULL,
  replaced_by BIGINT REFERENCES orientations (id)
);
CREATE INDEX orientations_journey ON orientations (journey_id, decided_at);

CREATE TABLE reorientation_requests (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  requested_by BIGINT NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',  -- pending, accepted, kept
  answer TEXT NOT NULL DEFAULT '',
  answered_by BIGINT REFERENCES users (id),
  answered_at BIGINT,
  orientation_id BIGINT REFERENCES orientations (id),  -- the new orientation when accepted
  created_at BIGINT NOT NULL
);
CREATE INDEX reorientation_requests_journey ON reorientation_requests (journey_id, status);

-- A former référent keeps read access to the journey for 30 days, then loses it (a job).
CREATE TABLE former_referents (
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  until_at BIGINT NOT NULL,
  PRIMARY KEY (journey_id, user_id)
);
CREATE INDEX former_referents_until ON former_referents (until_at);

-- The first meeting of the person with their référent ("premier rendez-vous tenu"): set by the
-- orientation feature's action today, by the appointments feature later (see
-- src/features/orientation/referents.h). NULL: not held yet.
ALTER TABLE journeys ADD COLUMN first_meeting_at BIGINT;
