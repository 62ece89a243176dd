#!/usr/bin/env bash
# Person-file (CSV) import throughput (issue 7): a windows-1252 file of N rows (100,000 by
# default, bench/csvimport/gen.py) imported with `parcours import persons` for the demo's
# Conseil départemental des Ardennes, on SQLite (and PostgreSQL when BENCH_ENGINES includes it):
# the preview and the import of new persons, then the same file again (all unchanged). For
# each run: the preview's and the import's rows/s, and the process's peak RSS
# (/usr/bin/time -v). Writes bench/out/csvimport/results.md and prints it.
# Usage: bench/csvimport/run.sh [build-dir]     BENCH_ROWS=100000 BENCH_ENGINES="sqlite postgres"
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin="$root/$build/parcours"
out="$root/bench/out/csvimport"
rows=${BENCH_ROWS:-100000}
engines=${BENCH_ENGINES:-sqlite}
mkdir -p "$out"
export PARCOURS_DATA_KEY=${PARCOURS_DATA_KEY:-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}
file="$out/personnes-$rows.csv"
[[ -f "$file" ]] || python3 "$root/bench/csvimport/gen.py" "$rows" "$file"
results="$out/results.md"
{
  echo "# Import de fichiers de personnes (CSV) — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Fichier : $rows lignes, $(du -h "$file" | cut -f1), windows-1252, séparateur « ; ». Charge : $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| Moteur | Passe | Aperçu (lignes/s) | Import (lignes/s) | Résultat | RSS max |"
  echo "|---|---|---|---|---|---|"
} >"$results"

one_engine() {
  local engine=$1 db
  if [[ $engine == sqlite ]]; then
    rm -f "$out/bench.db"*
    db="sqlite:$out/bench.db"
  else
    db=$PARCOURS_TEST_PG_URL
  fi
  "$bin" migrate --db "$db" >/dev/null
  "$bin" load-geo --db "$db" >/dev/null
  "$bin" seed-demo --db "$db" >/dev/null
  local org
  org=$("$bin" org list --db "$db" | awk '/Conseil départemental des Ardennes/ {print $1; exit}')
  [[ -n "$org" ]] || org=1
  for pass in premier second; do
    /usr/bin/time -v "$bin" import persons --db "$db" --org "$org" --json "$file" \
      >"$out/$engine-$pass.json" 2>"$out/$engine-$pass.log"
    local preview_ms import_ms rss summary
    preview_ms=$(grep -o 'Aperçu en [0-9]* ms' "$out/$engine-$pass.log" | grep -o '[0-9]*')
    import_ms=$(grep -o 'Import en [0-9]* ms' "$out/$engine-$pass.log" | grep -o '[0-9]*')
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f Mo", $2/1024}' "$out/$engine-$pass.log")
    summary=$(grep -o 'Import terminé.*' "$out/$engine-$pass.log" | sed 's/^[^:]*: //')
    echo "| $engine | $pass | $(( rows * 1000 / (preview_ms > 0 ? preview_ms : 1) )) | $(( rows * 1000 / (import_ms > 0 ? import_ms : 1) )) | $summary | $rss |" >>"$results"
  done
}

for engine in $engines; do
  if [[ $engine == postgres && -z "${PARCOURS_TEST_PG_URL:-}" ]]; then
    exec "$root/scripts/with-postgres.sh" env BENCH_ENGINES=postgres "$0" "$build"
  fi
  one_engine "$engine"
done
cat "$results"
