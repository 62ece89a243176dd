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
source "$root/bench/lib.sh"

measure() {
  local db=$1 name=$2 url="http://127.0.0.1:$port"
  local pid cookie first before after rps p50 p99 non2xx requests
  pid=$(bench_start_server "$db" "$port" "$out/server.log")
  cookie=$(bench_login_cookie "$url" territoire@demo.test)
  first=$(curl -fsS -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "$url/pilotage/ce-qui-marche")
  before=$(bench_cpu_ticks "$pid")
  wrk -t2 -c8 "-d$duration" --latency -H "Cookie: $cookie" "$url/pilotage/ce-qui-marche?profil=frein" >"$out/wrk-$name.txt"
  after=$(bench_cpu_ticks "$pid")
  bench_wrk_read "$out/wrk-$name.txt"
  printf '| %s | %s s | %s | %s | %s | %s | %s |\n' "$name" "$first" "$rps" "$p50" "$p99" \
    "$(bench_cpu_per_request "$before" "$after" "$requests")" \
    "$(cut -d' ' -f1 /proc/loadavg)" >>"$out/results.md"
  bench_stop_server "$pid"
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
