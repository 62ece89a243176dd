-- Fewer index rows per person (the CAF flux creates tens of thousands at a time, bench/README.md
-- « Flux CAF, branche cafbulk2 »). The département's id, the e-mail and the phone are absent
-- from most records (from every record an import of the CAF flux creates), yet each record had a
-- row with a NULL key in these three indexes. Their lookups are all `column = value`, which
-- implies `column IS NOT NULL`: both engines use the partial index for them, and a unique index
-- never compared NULLs anyway.
DROP INDEX persons_internal_id;
CREATE UNIQUE INDEX persons_internal_id ON persons (territory_id, internal_id)
  WHERE merged_into IS NULL AND internal_id IS NOT NULL;
DROP INDEX persons_email;
CREATE INDEX persons_email ON persons (email) WHERE email IS NOT NULL;
DROP INDEX persons_phone;
CREATE INDEX persons_phone ON persons (phone) WHERE phone IS NOT NULL;
