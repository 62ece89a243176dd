-- Rendez-vous between a person and a member of their journey's team, the reminders already sent
-- (one row per appointment and kind: the job never sends one twice, even after a restart), and
-- attachments of outbox mails (the reminders' .ics).

CREATE TABLE appointments (
  id @ID@,
  journey_id BIGINT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  territory_id BIGINT NOT NULL REFERENCES territories (id),
  professional_id BIGINT NOT NULL REFERENCES users (id),     -- the team member met
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),  -- theirs
  starts_at BIGINT NOT NULL,          -- Unix seconds
  duration_minutes BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,            -- starts_at + duration
  place_kind TEXT NOT NULL,           -- address, phone, video
  place TEXT NOT NULL,                -- the address, the phone number or the video link
  purpose TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned',  -- planned, seen, excused, revoked, noshow, to_update
  status_message TEXT NOT NULL DEFAULT '',  -- the person's message when excused, the reason
  booked_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX appointments_journey ON appointments (journey_id, starts_at);
CREATE INDEX appointments_person ON appointments (person_id, starts_at);
CREATE INDEX appointments_professional ON appointments (professional_id, starts_at);
CREATE INDEX appointments_status ON appointments (status, starts_at);
CREATE INDEX appointments_organisation ON appointments (organisation_id, status, starts_at);

CREATE TABLE appointment_reminders (
  appointment_id BIGINT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                 -- d2 (two days before, 08:00), d0 (the day, 08:00)
  sent_at BIGINT NOT NULL,
  outbox_id BIGINT,                   -- NULL when the person has no email address
  PRIMARY KEY (appointment_id, kind)
);

ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment_type TEXT;
ALTER TABLE outbox ADD COLUMN attachment TEXT;
