#!/usr/bin/env bash
# Benchmarks of the dossier unique (issue 3), on SQLite then on a throwaway PostgreSQL:
#   - generation of realistic persons (parcours_bench_people), time reported;
#   - name search: the service function (parcours_bench_measure) and GET /personnes?q= and
#     GET /api/v1/persons?q= with wrk, replaying what professionals type;
#   - the journey page /personnes/{id} of a person with 200 timeline events, wrk at 32 connections;
#   - people::person_timeline alone.
# Profile: BENCH_PEOPLE_PROFILE=departement (60,000 persons, default) or country (1,000,000: about
# 15 minutes of generation on SQLite and more on PostgreSQL; BENCH_COUNTRY=1 does the same).
# BENCH_PEOPLE_DB=PATH measures an already loaded SQLite database instead (no generation, SQLite
# only), e.g. the country set of bench/stats (bench/out/stats/bench-country.db); its statistics
# events give the showcase person a few more events: BENCH_PEOPLE_PERSON=ID picks the page.
# Writes bench/out/people-results.md and prints it. Usage: bench/people/run.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin="$root/$build/parcours"
gen="$root/$build/parcours_bench_people"
measure="$root/$build/parcours_bench_measure"
out="$root/bench/out/people"
mkdir -p "$out"
profile=${BENCH_PEOPLE_PROFILE:-departement}
[[ "${BENCH_COUNTRY:-0}" == 1 ]] && profile=country
duration=${BENCH_DURATION:-10s}
engines=${BENCH_ENGINES:-sqlite postgres}
[[ -n "${BENCH_PEOPLE_DB:-}" ]] && engines=sqlite && profile="base existante"
password=bench-password-2026
export PARCOURS_DEMO_PASSWORD=$password
# One data key for the generator and the servers: the NIRs it seals are readable by them.
export PARCOURS_DATA_KEY=${PARCOURS_DATA_KEY:-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}
export bin gen measure out profile duration password root build

# Schema, geography, demo territory and accounts, then the persons. Prints the generator's line.
prepare() {
  "$bin" migrate --db "$1" >/dev/null
  if [[ -n "${BENCH_PEOPLE_DB:-}" ]]; then
    echo "base existante $BENCH_PEOPLE_DB, non régénérée"
    return
  fi
  "$bin" load-geo --db "$1" >/dev/null
  "$bin" seed-demo --db "$1" >/dev/null
  "$gen" --db "$1" --profile "$profile" 2>"$out/gen-$2.log" | tee -a "$out/gen-$2.log"
}

start_server() {
  "$bin" serve --db "$1" --listen "127.0.0.1:$2" --jobs false \
    --workers "${BENCH_WORKERS:-4}" --mail "file:$out/mail" >"$out/server-$2.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 200); do
    curl -fsS "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  echo $pid
}

stop_server() {
  kill -TERM "$1"
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}

