#!/usr/bin/env bash
# Benchmark of the plan d'actions (issue 6): the journey page of a person whose plan has 10 goals
# and 40 actions (GET /personnes/{id}, the plan read in two queries), and the plan page itself
# (GET /personnes/{id}/plan, with its forms), wrk at 32 connections, SQLite then (optionally) a
# throwaway PostgreSQL. The plan replaces the demo plan of Léa (personne@demo.test), followed by
# referent@demo.test: 10 goals of every thématique kind, 4 actions each in every status, half of
# them catalogue services.
# Writes bench/out/plan-results.md and prints it. Usage: bench/plan/run.sh [build]
#   BENCH_ENGINES="sqlite postgres" BENCH_DURATION=10s BENCH_CONNECTIONS=32
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin="$root/$build/parcours"
out="$root/bench/out/plan"
mkdir -p "$out"
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-32}
engines=${BENCH_ENGINES:-sqlite}
password=bench-password-2026
export PARCOURS_DEMO_PASSWORD=$password
export bin out duration connections password root

prepare() {
  "$bin" migrate --db "$1" >/dev/null
  "$bin" load-geo --db "$1" >/dev/null
  "$bin" seed-demo --db "$1" >/dev/null
}

# The SQL that gives Léa's journey a plan of 10 goals and 40 actions (both engines).
plan_sql() {
  local journey="(SELECT j.id FROM journeys j JOIN persons p ON p.id = j.person_id WHERE p.email = 'personne@demo.test' AND j.status <> 'closed')"
  local referent="(SELECT id FROM users WHERE email = 'referent@demo.test')"
  local thematiques=(trouver-un-emploi se-former choisir-un-metier preparer-sa-candidature mobilite logement-hebergement sante famille numerique difficultes-financieres)
  local statuses=(planned in_progress done abandoned)
  echo "UPDATE referrals SET plan_action_id = NULL WHERE journey_id = $journey;"
  echo "DELETE FROM plan_actions WHERE journey_id = $journey;"
  echo "DELETE FROM plan_goals WHERE journey_id = $journey;"
  for g in $(seq 0 9); do
    local them=${thematiques[$g]}
    echo "INSERT INTO plan_goals (journey_id, thematique, title, status, target_date, carrier_user_id, carried_by_person, obstacle, created_by, created_at, updated_at) VALUES ($journey, '$them', 'Objectif numéro $((g + 1)) : $them', '$([[ $g -eq 9 ]] && echo proposed || echo active)', '2027-12-31', $referent, $((g % 2)), $([[ $g -ge 4 ]] && echo "'$them'" || echo NULL), $referent, $((1800000000 + g)), $((1800000000 + g)));"
    for a in $(seq 0 3); do
      local service="NULL" title="Action $((a + 1)) de l’objectif $((g + 1))"
      if (( a % 2 == 0 )); then
        service="(SELECT MIN(id) + $g FROM services WHERE status = 'published')"
      fi
      echo "INSERT INTO plan_actions (journey_id, goal_id, service_id, title, status, responsible_user_id, responsible_person, start_date, due_date, created_by, created_at, updated_at) VALUES ($journey, (SELECT id FROM plan_goals WHERE journey_id = $journey AND title = 'Objectif numéro $((g + 1)) : $them'), $service, '$title', '${statuses[$a]}', $([[ $a -eq 1 ]] && echo NULL || echo "$referent"), $((a == 1 ? 1 : 0)), '2027-01-0$((a + 1))', '2027-06-30', $referent, $((1800000100 + g * 4 + a)), $((1800000100 + g * 4 + a)));"
    done
  done
}

