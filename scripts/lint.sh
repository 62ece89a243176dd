#!/usr/bin/env bash
# make lint: clang-format (check only), clang-tidy on the sources, cppcheck. Exit 1 on any finding.
# clang-tidy 16 is the newest in Debian 12; it knows C++23 as c++2b and, with libstdc++ 12, needs
# __cpp_concepts raised for <expected> to be visible. Its compile database is a rewritten copy.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files 'src/*.cpp' 'tests/*.cpp' 'bench/*.cpp')
mapfile -t headers < <(git ls-files 'src/*.h' 'tests/*.h')
status=0

echo "== clang-format"
clang-format --dry-run --Werror "${sources[@]}" "${headers[@]}" || status=1

echo "== clang-tidy"
tidy_db=$(mktemp -d)
trap 'rm -rf "$tidy_db"' EXIT
sed 's/-std=c++23/-std=c++2b/g; s/-std=gnu++23/-std=c++2b/g' "$build/compile_commands.json" \
  >"$tidy_db/compile_commands.json"
git ls-files 'src/*.cpp' | xargs -P "$(nproc)" -n 8 clang-tidy-16 -p "$tidy_db" --quiet \
  --extra-arg=-U__cpp_concepts --extra-arg=-D__cpp_concepts=202002L 2>/dev/null \
  | tee "$tidy_db/tidy.txt"
grep -q "warning:\|error:" "$tidy_db/tidy.txt" && status=1

echo "== cppcheck"
# returnStdMoveLocal: cppcheck 2.10 takes `return std::move(result.error());` (a member of a local
# std::expected, returned as another type) for a local returned by value; without the move it
# would be copied.
cppcheck --quiet --enable=warning,performance,portability --std=c++20 --inline-suppr \
  --suppress=missingIncludeSystem --suppress=returnStdMoveLocal --error-exitcode=1 -I src src ||
  status=1
exit $status
