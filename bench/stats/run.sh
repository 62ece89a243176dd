#!/usr/bin/env bash
# Benchmarks of the pilotage statistics (issue 8), on SQLite then on a throwaway PostgreSQL:
#   - persons and journeys from parcours_bench_people, then the statistics' journal events over
#     24 months from parcours_bench_stats (about 12 per journey), times reported;
#   - `parcours stats rebuild`: the whole journal projected again (target < 60 s on SQLite for
#     the country);
#   - GET /pilotage and /pilotage/ce-qui-marche (territory manager of the demo territory) and
#     GET /pilotage/national (national admin) with wrk, p99 (target < 50 ms), CPU of the server per request.
# Profile: BENCH_STATS_PROFILE=departement (60,000 persons, default) or country (1,000,000).
# The SQLite database of a profile is kept (bench/out/stats/bench-PROFILE.db) and reused while
# bench/gen and the migrations are unchanged. BENCH_PG_FROM_SQLITE=1: the PostgreSQL database is
# that SQLite database copied (bench/stats/to-postgres.sh) instead of generated again.
# Writes bench/out/stats-results.md and prints it. Usage: bench/stats/run.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin="$root/$build/parcours"
people="$root/$build/parcours_bench_people"
events="$root/$build/parcours_bench_stats"
out="$root/bench/out/stats"
mkdir -p "$out"
profile=${BENCH_STATS_PROFILE:-departement}
[[ "${BENCH_COUNTRY:-0}" == 1 ]] && profile=country
duration=${BENCH_DURATION:-10s}
engines=${BENCH_ENGINES:-sqlite postgres}
password=bench-password-2026
export PARCOURS_DEMO_PASSWORD=$password
export PARCOURS_DATA_KEY=${PARCOURS_DATA_KEY:-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}
export bin people events out profile duration password root
source "$root/bench/lib.sh"

prepare() {
  "$bin" migrate --db "$1" >/dev/null
  "$bin" load-geo --db "$1" >/dev/null
  "$bin" seed-demo --db "$1" >/dev/null
  local t0 t1
  t0=$(date +%s)
  "$people" --db "$1" --profile "$profile" >"$out/gen-people-$2-$profile.log" 2>&1
  "$events" --db "$1" | tee "$out/gen-events-$2-$profile.log"
  t1=$(date +%s)
  echo "génération $((t1 - t0)) s" >>"$out/gen-events-$2-$profile.log"
}

# wrk, one markdown row: name, connections, req/s, p50, p99, server CPU per request, non-2xx,
# load average (1 min) at the end.
measure_http() {
  local name=$1 url=$2 pid=$3 cookie=$4 connections=$5
  local before after rps p50 p99 non2xx requests
  before=$(bench_cpu_ticks "$pid")
  wrk "-t$((connections < 2 ? 1 : 2))" "-c$connections" "-d$duration" --latency -H "Cookie: $cookie" "$url" >"$out/wrk.txt"
  after=$(bench_cpu_ticks "$pid")
  bench_wrk_read "$out/wrk.txt"
  echo "| $name | $connections | $rps | $p50 | $p99 | $(bench_cpu_per_request "$before" "$after" "$requests") | $non2xx | $(cut -d' ' -f1 /proc/loadavg) |"
}

