#!/usr/bin/env bash
# Start-up of the mail-outcome jar: `java -jar JAR classify "550 5.1.1 x"`, two jars side by side in one run,
# alternating run by run (the order reversed every other run). Prints each jar's median wall-clock and CPU
# (user + sys) time, the ratio of the medians, and the median of the paired per-run ratios (B/A).
#
#   benchmarks/cli-startup.sh OLD.jar NEW.jar [RUNS]      (RUNS defaults to 20)
#
# Keep a copy of the jar before a change (cp cli/target/mail-outcome.jar /tmp/old.jar), rebuild, then compare.
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n 2,7p "$0"; exit 2; }
a=$1 b=$2 runs=${3:-20}
reply="550 5.1.1 x"
results=$(mktemp)
trap 'rm -f "$results"' EXIT

# one run: "wall cpu" in milliseconds
measure() {
    local TIMEFORMAT='%3R %3U %3S' t
    t=$( { time java -jar "$1" classify "$reply" >/dev/null; } 2>&1 )
    awk '{ printf "%.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$t"
}

java -jar "$a" classify "$reply" >/dev/null   # warm the page cache for both jars
java -jar "$b" classify "$reply" >/dev/null
for ((i = 0; i < runs; i++)); do
    if ((i % 2 == 0)); then ra=$(measure "$a"); rb=$(measure "$b"); else rb=$(measure "$b"); ra=$(measure "$a"); fi
    echo "$ra $rb" >>"$results"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
report() {   # $1 label, $2 column of A, $3 column of B
    local ma mb paired
    ma=$(awk -v c="$2" '{ print $c }' "$results" | median)
    mb=$(awk -v c="$3" '{ print $c }' "$results" | median)
    paired=$(awk -v x="$2" -v y="$3" '{ printf "%.4f\n", $y / $x }' "$results" | median)
    printf '%-5s median A %4s ms, B %4s ms; B/A of the medians %.3f, median of paired ratios %.3f\n' \
        "$1" "$ma" "$mb" "$(awk -v p="$mb" -v q="$ma" 'BEGIN { print p / q }')" "$paired"
}
echo "A = $a"
echo "B = $b"
echo "$runs runs each, alternating; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
report wall 1 3
report cpu 2 4
