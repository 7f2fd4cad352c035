# Sourced by the bench scripts: waits until each server on the given loopback ports answers its
# /readyz, for up to two minutes (a first ./digits run builds the jar), and fails saying which did not.
wait_until_ready() {
  local port
  for port in "$@"; do
    for _ in $(seq 120); do
      curl -sf "localhost:$port/readyz" >/dev/null && continue 2
      sleep 1
    done
    echo "the server on port $port was not ready after 120 s" >&2
    return 1
  done
}
