-- SQLite: the access log's index by person leaves the commit of every page. Each row of the
-- agenda (16 persons) or of a result list put a row in a different leaf of `access_log_person`,
-- and every commit of the group writer wrote those leaves again into the WAL: most of what the
-- access log wrote, its checkpoints and the p99 of the pages waiting for them. The index is now
-- a table in a third file (store::internal::access_index_file, attached as `access_index`),
-- filled in batches behind the log by a thread of the server (store::index_accesses) with its
-- own write lock; readers add the rows past `access_log_indexed.up_to`. PostgreSQL keeps its
-- index: a commit there writes each page once, however many leaves it touched.
-- sqlite-only
CREATE TABLE access_index.access_log_by_person (
  person_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  id BIGINT NOT NULL,
  PRIMARY KEY (person_id, at, id)
) WITHOUT ROWID;
CREATE TABLE access_index.access_log_indexed (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  up_to BIGINT NOT NULL
);
INSERT INTO access_index.access_log_by_person (person_id, at, id)
  SELECT person_id, at, id FROM access.access_log WHERE person_id IS NOT NULL;
INSERT INTO access_index.access_log_indexed (id, up_to)
  SELECT 1, COALESCE(MAX(id), 0) FROM access.access_log;
DROP INDEX access.access_log_person;
-- end
