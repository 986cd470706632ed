#!/bin/bash
# The durable retries' benchmark (DurableRetriesBench) on H2 and on PostgreSQL 15, against a real Postfix 3.7:
# schedule cost per deferred recipient, worker throughput with 1 and 2 workers, and sends whose first attempt
# succeeds with the hand-off and without. PostgreSQL runs with fsync on (test-support/recipes/postgres), Postfix from the
# interop recipe; both on loopback, both stopped at the end. SCALE (default 1) multiplies the workloads.
# Needs root, postfix, openssl, PostgreSQL 15 (.ci/postgres-install), and the jar:
#   mvn -q install -DskipTests && mvn -q -f benchmarks/pom.xml package -DskipTests
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
recipe=$(cd "$here/../test-support/recipes/postfix" && pwd)
pg=$(cd "$here/../test-support/recipes/postgres" && pwd)
jar="$here/target/benchmarks.jar"
[ -f "$jar" ] || { echo "no $jar: build it with mvn -q -f benchmarks/pom.xml package -DskipTests" >&2; exit 1; }
run_dir=/var/tmp/mail-outcome-bench-jdbc
mkdir -p "$run_dir"
taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p; while :; do p=$((20000 + RANDOM % 40000)); taken "$p" || taken $((p + 1)) || { echo "$p"; return; }; done; }
stop() {
  bash "$recipe/stop.sh" "$run_dir/postfix" >/dev/null 2>&1 || true
  bash "$pg/stop.sh" "$run_dir/postgres" >/dev/null 2>&1 || true
}
trap stop EXIT
smtp=$(free_port); bash "$recipe/start.sh" "$run_dir/postfix" "$smtp"
db=$(free_port); FSYNC=on bash "$pg/start.sh" "$run_dir/postgres" "$db"
rm -rf "$run_dir/h2"
bench() { echo; echo "== $1"; java ${JAVA_OPTS:-} -cp "$jar" org.mailoutcome.benchmarks.DurableRetriesBench "$1" "127.0.0.1:$smtp" "${SCALE:-1}"; }
bench "jdbc:h2:file:$run_dir/h2/retries"
bench "jdbc:postgresql://127.0.0.1:$db/postgres?user=postgres"