# Logs in as the demo référente and prints her session cookie.
login_cookie() {
  local url=$1 jar="$out/jar.txt" token
  rm -f "$jar"
  token=$(curl -fsS -c "$jar" "$url/connexion" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fsS -b "$jar" -c "$jar" -o /dev/null -H "Origin: $url" \
    --data-urlencode "csrf_token=$token" --data-urlencode "email=referent@demo.test" \
    --data-urlencode "password=$password" "$url/connexion"
  awk '$6 == "parcours_session" { print "parcours_session=" $7 }' "$jar"
}

# wrk, one markdown row: name, connections, req/s, p50, p99, server CPU per request, non-2xx,
# server RSS, load average (1 min) at the end.
measure_http() {
  local name=$1 url=$2 pid=$3 cookie=$4 connections=$5 script=${6:-}
  local args=("-t$((connections < 2 ? 1 : 2))" "-c$connections" "-d$duration" --latency -H "Cookie: $cookie")
  [[ -n "$script" ]] && args+=(-s "$script")
  local cpu_before cpu_after
  cpu_before=$(server_cpu_ticks "$pid")
  wrk "${args[@]}" "$url" >"$out/wrk.txt"
  cpu_after=$(server_cpu_ticks "$pid")
  local rps p50 p99 non2xx rss requests cpu load
  requests=$(awk '/requests in/ { print $1 }' "$out/wrk.txt")
  # Server CPU (user + system) per request, in ms: less noisy than req/s on a shared machine.
  cpu=$(awk -v t=$((cpu_after - cpu_before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "%.2f ms", t * 1000 / hz / n; else print "-" }')
  load=$(cut -d' ' -f1 /proc/loadavg)
  rps=$(awk '/Requests\/sec/ { print $2 }' "$out/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$out/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$out/wrk.txt")
  non2xx=$(awk '/Non-2xx/ { print $5 }' "$out/wrk.txt")
  rss=$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo "-")
  echo "| $name | $connections | $rps | $p50 | $p99 | $cpu | ${non2xx:-0} | $rss | $load |"
}

# One connection, one request at a time, by bench/people/serial.py (not wrk: see its header), same
# row as measure_http; the slowest queries go to $out/slowest-<label>.txt.
measure_serial() {
  local name=$1 url=$2 pid=$3 cookie=$4 prefix=$5 label=$6
  local cpu_before cpu_after row requests
  cpu_before=$(server_cpu_ticks "$pid")
  row=$(python3 "$root/bench/people/serial.py" --url "$url" --prefix "$prefix" \
    --queries "$out/queries.txt" --cookie "$cookie" --seconds "${duration%s}" \
    --out "$out/requests-$label.tsv" --slowest "$out/slowest-$label.txt")
  cpu_after=$(server_cpu_ticks "$pid")
  requests=$(wc -l <"$out/requests-$label.tsv")
  local cpu rss load
  cpu=$(awk -v t=$((cpu_after - cpu_before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "%.2f ms", t * 1000 / hz / n; else print "-" }')
  load=$(cut -d' ' -f1 /proc/loadavg)
  rss=$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo "-")
  IFS='|' read -r rps p50 p99 non2xx <<<"$row"
  echo "| $name | 1 (série) | ${rps// /} | ${p50// /} | ${p99// /} | $cpu | ${non2xx// /} | $rss | $load |"
}

# utime + stime of a process, in clock ticks.
server_cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# Everything measured on the database at URL $1, engine name $2, port $3. Prints table rows.
bench_engine() {
  local url=$1 engine=$2 port=$3
  prepare "$url" "$engine" >"$out/gen-line-$engine.txt"
  "$gen" --db "$url" --print-queries 400 >"$out/queries.txt"
  local person
  person=${BENCH_PEOPLE_PERSON:-$("$gen" --db "$url" --print-showcase | head -1)}
  [[ -n "$person" ]] || { echo "pas de personne à 200 événements" >&2; return 1; }

  local functions="$out/functions-$engine.md"
  "$measure" --db "$url" --search "$out/queries.txt" --rounds 5 \
    --label "people::search_persons ($engine)" >"$functions"
  "$measure" --db "$url" --timeline "$person" --rounds 5 \
    --label "people::person_timeline, 200 événements ($engine)" >>"$functions"

  local pid server cookie
  pid=$(start_server "$url" "$port")
  server="http://127.0.0.1:$port"
  cookie=$(login_cookie "$server")
  # The pages answer what they should before they are measured.
  curl -fsS -H "Cookie: $cookie" "$server/personnes/$person" >"$out/journey-$engine.html"
  grep -q "Carnet de bord\|carnet de bord" "$out/journey-$engine.html" ||
    { echo "la page du parcours ne montre pas le carnet de bord" >&2; stop_server "$pid"; return 1; }
  curl -fsS -H "Cookie: $cookie" "$server/personnes?q=martin" | grep -q "/personnes/[0-9]" ||
    { echo "la recherche ne trouve personne" >&2; stop_server "$pid"; return 1; }
  curl -fsS -H "Cookie: $cookie" "$server/api/v1/persons?q=martin" | grep -q '"id"' ||
    { echo "l'API ne trouve personne" >&2; stop_server "$pid"; return 1; }

  local http="$out/http-$engine.md"
  : >"$http"
  QUERIES="$out/queries.txt" PREFIX="/personnes?q=" measure_http "GET /personnes?q= ($engine)" \
    "$server" "$pid" "$cookie" 32 "$root/bench/people/queries.lua" >>"$http"
  QUERIES="$out/queries.txt" PREFIX="/api/v1/persons?q=" measure_http "GET /api/v1/persons?q= ($engine)" \
    "$server" "$pid" "$cookie" 32 "$root/bench/people/queries.lua" >>"$http"
  measure_http "GET /personnes/{id}, 200 événements ($engine)" "$server/personnes/$person" \
    "$pid" "$cookie" 32 >>"$http"
  # Alone (one connection): the latency without waiting behind the other requests.
  measure_serial "GET /personnes?q= ($engine)" "$server" "$pid" "$cookie" "/personnes?q=" \
    "search-$engine" >>"$http"
  measure_serial "GET /api/v1/persons?q= ($engine)" "$server" "$pid" "$cookie" \
    "/api/v1/persons?q=" "api-$engine" >>"$http"
  measure_http "GET /personnes/{id}, 200 événements ($engine)" "$server/personnes/$person" \
    "$pid" "$cookie" 1 >>"$http"
  stop_server "$pid"
}
export -f server_cpu_ticks prepare start_server stop_server login_cookie measure_http measure_serial \
  bench_engine

results="$out/../people-results.md"
for engine in $engines; do
  case $engine in
    sqlite)
      db=${BENCH_PEOPLE_DB:-$out/bench-$profile.db}
      if [[ -z "${BENCH_PEOPLE_DB:-}" && "${BENCH_KEEP_DB:-0}" != 1 ]]; then rm -f "$db" "$db-wal" "$db-shm" "$db".access.sqlite*; fi
      bench_engine "sqlite:$db" sqlite 18180
      ;;
    postgres)
      "$root/scripts/with-postgres.sh" bash -c 'bench_engine "$PARCOURS_TEST_PG_URL" postgres 18181'
      ;;
  esac
done

{
  echo "Machine : $(nproc) cœurs, $(free -g | awk '/Mem:/ { print $2 }') Gio, $(uname -r), charge $(cut -d' ' -f1-3 /proc/loadavg) ; profil $profile ; wrk -t2 -d$duration"
  echo
  echo "Génération :"
  for engine in $engines; do echo "- $engine : $(cat "$out/gen-line-$engine.txt")"; done
  echo
  echo "| fonction (sans HTTP, une connexion) | appels | appels/s | p50 | p99 | max | contrôle |"
  echo "|---|---|---|---|---|---|---|"
  for engine in $engines; do cat "$out/functions-$engine.md"; done
  echo
  echo "| page (référente connectée) | connexions | req/s | p50 | p99 | CPU serveur / requête | réponses non 2xx | RSS serveur (pic) | charge |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for engine in $engines; do cat "$out/http-$engine.md"; done
  echo
  echo "Recherches les plus lentes à une connexion (médiane de leurs passages) :"
  for f in "$out"/slowest-*.txt; do
    [[ -e "$f" ]] || continue
    echo "- $(basename "$f" .txt) : $(head -3 "$f" | tr '\n' ';' | sed 's/;$//; s/;/ ; /g')"
  done
} >"$results"
cat "$results"
