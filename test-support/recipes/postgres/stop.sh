#!/bin/bash
# Stops the PostgreSQL that start.sh started in RUN_DIR. Usage: stop.sh RUN_DIR
set -euo pipefail
run=$(cd "$1" && pwd)
bin=/usr/lib/postgresql/15/bin
if [ -f "$run/data/postmaster.pid" ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$run/data" stop -m fast -w >/dev/null; fi
echo "postgresql in $run stopped"