bench_engine() {
  local url=$1 engine=$2 port=$3
  if [[ "${BENCH_KEEP_DB:-0}" != 1 || ! -s "$out/gen-events-$engine-$profile.log" ]]; then
    prepare "$url" "$engine" >/dev/null
    [[ -z "${stamp_file:-}" ]] || echo "$stamp" >"$stamp_file"
  else
    "$bin" migrate --db "$url" >/dev/null  # a kept database gets the newer migrations
  fi
  local t0 t1 times=""
  for _ in $(seq 1 "${BENCH_REBUILDS:-1}"); do  # the first may read from disk, the next from memory
    t0=$(date +%s.%N)
    /usr/bin/time -f "%U s utilisateur, %S s système, %M Ko" -a -o "$out/rebuild-$engine.time" \
      "$bin" stats rebuild --db "$url" >>"$out/rebuild-$engine.log"
    t1=$(date +%s.%N)
    times+="${times:+ / }$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f s", b - a }')"
  done
  echo "| $engine | $(cat "$out/gen-events-$engine-$profile.log" | head -1) | $times | $(cut -d' ' -f1 /proc/loadavg) |" >"$out/rebuild-$engine.md"

  local pid server manager admin
  pid=$(bench_start_server "$url" "$port" "$out/server-$port.log")
  server="http://127.0.0.1:$port"
  manager=$(bench_login_cookie "$server" territoire@demo.test)
  admin=$(bench_login_cookie "$server" admin@demo.test)
  curl -fsS -H "Cookie: $manager" "$server/pilotage" | grep -q 'id="tableau-mois"' ||
    { echo "la page du territoire ne montre pas ses tableaux" >&2; bench_stop_server "$pid"; return 1; }
  curl -fsS -H "Cookie: $admin" "$server/pilotage/national" | grep -q 'id="tableau-territoires"' ||
    { echo "la vue nationale ne montre pas son tableau" >&2; bench_stop_server "$pid"; return 1; }
  local http="$out/http-$engine.md"
  : >"$http"
  for c in 1 8; do
    measure_http "GET /pilotage, territoire de démonstration ($engine)" "$server/pilotage" "$pid" "$manager" $c >>"$http"
    measure_http "GET /pilotage/national ($engine)" "$server/pilotage/national" "$pid" "$admin" $c >>"$http"
    measure_http "GET /pilotage/ce-qui-marche ($engine)" "$server/pilotage/ce-qui-marche" "$pid" "$manager" $c >>"$http"
  done
  bench_stop_server "$pid"
}
export -f prepare measure_http bench_engine

for engine in $engines; do
  case $engine in
    sqlite)
      # The generated database is kept, by profile, and reused (migrated) while the generators
      # are unchanged (the country takes 12 min of CPU to generate).
      db="$out/bench-$profile.db"
      stamp_file="$db.version"
      stamp=$(cat bench/gen/*.cpp bench/gen/*.h | sha1sum | cut -c1-16)
      if [[ -s "$db" && -s "$out/gen-events-sqlite-$profile.log" && "$(cat "$stamp_file" 2>/dev/null)" == "$stamp" ]]; then
        BENCH_KEEP_DB=1 bench_engine "sqlite:$db" sqlite 18190
      else
        rm -f "$db" "$db-wal" "$db-shm" "$db".access.sqlite* "$stamp_file"
        stamp_file=$stamp_file stamp=$stamp bench_engine "sqlite:$db" sqlite 18190
      fi
      ;;
    postgres)
      if [[ "${BENCH_PG_FROM_SQLITE:-0}" == 1 ]]; then
        # The kept SQLite database of the profile (run the sqlite engine first), copied with
        # COPY (bench/stats/to-postgres.sh): generating the country on PostgreSQL takes hours.
        export db="$out/bench-$profile.db" build
        [[ -s "$db" ]] || { echo "pas de base SQLite $db : lancez d'abord BENCH_ENGINES=sqlite" >&2; exit 1; }
        "$root/scripts/with-postgres.sh" bash -c '
          t0=$(date +%s)
          "$root/bench/stats/to-postgres.sh" "$db" "$PARCOURS_TEST_PG_URL" "$build" | tee "$out/copy-postgres-$profile.log"
          echo "copie $(($(date +%s) - t0)) s" | tee -a "$out/copy-postgres-$profile.log"
          echo "copie de la base SQLite ($(head -1 "$out/gen-events-sqlite-$profile.log"))" >"$out/gen-events-postgres-$profile.log"
          BENCH_KEEP_DB=1 bench_engine "$PARCOURS_TEST_PG_URL" postgres 18191'
      else
        "$root/scripts/with-postgres.sh" bash -c 'bench_engine "$PARCOURS_TEST_PG_URL" postgres 18191'
      fi
      ;;
  esac
done

results="$out/../stats-results.md"
{
  echo "Machine : $(nproc) cœurs, $(free -g | awk '/Mem:/ { print $2 }') Gio, charge $(cut -d' ' -f1-3 /proc/loadavg) ; profil $profile ; wrk -d$duration"
  echo
  echo "| moteur | événements générés | stats rebuild | charge |"
  echo "|---|---|---|---|"
  for engine in $engines; do cat "$out/rebuild-$engine.md"; done
  echo
  echo "| page | connexions | req/s | p50 | p99 | CPU serveur / requête | non 2xx | charge |"
  echo "|---|---|---|---|---|---|---|---|"
  for engine in $engines; do cat "$out/http-$engine.md"; done
} >"$results"
cat "$results"
