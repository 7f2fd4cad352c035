#!/usr/bin/env bash
# Compares two builds of digits serve through HTTP on this machine: both servers run at once, and
# the load (16 clients by default) goes to one, then the other, for DURATION seconds each, ROUNDS
# times, the order swapping every round. The host's speed drifts by up to 30 % within an hour; taking
# turns puts that drift on both. Usage:
#   bench/compare-servers.sh BEFORE.jar AFTER.jar     (copies of target/digits.jar)
# BEFORE_OPTS and AFTER_OPTS add options to each `digits serve`, to compare settings of one build:
#   BEFORE_OPTS="--request-nice 0" bench/compare-servers.sh target/digits.jar target/digits.jar
# BEFORE_JAVA_OPTS and AFTER_JAVA_OPTS, when set, replace each one's JVM options (DIGITS_JAVA_OPTS):
#   BEFORE_JAVA_OPTS= bench/compare-servers.sh target/digits.jar target/digits.jar   (G1 against the
#   launcher's serve settings)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/servers.sh
before=$1
after=$2
rounds=${ROUNDS:-6}
duration=${DURATION:-8}
clients=${CLIENTS:-16}
before_port=${BEFORE_PORT:-8096}
after_port=${AFTER_PORT:-8097}

# shellcheck disable=SC2086 # the options are words to split
env ${BEFORE_JAVA_OPTS+"DIGITS_JAVA_OPTS=$BEFORE_JAVA_OPTS"} DIGITS_JAR="$before" ./digits serve --host 127.0.0.1 --port "$before_port" ${BEFORE_OPTS:-} >/tmp/compare-before.log 2>&1 &
before_pid=$!
# shellcheck disable=SC2086
env ${AFTER_JAVA_OPTS+"DIGITS_JAVA_OPTS=$AFTER_JAVA_OPTS"} DIGITS_JAR="$after" ./digits serve --host 127.0.0.1 --port "$after_port" ${AFTER_OPTS:-} >/tmp/compare-after.log 2>&1 &
after_pid=$!
trap 'kill $before_pid $after_pid 2>/dev/null || true' EXIT
wait_until_ready "$before_port" "$after_port"

# One window of load; prints "requests/s p99-ms server-µs/req".
window() {
  ./digits benchmark http --url "http://127.0.0.1:$1" --server-pid "$2" --clients "$clients" \
    --duration "$duration" --warmup 1 --server-warmup 0 2>/dev/null | awk '/^ +[0-9]/ {print $2, $5, $10}'
}

echo "warming both servers up (3 windows each) ..."
for i in 1 2 3; do
  window "$before_port" "$before_pid" >/dev/null
  window "$after_port" "$after_pid" >/dev/null
done
echo "round  build    requests/s   p99 ms   server µs/req"
for round in $(seq "$rounds"); do
  for build in $( ((round % 2)) && echo "before after" || echo "after before"); do
    if [[ $build == before ]]; then result=$(window "$before_port" "$before_pid"); else result=$(window "$after_port" "$after_pid"); fi
    read -r rps p99 cpu <<<"$result"
    printf "%5d  %-6s %12s %8s %15s\n" "$round" "$build" "$rps" "$p99" "$cpu"
  done
done | tee /tmp/compare-servers.txt
awk '{rps[$2] += $3; cpu[$2] += $5; n[$2]++}
     END {for (b in n) printf "%-6s mean %.1f requests/s, %.0f server µs/req over %d windows\n", b, rps[b] / n[b], cpu[b] / n[b], n[b]}' \
  /tmp/compare-servers.txt | sort
