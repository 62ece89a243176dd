-- Indexes for the journey page's reads (measured in bench/people):
-- the author filter of the carnet de bord lists the distinct authors of a person's events, and
-- filters on one of them: both answered from the index alone, without reading the events;
-- the notes' headers (who, visibility, corrections) read without the bodies, which can be long.
CREATE INDEX journal_person_actor ON journal (person_id, actor_id, seq);
DROP INDEX notes_journey;
CREATE INDEX notes_journey ON notes (journey_id, created_at, id, author_id, organisation_id,
                                     visibility, corrects_id);
