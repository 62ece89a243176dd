#!/usr/bin/env bash
# Benchmark of the CAF/MSA flux import (issue 7) on SQLite: a generated flux of N households
# (bench/caf/gen_flux.py, every RSA state, ~2.2 KB per household), imported into an empty
# database with the Ardennes territory, then
#   1. the first import (creations: person, sources, terms, journey, events);
#   2. the same file again (answered from its SHA-256: identical bytes already applied);
#   3. a later month where 10 % of the households changed state (every household compared by
#      its digest, the changed ones applied);
#   4. that later file rerun after its import row is marked interrupted (every household
#      parsed and compared, none changed: the path of a crashed import rerun).
# Each run under /usr/bin/time -v (wall time, CPU user + system, maximum RSS). Usage:
#   bench/caf/run.sh [build-dir]   (BENCH_CAF_HOUSEHOLDS=100000 by default;
#   BENCH_CAF_BIN=path: another binary; BENCH_CAF_REUSE=1: the files of the previous run)
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${BENCH_CAF_BIN:-"$root/$build/parcours"}
n=${BENCH_CAF_HOUSEHOLDS:-100000}
out="$root/bench/out/caf"
mkdir -p "$out"
rm -f "$out"/bench.db*
export PARCOURS_DB="sqlite:$out/bench.db"
export PARCOURS_DATA_KEY=${PARCOURS_DATA_KEY:-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}
"$bin" migrate >/dev/null
sqlite3 "$out/bench.db" "INSERT INTO territories (slug, name, created_at, updated_at) VALUES
  ('ardennes', 'Ardennes', 0, 0); INSERT INTO territory_departements VALUES (1, '08');"
if [[ ${BENCH_CAF_REUSE:-0} != 1 || ! -f $out/flux-m2.xml ]]; then
  python3 "$root/bench/caf/gen_flux.py" --households "$n" --out "$out/flux-m1.xml" --dtref 2026-10-31
  python3 "$root/bench/caf/gen_flux.py" --households "$n" --out "$out/flux-m2.xml" --dtref 2026-11-30 \
    --change 0.1 --seed 2
fi
ls -l "$out"/flux-m*.xml
run() {
  local label=$1 file=$2
  /usr/bin/time -v "$bin" import caf "$file" 2>"$out/$label.txt" >/dev/null || true
  local wall rss line cpu
  line=$(grep 'importé en' "$out/$label.txt" || grep 'refusé' "$out/$label.txt")
  wall=$(grep 'Elapsed (wall clock)' "$out/$label.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$out/$label.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$out/$label.txt")
  echo "$label | wall $wall | CPU ${cpu} s | RSS ${rss} KB | $line | load $(cut -d' ' -f1-3 /proc/loadavg)"
}
run first "$out/flux-m1.xml"
run same-again "$out/flux-m1.xml"
run later-month "$out/flux-m2.xml"
sqlite3 "$out/bench.db" "UPDATE caf_imports SET status = 'interrupted' WHERE id = (SELECT MAX(id) FROM caf_imports)"
run later-rerun-full-compare "$out/flux-m2.xml"
