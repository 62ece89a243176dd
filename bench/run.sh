#!/usr/bin/env bash
# Load benchmarks of the foundation, with wrk on this machine (see bench/README.md):
#   /healthz, the login page, an authenticated page listing an organisation's members (SQLite and
#   PostgreSQL), and as the ceiling nginx serving that same page's HTML as a static file.
# Writes bench/out/results.md and prints it. Usage: bench/run.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin="$root/$build/parcours"
out="$root/bench/out"
mkdir -p "$out"
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-64}
password=bench-password-2026
export PARCOURS_DEMO_PASSWORD=$password

# Prepares a database at URL $1: schema, geography, demo territory, and bench organisations with
# many members (bench/gen/generate.cpp).
prepare() {
  "$bin" migrate --db "$1" >/dev/null
  "$bin" load-geo --db "$1" >/dev/null
  "$bin" seed-demo --db "$1" >/dev/null
  "$root/$build/parcours_bench_gen" --db "$1" --organisations "${BENCH_ORGS:-100}" \
    --members "${BENCH_MEMBERS:-40}"
}

# Starts the server on $1 (db URL), port $2; echoes its PID.
start_server() {
  "$bin" serve --db "$1" --listen "127.0.0.1:$2" --jobs false \
    --workers "${BENCH_WORKERS:-4}" --mail "file:$out/mail" >"$out/server-$2.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  echo $pid
}

# Stops the server of PID $1 (SIGTERM) and waits for its exit.
stop_server() {
  kill -TERM "$1"
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}

# Logs in as the national admin and prints the session cookie.
login_cookie() {
  local url=$1 jar="$out/jar.txt"
  rm -f "$jar"
  local token
  token=$(curl -fsS -c "$jar" "$url/connexion" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fsS -b "$jar" -c "$jar" -o /dev/null -H "Origin: $url" \
    --data-urlencode "csrf_token=$token" --data-urlencode "email=admin@demo.test" \
    --data-urlencode "password=$password" "$url/connexion"
  awk '$6 == "parcours_session" { print "parcours_session=" $7 }' "$jar"
}

# Runs wrk and prints one markdown table row: name, req/s, p50, p99, RSS.
measure() {
  local name=$1 url=$2 pid=$3 cookie=${4:-}
  local args=(-t2 "-c$connections" "-d$duration" --latency)
  [[ -n "$cookie" ]] && args+=(-H "Cookie: $cookie")
  wrk "${args[@]}" "$url" >"$out/wrk.txt"
  local rps p50 p99 rss non2xx
  rps=$(awk '/Requests\/sec/ { print $2 }' "$out/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$out/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$out/wrk.txt")
  non2xx=$(awk '/Non-2xx/ { print $5 }' "$out/wrk.txt")
  rss=$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo "-")
  echo "| $name | $rps | $p50 | $p99 | $rss | ${non2xx:-0} |"
}

results="$out/results.md"
{
  echo "Machine : $(nproc) cœurs, $(free -g | awk '/Mem:/ { print $2 }') Gio, $(uname -r); wrk -t2 -c$connections -d$duration"
  echo
  echo "| mesure | req/s | p50 | p99 | RSS serveur (pic) | réponses non 2xx |"
  echo "|---|---|---|---|---|---|"
} >"$results"

# SQLite
db="$out/bench.db"
rm -f "$db" "$db-wal" "$db-shm" "$db".access.sqlite*
prepare "sqlite:$db"
port=18080
pid=$(start_server "sqlite:$db" $port)
url="http://127.0.0.1:$port"
cookie=$(login_cookie "$url")
path="/structures/$("$root/$build/parcours_bench_gen" --db "sqlite:$db" --print-org-id)/membres"
curl -fsS -H "Cookie: $cookie" "$url$path" >"$out/members.html"
grep -q "bench-membre" "$out/members.html" || { echo "La page des membres ne liste pas les membres" >&2; stop_server $pid; exit 1; }
measure "GET /healthz (SQLite)" "$url/healthz" $pid >>"$results"
measure "GET /connexion (SQLite)" "$url/connexion" $pid >>"$results"
measure "GET $path authentifié (SQLite)" "$url$path" $pid "$cookie" >>"$results"
stop_server $pid

# PostgreSQL
bench_pg() {
  prepare "$PARCOURS_TEST_PG_URL"
  local port=18081
  local pid
  pid=$(start_server "$PARCOURS_TEST_PG_URL" $port)
  local url="http://127.0.0.1:$port"
  local cookie path
  cookie=$(login_cookie "$url")
  path="/structures/$("$root/$build/parcours_bench_gen" --db "$PARCOURS_TEST_PG_URL" --print-org-id)/membres"
  measure "GET $path authentifié (PostgreSQL)" "$url$path" $pid "$cookie"
  stop_server $pid
}
export -f bench_pg prepare start_server stop_server login_cookie measure
export bin root build out duration connections password
"$root/scripts/with-postgres.sh" bash -c bench_pg | grep '^|' >>"$results"

# nginx: the same HTML as a static file, the ceiling.
mkdir -p "$out/nginx"
cp "$out/members.html" "$out/nginx/members.html"
cat >"$out/nginx.conf" <<NGINX
worker_processes 2;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  server { listen 127.0.0.1:18090; root $out/nginx; }
}
NGINX
nginx -c "$out/nginx.conf"
sleep 0.5
nginx_pid=$(cat "$out/nginx.pid")
measure "nginx, même page en fichier statique (plafond)" "http://127.0.0.1:18090/members.html" "$nginx_pid" >>"$results"
nginx -c "$out/nginx.conf" -s stop

cat "$results"
