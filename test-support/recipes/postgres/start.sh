#!/bin/bash
# Starts PostgreSQL 15 (Debian's packages) on 127.0.0.1:PORT with its data, socket and log in RUN_DIR, as user
# postgres, trust authentication for local connections. Installs nothing: .ci/postgres-install does.
# Usage: start.sh RUN_DIR PORT      Needs root (PostgreSQL runs as postgres). FSYNC=off for throw-away test data.
# RUN_DIR and every directory above it must be enterable by the postgres user (use /var/tmp/... otherwise).
set -euo pipefail
run=$(mkdir -p "$1" && cd "$1" && pwd); port=$2
bin=/usr/lib/postgresql/15/bin
[ -x "$bin/initdb" ] || { echo "PostgreSQL 15 is not installed in $bin (install it with .ci/postgres-install)" >&2; exit 127; }
id postgres >/dev/null 2>&1 || { echo "no postgres user (install PostgreSQL with .ci/postgres-install)" >&2; exit 127; }
as_postgres() { runuser -u postgres -- "$@"; }
chown postgres "$run"; chmod 0700 "$run"
# A run killed before stop.sh leaves its server running on this run dir: stop it first.
if [ -f "$run/data/postmaster.pid" ]; then as_postgres "$bin/pg_ctl" -D "$run/data" stop -m immediate >/dev/null 2>&1 || true; fi
if [ ! -f "$run/data/PG_VERSION" ]; then
  as_postgres "$bin/initdb" -D "$run/data" -U postgres -A trust -E UTF8 --no-sync >"$run/initdb.log" 2>&1 \
    || { cat "$run/initdb.log" >&2; exit 1; }
fi
rm -f "$run/postgres.log"
if ! as_postgres "$bin/pg_ctl" -D "$run/data" -l "$run/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $run -c fsync=${FSYNC:-on} -c max_connections=200" start >/dev/null; then
  tail -20 "$run/postgres.log" >&2 || true
  exit 1
fi
echo "postgresql listening on 127.0.0.1:$port (run dir $run)"
