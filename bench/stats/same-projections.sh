#!/usr/bin/env bash
# Checks that two binaries' `parcours stats rebuild` give the same projection tables on one SQLite
# database (a change of the rebuild must not change a number): rebuild with the first, digest of
# every projection table in key order, rebuild with the second, digest again, compare.
#   bench/stats/same-projections.sh bench/out/stats/bench-departement.db /work/main/build/parcours build/parcours
set -euo pipefail
db=$1
shift
digest() {
  for query in \
    "SELECT * FROM stats_journeys ORDER BY journey_id" \
    "SELECT * FROM stats_counters ORDER BY territory_id, month, organisation_id, route, metric, bucket" \
    "SELECT * FROM impact_journeys ORDER BY journey_id" \
    "SELECT * FROM impact_journey_actions ORDER BY journey_id, action" \
    "SELECT * FROM impact_counters ORDER BY territory_id, dimension, action, value, entry_month" \
    "SELECT name, position FROM stats_cursors ORDER BY name"; do
    echo "$(sqlite3 "$db" "$query" | sha1sum | cut -c1-16) $(sqlite3 "$db" "SELECT count(*) FROM (${query%% ORDER BY*})") ${query%% ORDER BY*}"
  done
}
reference=""
for bin in "$@"; do
  "$bin" stats rebuild --db "sqlite:$db"
  current=$(digest)
  echo "$bin :"
  echo "$current"
  if [[ -n "$reference" && "$current" != "$reference" ]]; then
    echo "DIFFÉRENT de la première reconstruction" >&2
    exit 1
  fi
  reference=$current
done
echo "tables des projections identiques"
