#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 server: a temporary data directory owned by the
# `postgres` user (initdb refuses root), a free port on 127.0.0.1, a private socket directory.
# The command sees PARCOURS_TEST_PG_URL (a database it may use freely) and PARCOURS_TEST_PG_ADMIN
# (the server URL, to create more databases). The server is stopped when the command ends,
# whether it succeeds or fails.
#   scripts/with-postgres.sh ctest --test-dir build
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$pg_bin/initdb" ]] || { echo "PostgreSQL introuvable (paquet postgresql)" >&2; exit 1; }

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

dir=$(mktemp -d /tmp/parcours-pg.XXXXXX)
chmod 755 "$dir"
[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
       || echo $((20000 + RANDOM % 20000)))

cleanup() {
  as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

as_postgres "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres parcours_test

export PARCOURS_TEST_PG_ADMIN="postgresql://postgres@127.0.0.1:$port/postgres"
export PARCOURS_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/parcours_test"
echo "PostgreSQL de test sur le port $port"
set +e
"$@"
status=$?
set -e
exit $status
