#!/usr/bin/env bash
# clang-format (check), clang-tidy on the sources, cppcheck.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
files=$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'bench/*.cpp')
status=0
clang-format --dry-run --Werror $files || status=1
clang-tidy -p "$build" --quiet $(git ls-files 'src/*.cpp') 2>/dev/null || status=1
cppcheck --quiet --enable=warning,performance,portability --std=c++20 --inline-suppr \
  --suppress=missingIncludeSystem -I src src || status=1
exit $status
