#!/usr/bin/env bash
# Builds the base image of the server's image: Debian 12 with Java 17's headless runtime and an
# unprivileged user 10001, made by mmdebstrap from Debian's packages, as the tar `docker save`
# writes, which Jib reads as a base (tar://). No registry and no Docker daemon are involved.
#   deploy/image/base.sh target/image/base.tar
# Needs root (or mmdebstrap's unshare mode) and mmdebstrap (apt-get install mmdebstrap). The
# packages come from the sources this machine's apt uses (APT_SOURCES to choose others).
set -euo pipefail
# (The manual pages stay: Java's packages link theirs in as they install.)
out=${1:?usage: base.sh OUTPUT.tar}
sources=${APT_SOURCES:-/etc/apt/sources.list.d/debian.sources}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mmdebstrap --variant=apt --include=openjdk-17-jre-headless \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook='echo "digits:x:10001:10001:digits:/nonexistent:/usr/sbin/nologin" >> "$1/etc/passwd"' \
  --customize-hook='echo "digits:x:10001:" >> "$1/etc/group"' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
  bookworm "$work/layer.tar" "$sources"

diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat >"$work/config.json" <<JSON
{"architecture": "amd64", "os": "linux",
 "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},
 "rootfs": {"type": "layers", "diff_ids": ["sha256:$diff_id"]}}
JSON
echo '[{"Config": "config.json", "RepoTags": ["digits-base:bookworm"], "Layers": ["layer.tar"]}]' \
  >"$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "base image: $out ($(du -h "$out" | cut -f1))"
