#!/bin/bash
# Runs the throughput harness against a real Postfix 3.7 on loopback, plain SMTP then STARTTLS, and stops Postfix.
# Postfix is started from the project's recipe (test-support/recipes/postfix) on a free high port, with all its state in
# RUN_DIR (default benchmarks/target/postfix-run; RUN_DIR=/dev/shm/... puts the queue on tmpfs, where fsync is free).
# JAVA_OPTS go to every java command, e.g. JAVA_OPTS=-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider
#
# Usage: benchmarks/run-postfix.sh [--jmh] [harness options...]     e.g. --messages 3000 --rounds 5 (--jmh anywhere)
#   harness options go to both runs (see Throughput's usage); --jmh also runs the per-message JMH benchmark
#   (SendOverheadBenchmark, -prof gc) against the same Postfix, plain and STARTTLS, 1 and 3 recipients.
# Needs root (Postfix drops to its own user), an installed postfix and openssl, Java 17, and the jar:
#   mvn -q install -DskipTests && mvn -q -f benchmarks/pom.xml package -DskipTests
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
recipe=$(cd "$here/../test-support/recipes/postfix" 2>/dev/null && pwd) || { echo "no Postfix recipe at test-support/recipes/postfix" >&2; exit 1; }
jar="$here/target/benchmarks.jar"
[ -f "$jar" ] || { echo "no $jar: build it with mvn -q -f benchmarks/pom.xml package -DskipTests" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "Postfix needs root to start" >&2; exit 1; }
jmh=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--jmh" ]; then jmh=true; else args+=("$arg"); fi
done
set -- ${args[@]+"${args[@]}"}
run_dir=${RUN_DIR:-$here/target/postfix-run}
# Postfix's daemons run as user postfix: below a directory it cannot enter (/root, mktemp -d) use /var/tmp.
mkdir -p "$run_dir"
if ! runuser -u postfix -- test -x "$run_dir" 2>/dev/null; then
  echo "$run_dir cannot be entered by the postfix user: using /var/tmp/mail-outcome-bench" >&2
  run_dir=/var/tmp/mail-outcome-bench
fi

taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
started=""
stop() { [ -z "$started" ] || bash "$recipe/stop.sh" "$run_dir" >/dev/null 2>&1 || true; }
trap stop EXIT
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 40000))
  if taken "$port" || taken $((port + 1)); then continue; fi
  if bash "$recipe/start.sh" "$run_dir" "$port"; then started=yes; break; fi
  bash "$recipe/stop.sh" "$run_dir" >/dev/null 2>&1 || true
done
[ -n "$started" ] || { echo "Postfix did not start; see $run_dir/maillog" >&2; exit 1; }
for i in $(seq 1 100); do taken "$port" && break; sleep 0.1; done

status=0
run() {
  echo; echo "== Throughput --server 127.0.0.1:$port $*"
  java ${JAVA_OPTS:-} -cp "$jar" org.mailoutcome.benchmarks.Throughput --server "127.0.0.1:$port" \
    --postfix-pid "$run_dir/queue/pid/master.pid" "$@" || status=1
}
run "$@"
run --starttls "$@"
if $jmh; then
  echo; echo "== JMH SendOverheadBenchmark against Postfix 127.0.0.1:$port"
  java ${JAVA_OPTS:-} -jar "$jar" SendOverheadBenchmark -p server="127.0.0.1:$port" -p starttls=false,true -p recipients=1,3 \
    -wi 2 -w 3s -i 3 -r 5s -f 1 -prof gc || status=1
fi
echo; echo "postfix queue after the runs: $(find "$run_dir/queue" -type f -path '*/[aidh]*/*' 2>/dev/null | wc -l) files"
exit $status
