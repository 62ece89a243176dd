-- Retention (parcours purge): journeys inactive for longer than their territory's retention are
-- deleted with everything attached, and so is the person's record once no journey remains,
-- including the person's rows of the journal.
--
-- The journal stays append-only for everything else. A purge transaction lists the journeys it
-- deletes in `purge_journeys` and the persons whose record it deletes in `purge_persons`, deletes,
-- then empties both tables before committing: outside a purge they are always empty. The journal
-- triggers let a DELETE through only for a row of a listed person, or a row about a listed journey
-- (its payload's "journey_id"). An UPDATE of the journal, or a DELETE of any other row
-- (organisation events, the purge counts themselves), still fails on both engines.

CREATE TABLE purge_persons (
  person_id BIGINT PRIMARY KEY
);

CREATE TABLE purge_journeys (
  journey_id BIGINT PRIMARY KEY
);

-- sqlite-only
DROP TRIGGER journal_no_delete;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
WHEN NOT EXISTS (SELECT 1 FROM purge_persons WHERE person_id = OLD.person_id)
  AND NOT EXISTS (SELECT 1 FROM purge_journeys WHERE journey_id =
                    CASE WHEN json_valid(OLD.payload) THEN json_extract(OLD.payload, '$.journey_id') END)
BEGIN SELECT RAISE(ABORT, 'le journal est en ajout seul'); END;
-- end
-- postgres-only
CREATE OR REPLACE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND (EXISTS (SELECT 1 FROM purge_persons WHERE person_id = OLD.person_id)
          OR EXISTS (SELECT 1 FROM purge_journeys WHERE journey_id =
                       substring(OLD.payload FROM '"journey_id": *([0-9]{1,18})[,} ]')::bigint)) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'le journal est en ajout seul';
END $$;
CREATE FUNCTION journal_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'le journal est en ajout seul'; END $$;
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
FOR EACH STATEMENT EXECUTE FUNCTION journal_no_truncate();
-- end

-- Deleting a journey or a person makes both engines look for rows that still point at it: without
-- an index on each referencing column that is a full scan per deleted row. 0005 indexes
-- journeys.person_id, persons.merged_into and person_merges, 0006 person_login_tokens; these are
-- the other ones. They also serve the purge's own look-ups (a journey's transfer chain).
-- Partial where the column is mostly NULL: with statistics (ANALYZE), a full index whose one key
-- is NULL for every row makes SQLite's planner prefer scanning the table.
CREATE INDEX journeys_transferred_to ON journeys (transferred_to) WHERE transferred_to IS NOT NULL;
-- The indexes of 0004 on journey_members.journey_id are partial (active members): no help for
-- the rows of members who left. Without this one, a purge of 10,000 journeys among 1,000,000
-- scanned the whole team table for each journey deleted.
CREATE INDEX journey_members_journey ON journey_members (journey_id);
CREATE INDEX person_match_dismissals_other ON person_match_dismissals (other_id);
CREATE INDEX notes_corrects ON notes (corrects_id) WHERE corrects_id IS NOT NULL;

-- Search by names (people/search.cpp) checks each further word, and drops duplicates, with a
-- subquery per candidate row on the person's own terms: (person_id, territory_id, term) answers
-- it from the index alone. Measured on 60,000 persons (bench/README.md): p99 of a name search
-- from 11-14 ms down to 3.6 ms on SQLite. It also serves everything person_terms_person served.
DROP INDEX person_terms_person;
CREATE INDEX person_terms_person_territory_term ON person_terms (person_id, territory_id, term);

-- Similar records (people/matching.cpp) and the search by phone look for `phone = $1 OR
-- phone2 = $1`: without an index on phone2 both engines scan every person. Measured on 60,000
-- persons: the person's page went from 26 to 770 pages/s (bench/README.md).
CREATE INDEX persons_phone2 ON persons (phone2) WHERE phone2 IS NOT NULL;
