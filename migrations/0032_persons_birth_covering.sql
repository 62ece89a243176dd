-- The possible duplicates of a person (people::find_weak_matches: same names and birth date) are
-- looked for on every journey page shown to whoever may dismiss them, and by the CAF import for
-- every person it creates. In a country of 1,000,000 persons about 64 share a birth date, and
-- each was read from its table row (one page each): a fifth of the journey page's time. The index
-- now carries what the comparison reads (names, merged_into), in id order within a date (the
-- query's order): those rows come from one or two leaves of the index.
DROP INDEX persons_birth;
CREATE INDEX persons_birth
ON persons (birth_date, id, first_names, birth_name, usage_name, merged_into);
