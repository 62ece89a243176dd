#!/usr/bin/env bash
# Benchmarks of "what works, for whom" (issue 8): on the demo data set (seed-demo: two years of
# activity, about 760 journeys and 13,000 journal events), then, when BENCH_IMPACT_DB names a
# database built by bench/stats/run.sh, on that one:
#   - seed-demo's time (the activity is written in bulk);
#   - the first view of /pilotage/ce-qui-marche, which projects the whole journal (the cost the
#     projection adds to `parcours stats rebuild`);
#   - GET /pilotage/ce-qui-marche?profil=frein with wrk: p50, p99, the server's CPU per request.
# Writes bench/out/impact/results.md and prints it. Usage: bench/impact/run.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin="$root/$build/parcours"
out="$root/bench/out/impact"
mkdir -p "$out"
duration=${BENCH_DURATION:-10s}
password=bench-password-2026
export PARCOURS_DEMO_PASSWORD=$password
port=18191

start_server() {
  "$bin" serve --db "$1" --listen "127.0.0.1:$port" --jobs false --mail "file:$out/mail" \
    >"$out/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
}

login_cookie() {
  local url=$1 jar="$out/jar.txt" token
  rm -f "$jar"
  token=$(curl -fsS -c "$jar" "$url/connexion" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fsS -b "$jar" -c "$jar" -o /dev/null -H "Origin: $url" \
    --data-urlencode "csrf_token=$token" --data-urlencode "email=territoire@demo.test" \
    --data-urlencode "password=$password" "$url/connexion"
  awk '$6 == "parcours_session" { print "parcours_session=" $7 }' "$jar"
}

measure() {
  local db=$1 name=$2 url="http://127.0.0.1:$port"
  start_server "$db"
  local cookie first before after requests
  cookie=$(login_cookie "$url")
  first=$(curl -fsS -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "$url/pilotage/ce-qui-marche")
  before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  wrk -t2 -c8 "-d$duration" --latency -H "Cookie: $cookie" "$url/pilotage/ce-qui-marche?profil=frein" >"$out/wrk-$name.txt"
  after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  requests=$(awk '/requests in/ { print $1 }' "$out/wrk-$name.txt")
  printf '| %s | %s s | %s | %s | %s | %s | %s |\n' "$name" "$first" \
    "$(awk '/Requests\/sec/ { print $2 }' "$out/wrk-$name.txt")" \
    "$(awk '$1 == "50%" { print $2 }' "$out/wrk-$name.txt")" \
    "$(awk '$1 == "99%" { print $2 }' "$out/wrk-$name.txt")" \
    "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f ms", t * 1000 / hz / n }')" \
    "$(cut -d' ' -f1 /proc/loadavg)" >>"$out/results.md"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

db="$out/demo.db"
rm -f "$db" "$db"-* "$db".access.sqlite*
"$bin" migrate --db "sqlite:$db" >/dev/null
"$bin" load-geo --db "sqlite:$db" >/dev/null
seed=$( { /usr/bin/time -f '%e s (CPU %U s + %S s)' "$bin" seed-demo --db "sqlite:$db" >/dev/null; } 2>&1 )
{
  echo "seed-demo : $seed ; $(sqlite3 "$db" 'SELECT COUNT(*) FROM journeys') parcours, $(sqlite3 "$db" 'SELECT COUNT(*) FROM journal') événements"
  echo
  echo '| données | 1re vue (projection de tout le journal) | req/s | p50 | p99 | CPU serveur / requête | charge |'
  echo '|---|---|---|---|---|---|---|'
} >"$out/results.md"
measure "sqlite:$db" demo
if [[ -n "${BENCH_IMPACT_DB:-}" ]]; then measure "$BENCH_IMPACT_DB" stats; fi
cat "$out/results.md"
