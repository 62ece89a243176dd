#!/usr/bin/env bash
# Copies a generated SQLite bench database into an empty PostgreSQL database, with COPY: the
# country profile takes 25 min to generate on SQLite but more than 2 h on PostgreSQL (row by row
# through the journal's feed trigger and every index), so it is generated once on SQLite and
# copied. The PostgreSQL schema comes from `parcours migrate`; every table of both engines is
# copied (the columns they share), triggers off (session_replication_role = replica: no
# append-only check, no feed numbering, no foreign-key check: the source is consistent), the
# tables emptied first (what `migrate` may have seeded), secondary indexes dropped before and
# created after; then journal_feed gets one position per event (position = seq, as migration
# 0020 does for an existing journal), the sequences follow their tables, VACUUM ANALYZE (hint
# bits and visibility map set once, not by the first reads).
#   bench/stats/to-postgres.sh bench/out/stats/bench-country.db postgresql://... [build-dir]
set -euo pipefail
src=$1
url=$2
build=${3:-build}
[[ -s "$src" ]] || { echo "base SQLite introuvable : $src" >&2; exit 1; }
"$build/parcours" migrate --db "$url" >/dev/null

pg() { psql "$url" -X -q -v ON_ERROR_STOP=1 "$@"; }

sqlite_tables=$(sqlite3 "$src" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
pg_tables=$(pg -Atc "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY 1")

# Secondary indexes (those that back no constraint): dropped now, created again at the end.
indexes=$(pg -Atc "SELECT indexdef || ';' FROM pg_indexes i WHERE schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)")
pg -Atc "SELECT format('DROP INDEX %I.%I;', schemaname, indexname) FROM pg_indexes i WHERE schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)" | pg >/dev/null

copied=()
for table in $pg_tables; do
  grep -qx "$table" <<<"$sqlite_tables" && copied+=("\"$table\"")
done
pg -c "SET session_replication_role = replica" -c "TRUNCATE $(IFS=,; echo "${copied[*]}")" >/dev/null

for table in $pg_tables; do
  grep -qx "$table" <<<"$sqlite_tables" || continue
  sqlite_columns=$(sqlite3 "$src" "SELECT name FROM pragma_table_info('$table')")
  columns=""
  for column in $(pg -Atc "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$table' ORDER BY ordinal_position"); do
    grep -qx "$column" <<<"$sqlite_columns" && columns+="${columns:+, }\"$column\""
  done
  [[ -n "$columns" ]] || continue
  start=$(date +%s)
  # sqlite3 -csv writes NULL as nothing and '' as "": what COPY csv reads as NULL and ''.
  sqlite3 -csv "$src" "SELECT $columns FROM \"$table\"" |
    pg -c "SET session_replication_role = replica" \
      -c "\\copy \"$table\" ($columns) FROM pstdin WITH (FORMAT csv)"
  echo "$table : $(pg -Atc "SELECT count(*) FROM \"$table\"") lignes, $(($(date +%s) - start)) s"
done

start=$(date +%s)
pg -c "SET session_replication_role = replica" -c "BEGIN" -c "TRUNCATE journal_feed" \
  -c "INSERT INTO journal_feed (position, seq) SELECT seq, seq FROM journal" \
  -c "SELECT setval('journal_feed_position', COALESCE((SELECT max(seq) FROM journal), 0) + 1, false)" \
  -c "COMMIT" >/dev/null
echo "journal_feed : $(($(date +%s) - start)) s"

# Sequences of the identity and serial columns, past the copied rows.
pg -Atc "SELECT format('SELECT setval(%L, COALESCE((SELECT max(%I) FROM %I), 0) + 1, false);', pg_get_serial_sequence(format('%I', table_name), column_name), column_name, table_name) FROM information_schema.columns WHERE table_schema = 'public' AND pg_get_serial_sequence(format('%I', table_name), column_name) IS NOT NULL" |
  pg >/dev/null

start=$(date +%s)
pg <<<"SET maintenance_work_mem = '1GB'; $indexes" >/dev/null
echo "index : $(($(date +%s) - start)) s"
start=$(date +%s)
pg -c "VACUUM (ANALYZE)" >/dev/null
echo "VACUUM ANALYZE : $(($(date +%s) - start)) s"
