-- Engagements réciproques (commitments), outcomes with the follow-up in employment and its
-- check-ins, and the closures (and reopenings) of journeys. See src/features/followup.
-- Dates are 'YYYY-MM-DD' text (Paris days); instants are Unix seconds. Every row hangs on its
-- journey with ON DELETE CASCADE: the retention purge deletes a journey with all of it.

-- A commitment: CER, PPAE, PACEA, CEJ or another one (named). Status:
--   proposed → signed (accepted online by the person: accepted_at; or on paper: signed_on)
--   proposed → cancelled (withdrawn before signature)
--   signed → replaced (renewed: replaced_by_id is the new one, itself proposed)
-- A signed commitment is expired once its end date is past; it stays signed.
CREATE TABLE commitments (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  territory_id BIGINT NOT NULL REFERENCES territories (id),
  kind TEXT NOT NULL CHECK (kind IN ('cer', 'ppae', 'pacea', 'cej', 'other')),
  other_label TEXT NOT NULL DEFAULT '',     -- the name of an "other" commitment
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  rights_and_duties TEXT NOT NULL,          -- plain French, read by the person
  status TEXT NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'signed', 'cancelled', 'replaced')),
  signature TEXT CHECK (signature IN ('online', 'paper')),
  accepted_at BIGINT,                       -- online: when the person accepted
  signed_on TEXT,                           -- the date of the signature (online: that day)
  signature_recorded_by BIGINT REFERENCES users (id),  -- paper: who recorded it
  replaces_id BIGINT REFERENCES commitments (id),
  replaced_by_id BIGINT REFERENCES commitments (id),
  created_by BIGINT REFERENCES users (id),
  organisation_id BIGINT REFERENCES organisations (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX commitments_journey ON commitments (journey_id, created_at);
CREATE INDEX commitments_person ON commitments (person_id);
CREATE INDEX commitments_expiring ON commitments (status, end_date);
CREATE INDEX commitments_replaces ON commitments (replaces_id) WHERE replaces_id IS NOT NULL;
CREATE INDEX commitments_replaced_by ON commitments (replaced_by_id)
  WHERE replaced_by_id IS NOT NULL;

-- An outcome of the journey: a job (contract, hours per week, employer, the employer's contact),
-- a training, a business creation or another one. After a job starts, the follow-up in
-- employment runs until followup_until (6 months by default), with a check-in expected by
-- next_checkin_on (NULL once the follow-up is over).
CREATE TABLE outcomes (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  territory_id BIGINT NOT NULL REFERENCES territories (id),
  kind TEXT NOT NULL CHECK (kind IN ('job', 'training', 'business', 'other')),
  title TEXT NOT NULL,                      -- the job, the training, the business...
  contract TEXT CHECK (contract IN ('cdi', 'cdd', 'interim', 'iae', 'alternance', 'other')),
  hours_per_week BIGINT,
  start_date TEXT NOT NULL,
  end_date TEXT,
  employer_name TEXT NOT NULL DEFAULT '',
  employer_siret TEXT,
  contact_name TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  followup_until TEXT,
  next_checkin_on TEXT,
  created_by BIGINT REFERENCES users (id),
  organisation_id BIGINT REFERENCES organisations (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX outcomes_journey ON outcomes (journey_id, start_date);
CREATE INDEX outcomes_person ON outcomes (person_id);
CREATE INDEX outcomes_checkin ON outcomes (next_checkin_on) WHERE next_checkin_on IS NOT NULL;

-- A check-in of the follow-up in employment: with the person or with the employer's contact.
CREATE TABLE outcome_checkins (
  id @ID@,
  outcome_id BIGINT NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  checkin_date TEXT NOT NULL,
  with_whom TEXT NOT NULL CHECK (with_whom IN ('person', 'employer')),
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users (id),
  organisation_id BIGINT REFERENCES organisations (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX outcome_checkins_outcome ON outcome_checkins (outcome_id, checkin_date);
CREATE INDEX outcome_checkins_journey ON outcome_checkins (journey_id);

-- The closures of a journey (journeys.status, closed_at and close_reason hold the current one)
-- and their reopenings: the status it had when closed comes back.
CREATE TABLE journey_closures (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  reason TEXT NOT NULL CHECK (reason IN ('lasting_job', 'moved', 'stopped', 'deceased', 'other')),
  detail TEXT NOT NULL DEFAULT '',
  previous_status TEXT NOT NULL,
  closed_by BIGINT REFERENCES users (id),
  organisation_id BIGINT REFERENCES organisations (id),
  closed_at BIGINT NOT NULL,
  reopened_at BIGINT,
  reopened_by BIGINT REFERENCES users (id),
  reopen_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journey_closures_journey ON journey_closures (journey_id, closed_at);

-- The goals of the plan (src/features/plan) a commitment covers.
CREATE TABLE commitment_goals (
  commitment_id BIGINT NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  goal_id BIGINT NOT NULL REFERENCES plan_goals (id) ON DELETE CASCADE,
  PRIMARY KEY (commitment_id, goal_id)
);
CREATE INDEX commitment_goals_goal ON commitment_goals (goal_id);
