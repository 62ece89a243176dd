#!/usr/bin/env bash
# Benchmark of the partner API (issue 7): GET /api/v1/persons/{id} with a Bearer token, wrk at 32
# connections (and 1), on SQLite then PostgreSQL (BENCH_ENGINES). The person is one of the token's
# organisation's caseload, so that each call reads identity, contact and situation and writes
# three access-log rows (the cost of a traced read). The rate limit is lifted for the run.
# Writes bench/out/api/results.md and prints it. Usage: bench/api/run.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin="$root/$build/parcours"
out="$root/bench/out/api"
mkdir -p "$out"
duration=${BENCH_DURATION:-10s}
engines=${BENCH_ENGINES:-sqlite postgres}
password=bench-password-2026
export PARCOURS_DEMO_PASSWORD=$password
source "$root/bench/lib.sh"

run_engine() {
  local engine=$1 db=$2 port=$3
  "$bin" migrate --db "$db" >/dev/null
  "$bin" load-geo --db "$db" >/dev/null
  "$bin" seed-demo --db "$db" >/dev/null
  local secret
  secret=$("$bin" token create --db "$db" --org mission-locale-de-charleville-mezieres \
    --scopes persons:read --name "Banc d'essai" 2>/dev/null)
  local pid
  pid=$(bench_start_server "$db" "$port" "$out/server-$engine.log" --access-log false \
    --api-rate 1000000 --api-burst 1000000)
  trap "kill -TERM $pid 2>/dev/null || true" EXIT
  # A person whose journey's team has a member of the mission locale.
  local person
  person=$(BASE="http://127.0.0.1:$port" SECRET="$secret" python3 -c '
import json, os, string, sys, urllib.request
base, secret = os.environ["BASE"], os.environ["SECRET"]
def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + secret})
    return json.load(urllib.request.urlopen(req))
for letter in string.ascii_lowercase:
    for p in get("/api/v1/persons?size=100&q=" + letter)["items"]:
        try:
            if get("/api/v1/persons/" + str(p["id"]))["contact"] is not None:
                print(p["id"])
                sys.exit(0)
        except urllib.error.HTTPError:
            pass
')
  [[ -n "$person" ]] || { echo "aucune personne suivie par la mission locale" >&2; exit 1; }
  local url="http://127.0.0.1:$port/api/v1/persons/$person"
  for connections in 1 32; do
    wrk -t$((connections < 2 ? 1 : 2)) -c$connections -d"$duration" --latency \
      -H "Authorization: Bearer $secret" "$url" >"$out/wrk-$engine-$connections.txt"
    local rps p50 p99 non2xx requests load
    bench_wrk_read "$out/wrk-$engine-$connections.txt"
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "| \`GET /api/v1/persons/{id}\`, $engine | $connections | ${rps%.*} | $p50 | $p99 | $non2xx | $load |" >>"$out/results.md"
  done
  bench_stop_server "$pid"
}

export -f run_engine
export bin out duration
{
  echo "| appel (jeton persons:read) | connexions | req/s | p50 | p99 | non 2xx | charge |"
  echo "|---|---|---|---|---|---|---|"
} >"$out/results.md"
for engine in $engines; do
  case $engine in
    sqlite)
      rm -f "$out/bench.db"*
      run_engine sqlite "sqlite:$out/bench.db" 18471
      ;;
    postgres)
      "$root/scripts/with-postgres.sh" bash -c 'run_engine postgres "$PARCOURS_TEST_PG_URL" 18472'
      ;;
  esac
done
cat "$out/results.md"
