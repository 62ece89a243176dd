#!/usr/bin/env bash
# Benchmark of the ROME job autocomplete (issue 4): rome::search_appellations alone
# (parcours_bench_rome) and GET /api/v1/rome/appellations?q= with wrk, replaying what is typed
# (every prefix of the first word, then of the second), on SQLite then PostgreSQL.
# Writes bench/out/rome/results.md and prints it. Usage: bench/rome/run.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin="$root/$build/parcours"
measure="$root/$build/parcours_bench_rome"
out="$root/bench/out/rome"
mkdir -p "$out"
duration=${BENCH_DURATION:-10s}
engines=${BENCH_ENGINES:-sqlite postgres}
password=bench-password-2026
export PARCOURS_DEMO_PASSWORD=$password
export bin measure out duration root password
source "$root/bench/lib.sh"

prepare() {
  "$bin" migrate --db "$1" >/dev/null
  "$bin" load-geo --db "$1" >/dev/null
  "$bin" load-rome --db "$1"
  "$bin" seed-demo --db "$1" >/dev/null
}

run_engine() {
  local engine=$1 url=$2 port=$3
  prepare "$url"
  echo "| $engine, fonction | $($measure --db "$url" --write-queries "$out/queries.txt" | cut -c3-)" >>"$out/function.md"
  local pid cookie
  pid=$(bench_start_server "$url" "$port" "$out/server-$engine.log")
  cookie=$(bench_login_cookie "http://127.0.0.1:$port" referent@demo.test)
  local c rps p50 p99 non2xx requests
  for c in ${BENCH_CONNECTIONS:-1 16}; do
    QUERIES="$out/queries.txt" PREFIX="/api/v1/rome/appellations?q=" \
      wrk -t1 "-c$c" "-d$duration" --latency -H "Cookie: $cookie" -s "$root/bench/people/queries.lua" \
      "http://127.0.0.1:$port" >"$out/wrk-$engine-$c.txt"
    bench_wrk_read "$out/wrk-$engine-$c.txt"
    echo "| $engine, HTTP | $c | $rps req/s | $p50 | $p99 | $non2xx |" >>"$out/http.md"
  done
  bench_stop_server "$pid"
}

rm -f "$out/function.md" "$out/http.md"
for engine in $engines; do
  case $engine in
    sqlite)
      rm -f "$out/rome.db"*
      run_engine sqlite "sqlite:$out/rome.db" 18231 ;;
    postgres)
      export -f run_engine prepare
      "$root/scripts/with-postgres.sh" bash -c 'run_engine postgres "$PARCOURS_TEST_PG_URL" 18232' ;;
  esac
done
{
  echo "| moteur | appels | appels/s | p50 | p99 | max | résultats en moyenne |"
  echo "|---|---|---|---|---|---|---|"
  cat "$out/function.md"
  echo
  echo "| moteur | connexions wrk | débit | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|---|"
  cat "$out/http.md"
} | tee "$out/results.md"
