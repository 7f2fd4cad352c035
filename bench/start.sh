#!/usr/bin/env bash
# Start-up time of digits serve, as issue 18 bounds it: from launching ./digits serve (every bundled
# model) to the first 200 from /readyz, RUNS times, then the median.
#   bench/start.sh              # 5 launches
#   RUNS=9 bench/start.sh
# The first launch of a build records the class-data archive (docs/DECISIONS.md) and is not
# counted. /readyz is polled every 10 ms by bash itself over /dev/tcp: a poller that starts a
# process (curl) each time takes a share of the CPU the server is starting on, and slowed the start
# it measured by a few tenths of a second on 2 cores; so is the wait between polls. Nothing else should load the machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port=${PORT:-8097}
runs=${RUNS:-5}

# Sets $readyz to the status of GET /readyz, or to nothing while nothing listens; no process started.
poll_readyz() {
  readyz=""
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  printf 'GET /readyz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
  read -r _ readyz _ <&3 || readyz=""
  exec 3<&-
}

./digits --version >/dev/null # builds the jar first if it is missing or stale
./digits serve --host 127.0.0.1 --port 0 --model default --exit-when-ready >/dev/null 2>&1

# A wait of 10 ms without starting a process (sleep is one): a read that times out on a FIFO that
# nothing writes to.
pause=$(mktemp -u)
mkfifo "$pause"
exec 4<>"$pause"
rm "$pause"

times=()
for run in $(seq "$runs"); do
  poll_readyz
  if [[ -n "$readyz" ]]; then
    echo "something already answers on port $port; stop it or choose another with PORT" >&2
    exit 1
  fi
  start=$(date +%s%N)
  ./digits serve --host 127.0.0.1 --port "$port" --log-format off >/tmp/start-serve.log 2>&1 &
  server=$!
  until poll_readyz; [[ "$readyz" == 200 ]]; do
    kill -0 $server 2>/dev/null || { cat /tmp/start-serve.log; exit 1; }
    read -r -t 0.01 -u 4 || true
  done
  took=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$took")
  echo "run $run: ready ${took} ms after launching ./digits serve"
  kill $server
  wait $server 2>/dev/null || true
done
echo "median: $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms of $runs launches"
