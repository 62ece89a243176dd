-- Indexes the dossier unique reads by: the records merged into a person (timeline, access log,
-- notes of merged records), and the merges of a person (undo within 30 days).
CREATE INDEX persons_merged_into ON persons (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX person_merges_kept ON person_merges (kept_id, at);
CREATE INDEX person_merges_merged ON person_merges (merged_id);
CREATE INDEX journeys_person ON journeys (person_id, opened_at);
