#!/usr/bin/env bash
# Memory of digits serve, as issue 18 bounds it: the resident memory (RSS) idle with every bundled
# model, and the RSS (and its peak) after HOSTILE hostile bodies (the fuzz test's, sent by
# HostileBodiesFuzzTest to this server) and DURATION seconds of load at CLIENTS clients.
#   bench/memory.sh                                   # the issue's figures: 10,000, 600 s, 64
#   HOSTILE=2000 DURATION=60 bench/memory.sh          # a quicker look
#   DIGITS_JAVA_OPTS=-XX:MaxRAM=1g bench/memory.sh    # as under a 1 GB container limit
# Runs the build in target/ (or DIGITS_JAR) through ./digits, with its JVM settings; needs curl and
# Maven (for the hostile bodies). Nothing else should load the machine while it runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port=${PORT:-8098}
hostile=${HOSTILE:-10000}
duration=${DURATION:-600}
clients=${CLIENTS:-64}

mb() { awk -v key="$2" '$1 == key":" {printf "%.0f MB", $2 / 1024}' "/proc/$1/status"; }
memory() { echo "RSS $(mb "$1" VmRSS) (peak $(mb "$1" VmHWM))"; }
metric() { curl -s "localhost:$port/metrics" | awk -v name="$1" '$1 == name {printf "%.0f MB", $2 / 1048576}'; }

./digits --version >/dev/null # builds the jar first if it is missing or stale
./digits serve --host 127.0.0.1 --port "$port" --log-format off >/tmp/memory-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "localhost:$port/readyz"; do
  kill -0 $server 2>/dev/null || { cat /tmp/memory-serve.log; exit 1; }
  sleep 0.1
done
until ! curl -s "localhost:$port/readyz" | grep -q '"loading":true'; do sleep 0.2; done
sleep 10
echo "idle:    $(memory $server), all models loaded; decoding budget" \
  "$(metric digits_decoding_budget_bytes) (half the largest heap)"

mvn -o -q -B test -Dtest=HostileBodiesFuzzTest -Dfuzz.url="http://127.0.0.1:$port" \
  -Dfuzz.requests="$hostile" -Dsurefire.failIfNoSpecifiedTests=false >/tmp/memory-hostile.log 2>&1 \
  || { echo "hostile bodies: some got 5xx or no answer; see /tmp/memory-hostile.log"; exit 1; }
echo "hostile: $(memory $server) after $hostile hostile bodies, every one answered below 500"

./digits benchmark http --url "http://127.0.0.1:$port" --server-pid $server --clients "$clients" \
  --duration "$duration" --warmup 0 --server-warmup 0 >/tmp/memory-load.log 2>&1
echo "loaded:  $(memory $server) after $duration s at $clients clients" \
  "($(awk '/^ +[0-9]/ {print $2 " requests/s, p99 " $5 " ms"}' /tmp/memory-load.log))"
