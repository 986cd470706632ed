#!/bin/bash
# Starts the interop Exim on 127.0.0.1:PORT (DSN advertised) and 127.0.0.1:NODSN_PORT (no DSN), with all its state
# (configuration, spool, logs, mailboxes) in RUN_DIR, which should be short (Exim's notifier socket is named after
# the spool path) and enterable by the Debian-exim user. Installs nothing: .ci/exim-install does.
# Usage: start.sh RUN_DIR PORT NODSN_PORT REMOTE_PORT NOTICE_PORT       Needs root. Errors go to stderr, exit != 0.
# REMOTE_PORT: where mail for far.test is relayed; NOTICE_PORT: where notices for sender.test are delivered.
# EXIM (environment): the binary, /opt/mail-outcome-exim/usr/sbin/exim4 by default.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 5 ] || { echo "usage: start.sh RUN_DIR PORT NODSN_PORT REMOTE_PORT NOTICE_PORT" >&2; exit 2; }
run=$(mkdir -p "$1" && cd "$1" && pwd); port=$2; nodsn_port=$3; remote_port=$4; notice_port=$5
exim=${EXIM:-/opt/mail-outcome-exim/usr/sbin/exim4}
[ -x "$exim" ] || { echo "$exim is not installed (install it with .ci/exim-install)" >&2; exit 127; }
getent passwd Debian-exim >/dev/null || { echo "no Debian-exim user (.ci/exim-install creates it)" >&2; exit 127; }
# A run killed before stop.sh leaves its Exim running on this run dir: stop it first.
bash "$here/stop.sh" "$run"
rm -rf "$run/log" "$run/spool" "$run/mail"  # a fresh start: the caller quotes the log's tail when it fails
mkdir -p "$run/conf" "$run/spool" "$run/log" "$run/mail"
cp "$here/redirects" "$here/relocated" "$run/conf/"
sed -e "s#@EXIM@#$exim#g" -e "s#@RUN@#$run#g" -e "s#@PORT@#$port#g" -e "s#@NODSN_PORT@#$nodsn_port#g" \
  -e "s#@REMOTE_PORT@#$remote_port#g" -e "s#@NOTICE_PORT@#$notice_port#g" "$here/exim.conf.in" > "$run/conf/exim.conf"
# Exim runs the configuration with root privilege only if root owns it and no one else may write it.
chown -R root:root "$run/conf"; chmod 0644 "$run/conf"/*
# The reception and delivery processes run as Debian-exim: the spool, the logs and the mailboxes are its own.
chown Debian-exim:Debian-exim "$run/spool" "$run/log" "$run/mail"
chmod 0755 "$run" "$run/log" "$run/mail"
runuser -u Debian-exim -- test -w "$run/spool" || {
  echo "Debian-exim cannot write $run/spool: every directory above $run must be searchable by others" >&2; exit 1; }
"$exim" -C "$run/conf/exim.conf" -bV >/dev/null  # a configuration error is reported here, on stderr
# -bd binds both ports, then detaches; -q1s starts a queue run every second (deferred mail, delay warnings).
"$exim" -C "$run/conf/exim.conf" -bd -q1s
for _ in $(seq 100); do [ -s "$run/exim.pid" ] && break; sleep 0.1; done
[ -s "$run/exim.pid" ] || { echo "exim wrote no pid file $run/exim.pid within 10 s" >&2; exit 1; }
echo "exim $("$exim" -C "$run/conf/exim.conf" -bV | sed -n 's/^Exim version \([^ ]*\).*/\1/p') listening on" \
  "127.0.0.1:$port and :$nodsn_port (pid $(cat "$run/exim.pid"), run dir $run)"
