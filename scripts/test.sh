#!/usr/bin/env bash
# Runs every test: unit and store tests (ctest; the store suite on SQLite and on a throwaway
# PostgreSQL), black-box HTTP tests against the real binary, end-to-end tests in Chromium.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PARCOURS_BIN="$root/$build/parcours"

# Runs every suite even when one fails, and fails if any did (this function runs in a new shell,
# without the errexit of this script).
run_all() {
  local failed=0
  ctest --test-dir "$build" --output-on-failure -j 2 || failed=1
  if compgen -G "tests/http/*.test.mjs" >/dev/null; then
    node --test --test-concurrency=1 tests/http/ || failed=1
  fi
  if compgen -G "tests/e2e/*.test.mjs" >/dev/null; then
    node --test --test-concurrency=1 tests/e2e/ || failed=1
  fi
  return $failed
}
export -f run_all
export build
./scripts/with-postgres.sh bash -c run_all
