#!/usr/bin/env bash
# Runs every test: unit and store tests (ctest; the store suite on SQLite and on a throwaway
# PostgreSQL), black-box HTTP tests against the real binary, end-to-end tests in Chromium.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PARCOURS_BIN="$root/$build/parcours"

run_all() {
  ctest --test-dir "$build" --output-on-failure -j 2
  if compgen -G "tests/http/*.test.mjs" >/dev/null; then
    node --test --test-concurrency=1 tests/http/
  fi
  if compgen -G "tests/e2e/*.test.mjs" >/dev/null; then
    node --test --test-concurrency=1 tests/e2e/
  fi
}
export -f run_all
export build
./scripts/with-postgres.sh bash -c run_all
