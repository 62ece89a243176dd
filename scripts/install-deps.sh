#!/usr/bin/env bash
# Installs what Parcours needs on Debian 12 (run as root): build tools and libraries, the
# PostgreSQL server and Chromium for the tests, wrk and nginx for the benchmarks, then the npm
# packages of web/. Does nothing for what is already there, so it is cheap to run every time.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libctemplate-dev libsodium-dev libspdlog-dev libfmt-dev libcli11-dev
  libsqlite3-dev libpq-dev libxml2-dev libcurl4-openssl-dev libjemalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  sqlite3 postgresql chromium wrk nginx-light curl
  clang-format clang-tidy-16 cppcheck nodejs npm
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# nodejs/npm may come from elsewhere than Debian (the machine image ships them): accept any node.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Paquets manquants (à installer en root) : ${missing[*]}" >&2
    exit 1
  fi
  echo "Installation des paquets Debian : ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# A service installed by the package must not keep running for nothing (nginx, postgresql).
for service in nginx postgresql; do
  if command -v systemctl >/dev/null && systemctl is-active --quiet "$service" 2>/dev/null; then
    systemctl stop "$service" || true
  fi
done

root=$(cd "$(dirname "$0")/.." && pwd)
if [[ ! -d "$root/web/node_modules" || "$root/web/package-lock.json" -nt "$root/web/node_modules/.package-lock.json" ]]; then
  (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
fi
