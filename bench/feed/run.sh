#!/usr/bin/env bash
# Bench of the change feed (issue 7): GET /api/v1/events is served at >= 50,000 events/s in pages
# of 1,000. parcours_bench_feed fills a database (20,000 persons with a journey and a team, the
# organisation following half of them, 200,000 journal events), then follows the organisation's
# feed from position 0 to the end three times, as the API handler does: read_feed (one indexed
# range query per page), page_json, one access-log row per page. On SQLite then on a throwaway
# PostgreSQL (scripts/with-postgres.sh). Usage: bench/feed/run.sh [build-dir]
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="$root/$build/parcours_bench_feed"
out="$root/bench/out/feed"
mkdir -p "$out"
events=${BENCH_FEED_EVENTS:-200000}
persons=${BENCH_FEED_PERSONS:-20000}
engines=${BENCH_ENGINES:-sqlite postgres}
for engine in $engines; do
  echo "== $engine" | tee -a "$out/results.txt"
  if [[ $engine == sqlite ]]; then
    rm -f "$out/feed.db"*
    "$bin" --db "sqlite:$out/feed.db" --events "$events" --persons "$persons" | tee -a "$out/results.txt"
  else
    "$root/scripts/with-postgres.sh" bash -c '"$0" --db "$PARCOURS_TEST_PG_URL" --events "$1" --persons "$2"' \
      "$bin" "$events" "$persons" | tee -a "$out/results.txt"
  fi
done
