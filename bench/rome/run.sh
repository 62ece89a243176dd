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

prepare() {
  "$bin" migrate --db "$1" >/dev/null
  "$bin" load-geo --db "$1" >/dev/null
  "$bin" load-rome --db "$1"
  "$bin" seed-demo --db "$1" >/dev/null
}

login_cookie() {
  local url=$1 jar="$out/jar.txt" token
  rm -f "$jar"
  token=$(curl -fsS -c "$jar" "$url/connexion" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fsS -b "$jar" -c "$jar" -o /dev/null -H "Origin: $url" \
    --data-urlencode "csrf_token=$token" --data-urlencode "email=referent@demo.test" \
    --data-urlencode "password=$password" "$url/connexion"
  awk '$6 == "parcours_session" { print "parcours_session=" $7 }' "$jar"
}

run_engine() {
  local engine=$1 url=$2 port=$3
  prepare "$url"
  echo "| $engine, fonction | $($measure --db "$url" --write-queries "$out/queries.txt" | cut -c3-)" >>"$out/function.md"
  "$bin" serve --db "$url" --listen "127.0.0.1:$port" --jobs false --workers "${BENCH_WORKERS:-4}" \
    --mail "file:$out/mail" >"$out/server-$engine.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 200); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  local cookie
  cookie=$(login_cookie "http://127.0.0.1:$port")
  local c rps p50 p99 non2xx
  for c in ${BENCH_CONNECTIONS:-1 16}; do
    QUERIES="$out/queries.txt" PREFIX="/api/v1/rome/appellations?q=" \
      wrk -t1 "-c$c" "-d$duration" --latency -H "Cookie: $cookie" -s "$root/bench/people/queries.lua" \
      "http://127.0.0.1:$port" >"$out/wrk-$engine-$c.txt"
    rps=$(awk '/Requests\/sec/ { print $2 }' "$out/wrk-$engine-$c.txt")
    p50=$(awk '$1 == "50%" { print $2 }' "$out/wrk-$engine-$c.txt")
    p99=$(awk '$1 == "99%" { print $2 }' "$out/wrk-$engine-$c.txt")
    non2xx=$(awk '/Non-2xx/ { print $5 }' "$out/wrk-$engine-$c.txt")
    echo "| $engine, HTTP | $c | $rps req/s | $p50 | $p99 | ${non2xx:-0} |" >>"$out/http.md"
  done
  kill -TERM $pid; while kill -0 $pid 2>/dev/null; do sleep 0.1; done
}

rm -f "$out/function.md" "$out/http.md"
for engine in $engines; do
  case $engine in
    sqlite)
      rm -f "$out/rome.db"*
      run_engine sqlite "sqlite:$out/rome.db" 18231 ;;
    postgres)
      export -f run_engine prepare login_cookie
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
