#!/usr/bin/env bash
# Imports the same CAF flux files with two binaries into two fresh SQLite databases, the clock
# pinned, and compares what they wrote table by table (persons without the sealed NIR, which is
# encrypted with a random nonce; field sources; search terms; the journal with its contents;
# journeys; report lines; household digests; import counters). Usage:
#   bench/caf/compare.sh BINARY_A BINARY_B FLUX...   (exit 1 when a table differs)
set -euo pipefail
a=$1 b=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/bench/out/caf-compare"
mkdir -p "$out"
export PARCOURS_DATA_KEY=${PARCOURS_DATA_KEY:-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}
export PARCOURS_FAKE_NOW=1790000000
tables=(
  "SELECT id, territory_id, birth_name, usage_name, first_names, birth_date, sex, nir_hash, nir_sealed IS NULL, caf_number, ft_id, internal_id, email, phone, phone2, address, address_complement, postcode, commune_code, no_fixed_address, domiciliation, rsa_status, rights_and_duties, allowances, rqth, education_level, last_job, last_job_end, driving_licence, languages, merged_into, created_at, updated_at, spouse_id, caf_role FROM persons ORDER BY id"
  "SELECT person_id, field, source, user_id, organisation_id, file_name, at, fields FROM person_field_sources ORDER BY person_id, field"
  "SELECT territory_id, term, person_id FROM person_terms ORDER BY person_id, territory_id, term"
  "SELECT seq, at, kind, territory_id, person_id, actor_id, payload FROM journal ORDER BY seq"
  "SELECT id, person_id, territory_id, status, entry, need, opened_by, opened_by_organisation_id, opened_at, closed_at, close_reason, last_activity_at FROM journeys ORDER BY id"
  "SELECT import_id, seq, line, matricule, outcome, person_id, territory_id, message FROM caf_import_lines ORDER BY import_id, seq"
  "SELECT matricule, territory_id, digest, reference_date, import_id, updated_at, raw_digest, commune, departement FROM caf_households ORDER BY matricule"
  "SELECT id, file_name, file_hash, status, households_total, households_done, persons_created, persons_updated, persons_unchanged, rejected FROM caf_imports ORDER BY id"
)
for side in a b; do
  bin=${!side}
  db="$out/$side.db"
  rm -f "$db"*
  PARCOURS_DB="sqlite:$db" "$bin" migrate >/dev/null
  sqlite3 "$db" "INSERT INTO territories (slug, name, created_at, updated_at) VALUES
    ('ardennes', 'Ardennes', 0, 0); INSERT INTO territory_departements VALUES (1, '08');"
  for f in "$@"; do PARCOURS_DB="sqlite:$db" "$bin" import caf "$f" >/dev/null 2>&1 || true; done
done
status=0
for sql in "${tables[@]}"; do
  ha=$(sqlite3 "$out/a.db" "$sql" | md5sum | cut -c1-32)
  hb=$(sqlite3 "$out/b.db" "$sql" | md5sum | cut -c1-32)
  rows=$(sqlite3 "$out/a.db" "SELECT COUNT(*) FROM (${sql% ORDER BY*})")
  table=$(sed -E 's/.* FROM ([a-z_]+).*/\1/' <<<"$sql")
  if [[ $ha == "$hb" ]]; then echo "$table: $rows rows, identical ($ha)"; else echo "$table: DIFFERENT ($ha / $hb)"; status=1; fi
done
exit $status
