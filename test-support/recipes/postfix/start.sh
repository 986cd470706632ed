#!/bin/bash
# Starts the interop Postfix on 127.0.0.1:PORT (VRFY on, trusted) and 127.0.0.1:PORT+1 (VRFY off, untrusted),
# with all its state (config, queue, log, certificate) in RUN_DIR. Installs nothing: .ci/postfix-install does.
# Usage: start.sh RUN_DIR PORT [PORT3 PORT4 NOTICE_PORT]      Needs root (Postfix drops to its own user). Errors go
# to stderr, exit != 0. PORT3, PORT4: the bounce-tracking listeners (PORT4 without DSN); NOTICE_PORT: where notices
# for sender.test are delivered. Without them those listeners are left out and such notices stay deferred.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
run=$(mkdir -p "$1" && cd "$1" && pwd); port=$2; port2=$((port + 1)); port3=${3:-}; port4=${4:-}; notice_port=${5:-9}
rm -f "$run/maillog"  # a fresh log per start: the caller quotes its tail when the start fails
command -v postfix >/dev/null 2>&1 || { echo "postfix is not on PATH (install it with .ci/postfix-install)" >&2; exit 127; }
command -v openssl >/dev/null 2>&1 || { echo "openssl is not on PATH (install it with .ci/postfix-install)" >&2; exit 127; }
# A run killed before stop.sh leaves its Postfix running on this run dir: stop it, or start would refuse.
if [ -f "$run/conf/main.cf" ] && postfix -c "$run/conf" status >/dev/null 2>&1; then postfix -c "$run/conf" stop; fi
mkdir -p "$run/conf" "$run/queue" "$run/data"
cp "$here"/local_recipients "$here"/rcpt_access "$here"/relocated "$here"/verp_alias "$run/conf/"
sed -e "s#@NOTICE_PORT@#$notice_port#g" "$here/transport.in" > "$run/conf/transport"
sed -e "s#@RUN@#$run#g" -e "s#@CONF@#$run/conf#g" "$here/main.cf.in" > "$run/conf/main.cf"
sed -e "s#@PORT@#$port#g" -e "s#@PORT2@#$port2#g" "$here/master.cf.in" > "$run/conf/master.cf"
if [ -n "$port4" ]; then sed -i -e "s#@PORT3@#$port3#g" -e "s#@PORT4@#$port4#g" "$run/conf/master.cf"
else sed -i -e "/@PORT[34]@/d" "$run/conf/master.cf"; fi
# Postfix's own files (TLS session cache, verify cache) live in data_directory, owned by mail_owner.
chown postfix "$run/data"
[ -f "$run/conf/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=mx.lab.test" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$run/conf/key.pem" -out "$run/conf/cert.pem" 2>/dev/null
# "postfix start" returns once the master has bound both ports (master -w). When it fails, the reason is in the
# maillog if the master logged it; postfix(1)'s own errors (a bad main.cf) go to stderr only when that is a
# terminal, so ask again under one (script(1)) to show them.
if ! postfix -c "$run/conf" start; then
  if command -v script >/dev/null 2>&1; then script -qec "postfix -c '$run/conf' check" /dev/null | tr -d '\r' >&2 || true; fi
  exit 1
fi
echo "postfix listening on 127.0.0.1:$port and :$port2 (run dir $run)"
