-- Referrals (prescriptions) of a person to a service of the catalogue, the minimal plan action a
-- referral or a matched service is linked to, and the links that let a service without any
-- Parcours account answer a referral. See src/features/referrals.

-- An action of the person's plan: a service of the catalogue or a free action. Issue 6 (plan
-- d'actions) extends this table with goals; the statuses are its own.
CREATE TABLE plan_actions (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  service_id BIGINT REFERENCES services (id),
  title TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'in_progress', 'done', 'abandoned', 'cancelled')),
  responsible_user_id BIGINT REFERENCES users (id),
  start_date TEXT,                         -- YYYY-MM-DD
  due_date TEXT,                           -- YYYY-MM-DD
  end_date TEXT,                           -- YYYY-MM-DD, when done, abandoned or cancelled
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX plan_actions_journey ON plan_actions (journey_id, created_at);
CREATE INDEX plan_actions_service ON plan_actions (service_id) WHERE service_id IS NOT NULL;

-- A referral: a member of the journey's team sends the person to a published service, with a
-- message and the parts of the record shared (JSON array of: identity, contact, situation,
-- diagnostic), once the person agreed (how and when). The receiving organisation is the
-- service's structure's organisation, NULL for an imported structure: then the service's contact
-- answers through a link (referral_links). Status: sent, then accepted or refused (a reason), or
-- expired after 30 days without answer; accepted then done or abandoned; a sent referral may be
-- abandoned by the team.
CREATE TABLE referrals (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  service_id BIGINT NOT NULL REFERENCES services (id),
  sender_user_id BIGINT NOT NULL REFERENCES users (id),
  sender_organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  receiving_organisation_id BIGINT REFERENCES organisations (id),
  message TEXT NOT NULL,
  shared_fields TEXT NOT NULL DEFAULT '[]',
  consent_mode TEXT NOT NULL,              -- in_person, phone, written
  consent_at BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'sent'
    CHECK (status IN ('sent', 'accepted', 'refused', 'done', 'abandoned', 'expired')),
  refusal_reason TEXT,
  answered_by BIGINT REFERENCES users (id),  -- NULL when answered through the link
  answered_via TEXT,                       -- account, link
  answered_at BIGINT,
  closed_by BIGINT REFERENCES users (id),  -- who set done or abandoned
  closed_at BIGINT,
  last_reminder_at BIGINT,
  reminders BIGINT NOT NULL DEFAULT 0,
  plan_action_id BIGINT REFERENCES plan_actions (id),
  sent_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX referrals_journey ON referrals (journey_id, sent_at);
CREATE INDEX referrals_person ON referrals (person_id);
CREATE INDEX referrals_receiver ON referrals (receiving_organisation_id, status, sent_at);
CREATE INDEX referrals_waiting ON referrals (status, sent_at);
CREATE INDEX referrals_service ON referrals (service_id);
CREATE INDEX referrals_plan_action ON referrals (plan_action_id) WHERE plan_action_id IS NOT NULL;

-- The link sent to a service's contact (courriel) when its organisation has no member: valid 8
-- days, single answer. Only the token's BLAKE2b hash is kept, as for password and portal links.
CREATE TABLE referral_links (
  id @ID@,
  referral_id BIGINT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX referral_links_referral ON referral_links (referral_id);