run_sql() {  # url, sql
  if [[ $1 == sqlite:* ]]; then
    sqlite3 "${1#sqlite:}" "$2"
  else
    psql -q -v ON_ERROR_STOP=1 "$1" -c "$2" >/dev/null
  fi
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

measure_http() {  # name, url, cookie[, connections]
  local c=${4:-$connections}
  wrk -t"$((c < 2 ? 1 : 2))" "-c$c" "-d$duration" --latency -H "Cookie: $3" "$2" >"$out/wrk.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ { print $2 }' "$out/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$out/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$out/wrk.txt")
  non2xx=$(awk '/Non-2xx/ { print $5 }' "$out/wrk.txt")
  echo "| $1 | $c | $rps | $p50 | $p99 | ${non2xx:-0} | $(cut -d' ' -f1 /proc/loadavg) |"
}

bench_engine() {
  local url=$1 engine=$2 port=$3
  prepare "$url"
  if [[ $url == sqlite:* ]]; then
    plan_sql | sqlite3 "${url#sqlite:}"
  else
    plan_sql | psql -q -v ON_ERROR_STOP=1 "$url" >/dev/null
  fi
  local pid server cookie person goals actions
  pid=$(start_server "$url" "$port")
  server="http://127.0.0.1:$port"
  cookie=$(login_cookie "$server")
  if [[ $url == sqlite:* ]]; then
    person=$(sqlite3 "${url#sqlite:}" "SELECT id FROM persons WHERE email = 'personne@demo.test'")
  else
    person=$(psql -tA "$url" -c "SELECT id FROM persons WHERE email = 'personne@demo.test'")
  fi
  curl -fsS -H "Cookie: $cookie" "$server/personnes/$person" >"$out/journey-$engine.html"
  goals=$(grep -c 'class="parcours-plan-goal' "$out/journey-$engine.html" || true)
  actions=$(grep -c '<tr id="action-' "$out/journey-$engine.html" || true)
  [[ "$goals" -ge 10 && "$actions" -eq 40 ]] || {
    echo "la page du parcours montre $goals objectifs et $actions actions au lieu de 10 et 40" >&2
    kill "$pid"
    return 1
  }
  {
    measure_http "GET /personnes/{id}, plan de 10 objectifs et 40 actions ($engine)" "$server/personnes/$person" "$cookie"
    measure_http "GET /personnes/{id}, plan de 10 objectifs et 40 actions ($engine)" "$server/personnes/$person" "$cookie" 1
    measure_http "GET /personnes/{id}/plan, la page du plan ($engine)" "$server/personnes/$person/plan" "$cookie"
    # The same journey page without any plan: what the plan costs.
    run_sql "$url" "UPDATE referrals SET plan_action_id = NULL; DELETE FROM plan_actions; DELETE FROM plan_reviews; DELETE FROM plan_goals; DELETE FROM plans;"
    measure_http "GET /personnes/{id}, même page sans plan ($engine)" "$server/personnes/$person" "$cookie"
    measure_http "GET /personnes/{id}, même page sans plan ($engine)" "$server/personnes/$person" "$cookie" 1
  } >"$out/http-$engine.md"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}
export -f prepare plan_sql run_sql start_server login_cookie measure_http bench_engine

for engine in $engines; do
  case $engine in
    sqlite)
      db="$out/bench.db"
      rm -f "$db" "$db-wal" "$db-shm" "$db".access.sqlite*
      bench_engine "sqlite:$db" sqlite 18292
      ;;
    postgres)
      "$root/scripts/with-postgres.sh" bash -c 'bench_engine "$PARCOURS_TEST_PG_URL" postgres 18293'
      ;;
  esac
done

results="$out/../plan-results.md"
{
  echo "Machine : $(nproc) cœurs partagés, $(uname -r), charge $(cut -d' ' -f1-3 /proc/loadavg) ; wrk -t2 -c$connections -d$duration"
  echo
  echo "| page (référente connectée) | connexions | req/s | p50 | p99 | réponses non 2xx | charge |"
  echo "|---|---|---|---|---|---|---|"
  for engine in $engines; do cat "$out/http-$engine.md"; done
} >"$results"
cat "$results"
