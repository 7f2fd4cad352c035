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
  tar -C "$root" -xzf "$(blob "$layer")"
done
user=$(jq -r '.config.User' "$config")
mapfile -t environment < <(jq -r '.config.Env[]' "$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
echo "unpacked $(jq '.layers | length' "$manifest") layers ($(du -sh "$root" | cut -f1)); user $user; entrypoint ${entrypoint[*]}"

start=$(date +%s%N)
unshare --mount --net --fork bash -c '
  set -e
  root=$1; shift
  ip link set lo up 2>/dev/null || true
  mount --bind "$root" "$root"
  mount -o remount,bind,ro "$root"
  mount -t tmpfs -o size=64m tmpfs "$root/tmp"
  mount --rbind /dev "$root/dev"
  mount -t proc proc "$root/proc"
  exec "$@"' prove "$root" \
  chroot --userspec="$user" "$root" env -i "${environment[@]}" \
  "${entrypoint[@]}" serve --host 127.0.0.1 --port "$port" --model default >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

# The server runs in a network namespace of its own: ask from inside it.
inside() { nsenter --target "$(pgrep -P $server | head -1)" --net "$@"; }
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
sed 's/^/  serve: /' "$work/serve.log" | head -5
