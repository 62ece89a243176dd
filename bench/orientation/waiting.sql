-- 10,000 persons waiting for orientation in the demo territory (Ardennes), entered over the last
-- 60 days through the four doors, in four communes. Same SQL on SQLite and PostgreSQL; NOW is
-- replaced by the current Unix time by run.sh.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO persons (territory_id, birth_name, first_names, commune_code, created_at, updated_at)
SELECT t.id, 'Attente' || n.i, 'Bench',
       CASE n.i % 4 WHEN 0 THEN '08105' WHEN 1 THEN '08409' WHEN 2 THEN '08362' ELSE '08363' END,
       NOW, NOW
FROM n, territories t WHERE t.slug = 'ardennes';

INSERT INTO journeys (person_id, territory_id, entry, opened_at, last_activity_at)
SELECT p.id, p.territory_id,
       CASE p.id % 4 WHEN 0 THEN 'import' WHEN 1 THEN 'public_form' WHEN 2 THEN 'transfer'
                     ELSE 'professional' END,
       NOW - (p.id % 60) * 86400 - (p.id * 37) % 86400, NOW
FROM persons p WHERE p.first_names = 'Bench';

ANALYZE;
