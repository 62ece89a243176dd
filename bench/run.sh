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
source "$root/bench/lib.sh"

# Prepares a database at URL $1: schema, geography, demo territory, and bench organisations with
# many members (bench/gen/generate.cpp).
prepare() {
  "$bin" migrate --db "$1" >/dev/null
  "$bin" load-geo --db "$1" >/dev/null
  "$bin" seed-demo --db "$1" >/dev/null
  "$root/$build/parcours_bench_gen" --db "$1" --organisations "${BENCH_ORGS:-100}" \
    --members "${BENCH_MEMBERS:-40}"
}

# Runs wrk and prints one markdown table row: name, req/s, p50, p99, RSS.
measure() {
  local name=$1 url=$2 pid=$3 cookie=${4:-}
  local args=(-t2 "-c$connections" "-d$duration" --latency)
  [[ -n "$cookie" ]] && args+=(-H "Cookie: $cookie")
  wrk "${args[@]}" "$url" >"$out/wrk.txt"
  local rps p50 p99 non2xx requests
  bench_wrk_read "$out/wrk.txt"
  echo "| $name | $rps | $p50 | $p99 | $(bench_rss "$pid") | $non2xx |"
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
pid=$(bench_start_server "sqlite:$db" $port "$out/server-$port.log")
url="http://127.0.0.1:$port"
cookie=$(bench_login_cookie "$url" admin@demo.test)
path="/structures/$("$root/$build/parcours_bench_gen" --db "sqlite:$db" --print-org-id)/membres"
curl -fsS -H "Cookie: $cookie" "$url$path" >"$out/members.html"
grep -q "bench-membre" "$out/members.html" || { echo "La page des membres ne liste pas les membres" >&2; bench_stop_server $pid; exit 1; }
measure "GET /healthz (SQLite)" "$url/healthz" $pid >>"$results"
measure "GET /connexion (SQLite)" "$url/connexion" $pid >>"$results"
measure "GET $path authentifié (SQLite)" "$url$path" $pid "$cookie" >>"$results"
bench_stop_server $pid

# PostgreSQL
bench_pg() {
  prepare "$PARCOURS_TEST_PG_URL"
  local port=18081
  local pid
  pid=$(bench_start_server "$PARCOURS_TEST_PG_URL" $port "$out/server-$port.log")
  local url="http://127.0.0.1:$port"
  local cookie path
  cookie=$(bench_login_cookie "$url" admin@demo.test)
  path="/structures/$("$root/$build/parcours_bench_gen" --db "$PARCOURS_TEST_PG_URL" --print-org-id)/membres"
  measure "GET $path authentifié (PostgreSQL)" "$url$path" $pid "$cookie"
  bench_stop_server $pid
}
export -f bench_pg prepare measure
export bin root build out duration connections password
if [[ " ${BENCH_ENGINES:-sqlite postgres} " == *" postgres "* ]]; then
  "$root/scripts/with-postgres.sh" bash -c bench_pg | grep '^|' >>"$results"
fi

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
