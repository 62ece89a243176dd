-- The person's own space: requests for another référent (the reason is personal data, so it is
-- kept here and not in the append-only journal), and the index that limits magic links per person.

CREATE TABLE referent_change_requests (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  referent_user_id BIGINT REFERENCES users (id),  -- the référent at the time of the request
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX referent_change_requests_journey ON referent_change_requests (journey_id, created_at);
CREATE INDEX referent_change_requests_person ON referent_change_requests (person_id);

CREATE INDEX person_login_tokens_person ON person_login_tokens (person_id, created_at);
