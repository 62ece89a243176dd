#!/usr/bin/env bash
# Benchmarks of the catalogue exchange and search (issue 5), on SQLite (PostgreSQL too with
# BENCH_ENGINES="sqlite postgres"):
#   - bench/catalogue/generate.mjs: 150,000 services (BENCH_SERVICES) and their structures in
#     the data·inclusion format (JSON lines) over the real communes, time reported;
#   - `parcours import data-inclusion` on a fresh database (target: under 30 s on SQLite), then
#     the same file again (nothing changes);
#   - GET /api/v1/search/services with wrk, replaying 2,000 generated searches of each kind:
#     a commune + a thématique (target p99 < 10 ms), and text (one or two words, half of them
#     with a commune; target p99 < 20 ms), at 1 and 4 connections.
# Writes bench/out/catalogue/results.md and prints it. Usage: bench/catalogue/run.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin="$root/$build/parcours"
out="$root/bench/out/catalogue"
mkdir -p "$out"
services=${BENCH_SERVICES:-150000}
duration=${BENCH_DURATION:-10s}
engines=${BENCH_ENGINES:-sqlite}
export bin out services duration root

data="$out/catalogue-$services.jsonl"
if [[ ! -s "$data" ]]; then
  start=$(date +%s%N)
  node bench/catalogue/generate.mjs --services "$services" >"$data.tmp" && mv "$data.tmp" "$data"
  echo "Génération : $services services en $(( ($(date +%s%N) - start) / 1000000 )) ms" | tee "$out/generation.txt"
fi
node bench/catalogue/generate.mjs --queries 2000 --kind commune --seed 7 >"$out/commune.txt"
node bench/catalogue/generate.mjs --queries 2000 --kind text --seed 8 >"$out/text.txt"

run_engine() {
  local engine=$1 url=$2 port=$3
  "$bin" migrate --db "$url" >/dev/null
  "$bin" load-geo --db "$url" >/dev/null
  local start ms ms2
  start=$(date +%s%N)
  "$bin" import data-inclusion "$data" --db "$url" >"$out/import-$engine.txt" 2>"$out/import-$engine.err"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  start=$(date +%s%N)
  "$bin" import data-inclusion "$data" --db "$url" >"$out/reimport-$engine.txt" 2>>"$out/import-$engine.err"
  ms2=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "| $engine | $services | $ms ms | $ms2 ms | $(cut -d' ' -f1 /proc/loadavg) |" >>"$out/import.md"
  "$bin" serve --db "$url" --listen "127.0.0.1:$port" --jobs false --workers "${BENCH_WORKERS:-4}" \
    --mail "file:$out/mail" >"$out/server-$engine.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 200); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  local kind c rps p50 p99 non2xx
  for kind in commune text; do
    for c in ${BENCH_CONNECTIONS:-1 4}; do
      PATHS="$out/$kind.txt" wrk -t1 "-c$c" "-d$duration" --latency -s "$root/bench/catalogue/paths.lua" \
        "http://127.0.0.1:$port" >"$out/wrk-$engine-$kind-$c.txt"
      rps=$(awk '/Requests\/sec/ { print $2 }' "$out/wrk-$engine-$kind-$c.txt")
      p50=$(awk '$1 == "50%" { print $2 }' "$out/wrk-$engine-$kind-$c.txt")
      p99=$(awk '$1 == "99%" { print $2 }' "$out/wrk-$engine-$kind-$c.txt")
      non2xx=$(awk '/Non-2xx/ { print $5 }' "$out/wrk-$engine-$kind-$c.txt")
      echo "| $engine | $kind | $c | $rps req/s | $p50 | $p99 | ${non2xx:-0} | $(cut -d' ' -f1 /proc/loadavg) |" >>"$out/http.md"
    done
  done
  kill -TERM $pid; while kill -0 $pid 2>/dev/null; do sleep 0.1; done
}

rm -f "$out/import.md" "$out/http.md"
for engine in $engines; do
  case $engine in
    sqlite)
      rm -f "$out/catalogue.db"*
      run_engine sqlite "sqlite:$out/catalogue.db" 18331 ;;
    postgres)
      export -f run_engine
      export data
      "$root/scripts/with-postgres.sh" bash -c 'run_engine postgres "$PARCOURS_TEST_PG_URL" 18332' ;;
  esac
done
{
  cat "$out/generation.txt" 2>/dev/null || true
  echo
  echo "| moteur | services | import (base vide) | nouvel import (rien ne change) | charge (1 min) |"
  echo "|---|---|---|---|---|"
  cat "$out/import.md"
  echo
  echo "| moteur | recherche | connexions wrk | débit | p50 | p99 | non-2xx | charge (1 min) |"
  echo "|---|---|---|---|---|---|---|---|"
  cat "$out/http.md"
} | tee "$out/results.md"
