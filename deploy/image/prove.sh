#!/usr/bin/env bash
# Proves the image where no container can run: unpacks the layers of target/image/digits.tar into
# a folder and runs its entrypoint there under chroot, as the image's user, on a read-only root
# with only /tmp writable and no network but the loopback; then checks that /readyz answers 200
# and that a drawn digit is recognized, over the page's API and the Open Inference Protocol.
#   deploy/image/prove.sh [IMAGE.tar]
# Needs root (for chroot and the mounts, in a mount namespace of its own), jq and curl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
image=${1:-target/image/digits.tar}
port=${PORT:-18080}
digit=src/test/resources/dev/digits/corpus/golden/pen-digit-7.png
work=$(mktemp -d)
root=$work/rootfs
mkdir -p "$work/oci" "$root"
tar -C "$work/oci" -xf "$image"
blob() { echo "$work/oci/blobs/sha256/${1#sha256:}"; }
manifest=$(blob "$(jq -r '.manifests[0].digest' "$work/oci/index.json")")
config=$(blob "$(jq -r '.config.digest' "$manifest")")
for layer in $(jq -r '.layers[].digest' "$manifest"); do
  tar -C "$root" --warning=no-unknown-keyword -xzf "$(blob "$layer")"
done
user=$(jq -r '.config.User' "$config")
mapfile -t environment < <(jq -r '.config.Env[]' "$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
echo "unpacked $(jq '.layers | length' "$manifest") layers ($(du -sh "$root" | cut -f1)); user $user; entrypoint ${entrypoint[*]}"

# Runs the image's entrypoint with ARGS in a mount and network namespace of its own: the unpacked
# layers read-only, a fresh /tmp, and the folder INPUTS (if given) read-only at /tmp/in.
run() {
  local inputs=$1
  shift
  unshare --mount --net --fork bash -c '
    set -e
    root=$1 inputs=$2
    shift 2
    ip link set lo up 2>/dev/null || true
    mount --bind "$root" "$root"
    mount -o remount,bind,ro "$root"
    if touch "$root/.writable" 2>/dev/null; then echo "prove: the root is not read-only" >&2; exit 1; fi
    mount -t tmpfs -o size=64m tmpfs "$root/tmp"
    if [[ -n $inputs ]]; then
      mkdir "$root/tmp/in"
      mount --bind -o ro "$inputs" "$root/tmp/in"
    fi
    mount --rbind /dev "$root/dev"
    mount -t proc proc "$root/proc"
    exec "$@"' prove "$root" "$inputs" \
    chroot --userspec="$user" "$root" env -i "${environment[@]}" "${entrypoint[@]}" "$@"
}

start=$(date +%s%N)
run "" serve --host 127.0.0.1 --port "$port" --model default >"$work/serve.log" 2>&1 &
server=$!
# $server is the subshell running unshare, which waits for its child, the JVM, and ignores
# SIGTERM meanwhile: stop the JVM itself, by its id.
namespace() { pgrep -P "$server" | head -1; }
stop() {
  local java
  java=$(pgrep -P "$(namespace)" 2>/dev/null || true)
  [[ -n $java ]] && kill "$java"
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT

# The server runs in a network namespace of its own: ask from inside it.
inside() { nsenter --target "$(namespace)" --net "$@"; }
for _ in $(seq 600); do
  if inside curl -sf -o /dev/null "127.0.0.1:$port/readyz" 2>/dev/null; then break; fi
  kill -0 $server 2>/dev/null || { cat "$work/serve.log"; echo "prove: the server stopped" >&2; exit 1; }
  sleep 0.1
done
echo "ready in $(( ($(date +%s%N) - start) / 1000000 )) ms: $(inside curl -s "127.0.0.1:$port/readyz")"
answer=$(inside curl -sf "127.0.0.1:$port/api/predict" -H 'Content-Type: image/png' --data-binary "@$digit")
echo "POST /api/predict $(basename "$digit"): $(jq -c '{digit, confidence, accepted}' <<<"$answer")"
v2=$(jq -n --arg png "$(base64 -w0 "$digit")" \
  '{inputs: [{name: "image", shape: [1], datatype: "BYTES", data: [$png]}]}' |
  inside curl -sf "127.0.0.1:$port/v2/models/default/infer" --data-binary @-)
echo "POST /v2/models/default/infer: digit $(jq -c '.outputs[] | select(.name == "digit") | .data' <<<"$v2")"
[[ $(jq .digit <<<"$answer") == 7 ]] || { echo "prove: expected 7" >&2; exit 1; }
echo "prove: the image serves from a read-only root as user $user"
grep -v NNPACK "$work/serve.log" | sed 's/^/  serve: /' | head -6

# The batch job's command from the same image: the golden pen digits, a shard at a time.
golden=$(dirname "$digit")
for shard in 0/2 1/2; do
  run "$golden" classify --shard "$shard" --format csv /tmp/in 2>/dev/null | tail -n +2
done >"$work/classified.csv"
echo "classify, 2 shards over $(find "$golden" -name '*.png' | wc -l) pen digits: $(cut -d, -f1,2 "$work/classified.csv" | sed 's|/tmp/in/||' | tr '\n' ' ')"
