#!/bin/bash
# Stops the Exim that start.sh started on RUN_DIR, with every process it forked (its process group: the daemon
# detaches into a session of its own): the daemon first, so that deliveries under way can finish, then whatever
# is left. Does nothing when it is not running.
# Usage: stop.sh RUN_DIR
set -euo pipefail
pidfile=$(cd "$1" && pwd)/exim.pid
[ -s "$pidfile" ] || exit 0
pid=$(cat "$pidfile")
alive() { pgrep -g "$pid" -x exim4 >/dev/null; }
# Waits up to $1 tenths of a second for the process group to be gone.
gone_within() { for _ in $(seq "$1"); do alive || return 0; sleep 0.1; done; ! alive; }
if alive; then
  kill -TERM "$pid" 2>/dev/null || true
  gone_within 50 || { kill -TERM -- "-$pid" 2>/dev/null || true; gone_within 50; } \
    || { kill -KILL -- "-$pid" 2>/dev/null || true; gone_within 50; } \
    || { echo "exim (process group $pid) did not stop" >&2; exit 1; }
fi
rm -f "$pidfile"
