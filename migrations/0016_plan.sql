-- Plan d'actions co-built by the person and their team: the plan of a journey (its closure with
-- a reason and its next point d'étape), its goals grouped by thématique, the goal of each action
-- (plan_actions, created by the referrals migration) and the reviews (points d'étape).
-- See src/features/plan.

-- One plan per journey, created with its first goal or action. Closed with a reason, reopened.
-- next_review_date: the next point d'étape set by the référent (by default 3 months after the
-- plan's creation or the last review); late when past and the plan is open.
CREATE TABLE plans (
  journey_id BIGINT PRIMARY KEY REFERENCES journeys (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_reason TEXT,
  closed_by BIGINT REFERENCES users (id),
  closed_at BIGINT,
  next_review_date TEXT NOT NULL,          -- YYYY-MM-DD
  created_by BIGINT REFERENCES users (id), -- NULL when the person proposed the first goal
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX plans_next_review ON plans (status, next_review_date);

-- A goal: a thématique of data·inclusion (category code: "mobilite", "trouver-un-emploi"...),
-- a title, a status (proposed by the person -> active once validated, or declined; active ->
-- reached, abandoned or closed with a reason; reopened to active), a target date, who carries
-- it (a team member, or the person: carried_by_person = 1) and the diagnostic obstacle it
-- answers (the thématique code of the diagnostic's "freins" question), if any.
CREATE TABLE plan_goals (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  thematique TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('proposed', 'active', 'declined', 'reached', 'abandoned', 'closed')),
  target_date TEXT,                        -- YYYY-MM-DD
  carrier_user_id BIGINT REFERENCES users (id),
  carried_by_person BIGINT NOT NULL DEFAULT 0,
  obstacle TEXT,                           -- diagnostic thématique code, NULL when none
  closing_reason TEXT,                     -- why it was declined, abandoned or closed
  proposed_by_person BIGINT NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES users (id), -- NULL when proposed by the person
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE INDEX plan_goals_journey ON plan_goals (journey_id, created_at);

-- The goal an action serves (NULL: shown under "Autres actions", e.g. a referral's action that
-- matched no goal), and whether the person is responsible for it (then they may mark it done
-- from their space).
ALTER TABLE plan_actions ADD COLUMN goal_id BIGINT REFERENCES plan_goals (id) ON DELETE SET NULL;
ALTER TABLE plan_actions ADD COLUMN responsible_person BIGINT NOT NULL DEFAULT 0;
CREATE INDEX plan_actions_goal ON plan_actions (goal_id) WHERE goal_id IS NOT NULL;

-- A point d'étape: its date, a summary, who attended (the person, and the others as written)
-- and the next review date it set.
CREATE TABLE plan_reviews (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  review_date TEXT NOT NULL,               -- YYYY-MM-DD
  summary TEXT NOT NULL,
  person_attended BIGINT NOT NULL DEFAULT 1,
  attendees TEXT NOT NULL DEFAULT '',
  next_review_date TEXT NOT NULL,          -- YYYY-MM-DD
  recorded_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX plan_reviews_journey ON plan_reviews (journey_id, review_date);
