#!/usr/bin/env bash
# Benchmarks of appointments (issue 6), SQLite then a throwaway PostgreSQL:
#   - a référente's week agenda (GET /agenda) with 60 appointments, wrk at 32 connections;
#   - the reminder sweep over 100,000 appointments (parcours_bench_appointments): spread over 60
#     days (a real day's work), and all due at once (the worst case); a second sweep right after
#     (nothing left to send).
# Writes bench/out/appointments-results.md and prints it. Usage: bench/appointments/run.sh [build]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin="$root/$build/parcours"
measure="$root/$build/parcours_bench_appointments"
out="$root/bench/out/appointments"
mkdir -p "$out"
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-32}
engines=${BENCH_ENGINES:-sqlite postgres}
count=${BENCH_APPOINTMENTS:-100000}
password=bench-password-2026
export PARCOURS_DEMO_PASSWORD=$password
export bin measure out duration connections count password root

prepare() {
  "$bin" migrate --db "$1" >/dev/null
  "$bin" load-geo --db "$1" >/dev/null
  "$bin" seed-demo --db "$1" >/dev/null
}

start_server() {
  "$bin" serve --db "$1" --listen "127.0.0.1:$2" --jobs false --workers "${BENCH_WORKERS:-4}" \
    --mail "file:$out/mail" >"$out/server-$2.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 200); do
    curl -fsS "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  echo $pid
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

measure_http() {  # name, url, cookie
  wrk -t2 "-c$connections" "-d$duration" --latency -H "Cookie: $3" "$2" >"$out/wrk.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ { print $2 }' "$out/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$out/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$out/wrk.txt")
  non2xx=$(awk '/Non-2xx/ { print $5 }' "$out/wrk.txt")
  echo "| $1 | $connections | $rps | $p50 | $p99 | ${non2xx:-0} | $(cut -d' ' -f1 /proc/loadavg) |"
}

bench_engine() {
  local url=$1 engine=$2 port=$3
  prepare "$url"
  "$measure" --db "$url" --agenda >/dev/null
  local pid server cookie rows
  pid=$(start_server "$url" "$port")
  server="http://127.0.0.1:$port"
  cookie=$(login_cookie "$server")
  curl -fsS -H "Cookie: $cookie" "$server/agenda" >"$out/agenda-$engine.html"
  rows=$(grep -c 'href="/rendez-vous/' "$out/agenda-$engine.html" || true)
  [[ "$rows" -ge 60 ]] || { echo "l'agenda montre $rows rendez-vous au lieu de 60 ou plus" >&2; kill "$pid"; return 1; }
  measure_http "GET /agenda, semaine de $rows rendez-vous ($engine)" "$server/agenda" "$cookie" \
    >"$out/http-$engine.md"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  # The sweep, on fresh appointments each time.
  : >"$out/sweep-$engine.md"
  for mode in spread due; do
    prepare_sweep "$url" "$engine"
    echo "| $engine $("$measure" --db "$url" --reminders "$count" "$mode" | sed 's/^| //')" >>"$out/sweep-$engine.md"
  done
}

prepare_sweep() {
  if [[ $1 == sqlite:* ]]; then
    sqlite3 "${1#sqlite:}" "DELETE FROM appointment_reminders; DELETE FROM appointments; DELETE FROM outbox; DELETE FROM jobs;"
  else
    psql -q -v ON_ERROR_STOP=1 "$1" -c "DELETE FROM appointment_reminders; DELETE FROM appointments; DELETE FROM outbox; DELETE FROM jobs;" >/dev/null
  fi
}
export -f prepare start_server login_cookie measure_http bench_engine prepare_sweep

for engine in $engines; do
  case $engine in
    sqlite)
      db="$out/bench.db"
      rm -f "$db" "$db-wal" "$db-shm" "$db".access.sqlite*
      bench_engine "sqlite:$db" sqlite 18290
      ;;
    postgres)
      "$root/scripts/with-postgres.sh" bash -c 'bench_engine "$PARCOURS_TEST_PG_URL" postgres 18291'
      ;;
  esac
done

results="$out/../appointments-results.md"
{
  echo "Machine : $(nproc) cœurs partagés, $(uname -r), charge $(cut -d' ' -f1-3 /proc/loadavg) ; wrk -t2 -c$connections -d$duration"
  echo
  echo "| page (référente connectée) | connexions | req/s | p50 | p99 | réponses non 2xx | charge |"
  echo "|---|---|---|---|---|---|---|"
  for engine in $engines; do cat "$out/http-$engine.md"; done
  echo
  echo "| moteur, rendez-vous | nombre | rappels envoyés | 1er passage | rappels au 2e passage | 2e passage | insertion |"
  echo "|---|---|---|---|---|---|---|"
  for engine in $engines; do cat "$out/sweep-$engine.md"; done
} >"$results"
cat "$results"
