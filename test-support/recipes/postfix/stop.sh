#!/bin/bash
# Stops the Postfix that start.sh started on RUN_DIR; does nothing when it is not running.
# Usage: stop.sh RUN_DIR
set -euo pipefail
conf=$(cd "$1" && pwd)/conf
if [ -f "$conf/main.cf" ] && postfix -c "$conf" status >/dev/null 2>&1; then postfix -c "$conf" stop; fi
