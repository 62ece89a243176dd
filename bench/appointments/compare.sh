#!/usr/bin/env bash
# Two binaries of parcours side by side on the same data (issue 6): the week agenda with 60
# appointments (GET /agenda), the journey page with a plan of 10 goals and 40 actions
# (GET /personnes/{id}) and the plan page (GET /personnes/{id}/plan), SQLite. The database is
# made by the first binary (demo, `parcours_bench_appointments --agenda`, the plan of
# bench/plan/run.sh), copied, and migrated by the second. Then, for each page, `rounds` times in
# turn: wrk after a warm-up, and the server's CPU (user + system, /proc/PID/stat) divided by the
# requests served. Also checks that both serve the same pages, byte for byte (CSRF token aside).
# On a shared machine only the CPU per request compares.
# Usage: bench/appointments/compare.sh BEFORE_BIN AFTER_BIN [BENCH_APP_BIN]
#   BENCH_DURATION=5s BENCH_CONNECTIONS=32 BENCH_ROUNDS=3
set -euo pipefail
before_bin=$1
after_bin=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
measure=${3:-$root/build/parcours_bench_appointments}
out="$root/bench/out/compare"
duration=${BENCH_DURATION:-5s}
connections=${BENCH_CONNECTIONS:-32}
rounds=${BENCH_ROUNDS:-3}
password=bench-password-2026
export PARCOURS_DEMO_PASSWORD=$password
rm -rf "$out"
mkdir -p "$out/before" "$out/after"

# The plan of bench/plan/run.sh, without running its servers.
eval "$(sed -n '/^plan_sql() {/,/^}/p' "$root/bench/plan/run.sh")"

db_before="$out/before/bench.db"
db_after="$out/after/bench.db"
"$before_bin" migrate --db "sqlite:$db_before" >/dev/null
"$before_bin" load-geo --db "sqlite:$db_before" >/dev/null
"$before_bin" seed-demo --db "sqlite:$db_before" >/dev/null
"$measure" --db "sqlite:$db_before" --agenda >/dev/null
plan_sql | sqlite3 "$db_before"
for f in "$db_before"*; do cp "$f" "$out/after/$(basename "$f")"; done
"$after_bin" migrate --db "sqlite:$db_after" >/dev/null

start_server() {  # bin, db, port
  "$1" serve --db "sqlite:$2" --listen "127.0.0.1:$3" --jobs false --workers "${BENCH_WORKERS:-4}" \
    --mail "file:$out/mail" >"$out/server-$3.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 200); do
    curl -fsS "http://127.0.0.1:$3/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  echo $pid
}

login_cookie() {
  local url=$1 jar="$out/jar-$2.txt" token
  rm -f "$jar"
  token=$(curl -fsS -c "$jar" "$url/connexion" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fsS -b "$jar" -c "$jar" -o /dev/null -H "Origin: $url" \
    --data-urlencode "csrf_token=$token" --data-urlencode "email=referent@demo.test" \
    --data-urlencode "password=$password" "$url/connexion"
  awk '$6 == "parcours_session" { print "parcours_session=" $7 }' "$jar"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

pid_before=$(start_server "$before_bin" "$db_before" 18294)
pid_after=$(start_server "$after_bin" "$db_after" 18295)
trap 'kill $pid_before $pid_after 2>/dev/null || true' EXIT
cookie_before=$(login_cookie http://127.0.0.1:18294 before)
cookie_after=$(login_cookie http://127.0.0.1:18295 after)
person=$(sqlite3 "$db_before" "SELECT id FROM persons WHERE email = 'personne@demo.test'")
hz=$(getconf CLK_TCK)

pages=("/agenda" "/personnes/$person" "/personnes/$person/plan")
for page in "${pages[@]}"; do
  for side in before after; do
    port=$([[ $side == before ]] && echo 18294 || echo 18295)
    cookie=$([[ $side == before ]] && echo "$cookie_before" || echo "$cookie_after")
    curl -fsS -H "Cookie: $cookie" "http://127.0.0.1:$port$page" |
      sed 's/name="csrf_token" value="[^"]*"/name="csrf_token" value=""/g' >"$out/$side/page.html"
  done
  if cmp -s "$out/before/page.html" "$out/after/page.html"; then
    echo "$page : pages identiques ($(wc -c <"$out/after/page.html") octets)"
  else
    echo "$page : LES PAGES DIFFÈRENT" >&2
    diff "$out/before/page.html" "$out/after/page.html" | head -20 >&2
  fi
done

echo
echo "| page | binaire | req/s | p99 | CPU serveur / requête | charge |"
echo "|---|---|---|---|---|---|"
for page in "${pages[@]}"; do
  for round in $(seq 1 "$rounds"); do
    for side in before after; do
      port=$([[ $side == before ]] && echo 18294 || echo 18295)
      pid=$([[ $side == before ]] && echo "$pid_before" || echo "$pid_after")
      cookie=$([[ $side == before ]] && echo "$cookie_before" || echo "$cookie_after")
      url="http://127.0.0.1:$port$page"
      wrk -t2 "-c$connections" -d2s -H "Cookie: $cookie" "$url" >/dev/null
      local_start=$(cpu_ticks "$pid")
      wrk -t2 "-c$connections" "-d$duration" --latency -H "Cookie: $cookie" "$url" >"$out/wrk.txt"
      local_end=$(cpu_ticks "$pid")
      requests=$(awk '/requests in/ { print $1 }' "$out/wrk.txt")
      rps=$(awk '/Requests\/sec/ { print $2 }' "$out/wrk.txt")
      p99=$(awk '$1 == "99%" { print $2 }' "$out/wrk.txt")
      cpu=$(awk -v t=$((local_end - local_start)) -v n="$requests" -v hz="$hz" \
        'BEGIN { printf "%.3f ms", t / hz * 1000 / n }')
      echo "| $page | $side | $rps | $p99 | $cpu | $(cut -d' ' -f1 /proc/loadavg) |"
    done
  done
done
