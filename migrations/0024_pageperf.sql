-- The access log in its own SQLite file (attached as `access` by every connection, see
-- store::internal::access_log_file): its writes, one per page, no longer change the main file's
-- WAL, whose every change made each connection drop its page cache and memory map. Queries keep
-- naming the table `access_log`. PostgreSQL keeps its table.
-- sqlite-only
CREATE TABLE access.access_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  person_id BIGINT,
  part TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT ''
);
CREATE INDEX access.access_log_at ON access_log (at);
CREATE INDEX access.access_log_person ON access_log (person_id, at);
INSERT INTO access.access_log (id, at, actor_id, person_id, part, purpose)
  SELECT id, at, actor_id, person_id, part, purpose FROM main.access_log;
DROP TABLE main.access_log;
-- end
-- postgres-only
COMMENT ON TABLE access_log IS 'Lectures de données personnelles (sur SQLite : fichier à part)';
-- end
