-- Core tables: settings of the installation, the journal (append-only), the access log of reads
-- of personal data, durable jobs and the mail outbox.

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE journal (
  seq @ID@,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  territory_id BIGINT,
  person_id BIGINT,
  actor_id BIGINT,
  payload TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX journal_territory ON journal (territory_id, seq);
CREATE INDEX journal_person ON journal (person_id, seq);

-- The journal is append-only: corrections are new events.
-- sqlite-only
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'le journal est en ajout seul'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'le journal est en ajout seul'); END;
-- end
-- postgres-only
CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'le journal est en ajout seul'; END $$;
CREATE TRIGGER journal_no_change BEFORE UPDATE OR DELETE ON journal
FOR EACH ROW EXECUTE FUNCTION journal_append_only();
-- end

CREATE TABLE access_log (
  id @ID@,
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  person_id BIGINT,
  part TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT ''
);
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX access_log_person ON access_log (person_id, at);

CREATE TABLE jobs (
  id @ID@,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'queued',  -- queued, running, done, dead
  run_at BIGINT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  last_error TEXT,
  locked_by TEXT,
  locked_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX jobs_due ON jobs (status, run_at);

CREATE TABLE outbox (
  id @ID@,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  attempts BIGINT NOT NULL DEFAULT 0,
  last_error TEXT
);
