-- Statistics computed from the journal, incrementally (src/features/stats).
--
-- Each projection reads the journal after its own cursor and keeps its derived tables up to
-- date; it advances the cursor in the same transaction as its writes, so a crash loses nothing
-- and applies nothing twice. The cursor is the journal's seq on SQLite and the commit-ordered
-- feed position (journal_feed) on PostgreSQL, where seq may become visible out of order.
CREATE TABLE stats_cursors (
  name TEXT PRIMARY KEY,
  position BIGINT NOT NULL
);

-- The facts of each journey the indicators need. Days are civil days in Paris (days since
-- 1970-01-01), -1 when the thing has not happened. route: 0 not oriented, 1 pro, 2 socio_pro,
-- 3 social.
CREATE TABLE stats_journeys (
  journey_id BIGINT PRIMARY KEY,
  territory_id BIGINT NOT NULL,
  entered_on BIGINT NOT NULL DEFAULT -1,
  route BIGINT NOT NULL DEFAULT 0,
  orienting_organisation_id BIGINT NOT NULL DEFAULT 0,
  referent_organisation_id BIGINT NOT NULL DEFAULT 0,
  oriented_on BIGINT NOT NULL DEFAULT -1,
  first_meeting_on BIGINT NOT NULL DEFAULT -1,
  has_plan BIGINT NOT NULL DEFAULT 0,
  has_commitment BIGINT NOT NULL DEFAULT 0,
  appointments_booked BIGINT NOT NULL DEFAULT 0,
  appointments_seen BIGINT NOT NULL DEFAULT 0,
  appointments_noshow BIGINT NOT NULL DEFAULT 0,
  referrals_sent BIGINT NOT NULL DEFAULT 0,
  referrals_accepted BIGINT NOT NULL DEFAULT 0,
  referrals_refused BIGINT NOT NULL DEFAULT 0,
  referrals_expired BIGINT NOT NULL DEFAULT 0,
  job_on BIGINT NOT NULL DEFAULT -1,
  lasting_job_on BIGINT NOT NULL DEFAULT -1,
  training_on BIGINT NOT NULL DEFAULT -1
);

-- Counters per (territory, organisation, route, month of entry), kept by deltas. `bucket` is 0
-- for plain counts; for the delay histograms (metrics d_orientation, d_first_meeting) it is the
-- delay in days, 0 to 91 (91: more than 90 days).
CREATE TABLE stats_counters (
  territory_id BIGINT NOT NULL,
  month BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL,
  route BIGINT NOT NULL,
  metric TEXT NOT NULL,
  bucket BIGINT NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (territory_id, month, organisation_id, route, metric, bucket)
);
