#!/usr/bin/env bash
# Benchmark of the chargé d'orientation's queue (issue 4): the demo territory with 10,000 more
# persons waiting for orientation (bench/orientation/waiting.sql), then GET /orientation as the
# demo chargé d'orientation with wrk: the first page (oldest first), the late ones, the newest in
# one commune, and a page deep in the cursor. SQLite, then a throwaway PostgreSQL.
# Writes bench/out/orientation-results.md and prints it. Usage: bench/orientation/run.sh [build]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin="$root/$build/parcours"
out="$root/bench/out/orientation"
mkdir -p "$out"
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-4}
engines=${BENCH_ENGINES:-sqlite postgres}
password=bench-password-2026
export PARCOURS_DEMO_PASSWORD=$password
export bin out duration connections password root
source "$root/bench/lib.sh"

run_sql() {  # url, file
  local now
  now=$(date +%s)
  if [[ $1 == sqlite:* ]]; then
    sed "s/NOW/$now/g" "$2" | sqlite3 "${1#sqlite:}"
  else
    sed "s/NOW/$now/g" "$2" | psql -q -v ON_ERROR_STOP=1 "$1" >/dev/null
  fi
}

measure_http() {  # name, url, cookie
  wrk -t2 "-c$connections" "-d$duration" --latency -H "Cookie: $3" "$2" >"$out/wrk.txt"
  local rps p50 p99 non2xx requests
  bench_wrk_read "$out/wrk.txt"
  echo "| $1 | $connections | $rps | $p50 | $p99 | $non2xx |"
}

bench_engine() {
  local url=$1 engine=$2 port=$3
  "$bin" migrate --db "$url" >/dev/null
  "$bin" load-geo --db "$url" >/dev/null
  "$bin" seed-demo --db "$url" >/dev/null
  run_sql "$url" "$root/bench/orientation/waiting.sql"
  local pid server cookie
  pid=$(bench_start_server "$url" "$port" "$out/server-$port.log")
  server="http://127.0.0.1:$port"
  cookie=$(bench_login_cookie "$server" orientation@demo.test)
  curl -fsS -H "Cookie: $cookie" "$server/orientation" >"$out/queue-$engine.html"
  grep -q "100[0-9][0-9] personne(s) attendent" "$out/queue-$engine.html" ||
    { echo "la file ne compte pas les 10 000 personnes" >&2; kill "$pid"; return 1; }
  # A cursor 150 pages deep (oldest first), from the page itself.
  local next="/orientation?statut=to_orient" i
  for i in $(seq 1 150); do
    next=$(curl -fsS -H "Cookie: $cookie" "$server$next" | grep -o 'href="/orientation?[^"]*apres=[^"]*"' |
      head -1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g')
    [[ -n "$next" ]] || { echo "pas de page suivante ($i)" >&2; kill "$pid"; return 1; }
  done
  local http="$out/http-$engine.md"
  : >"$http"
  measure_http "GET /orientation, 1re page ($engine)" "$server/orientation" "$cookie" >>"$http"
  measure_http "GET /orientation?echeance=late ($engine)" "$server/orientation?echeance=late" "$cookie" >>"$http"
  measure_http "GET /orientation?commune=08105&tri=newest ($engine)" \
    "$server/orientation?commune=08105&tri=newest" "$cookie" >>"$http"
  measure_http "GET /orientation, page 151 par curseur ($engine)" "$server$next" "$cookie" >>"$http"
  bench_stop_server "$pid"
}
export -f run_sql measure_http bench_engine

for engine in $engines; do
  case $engine in
    sqlite)
      db="$out/bench.db"
      rm -f "$db" "$db-wal" "$db-shm" "$db".access.sqlite*
      bench_engine "sqlite:$db" sqlite 18190
      ;;
    postgres)
      "$root/scripts/with-postgres.sh" bash -c 'bench_engine "$PARCOURS_TEST_PG_URL" postgres 18191'
      ;;
  esac
done

results="$out/../orientation-results.md"
{
  echo "Machine : $(nproc) cœurs, $(uname -r), charge $(cut -d' ' -f1-3 /proc/loadavg) ; 10 000 personnes à orienter (+ la démo) ; wrk -t2 -c$connections -d$duration"
  echo
  echo "| page (chargé d'orientation connecté) | connexions | req/s | p50 | p99 | réponses non 2xx |"
  echo "|---|---|---|---|---|---|"
  for engine in $engines; do cat "$out/http-$engine.md"; done
} >"$results"
cat "$results"
