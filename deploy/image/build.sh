#!/usr/bin/env bash
# Builds the server's OCI image into target/image/digits.tar, with no Docker daemon and no registry:
#   deploy/image/build.sh            # then deploy/image/prove.sh runs it from its layers
# 1. the base (deploy/image/base.sh: Debian 12 + Java 17's runtime), once, kept in target/image;
# 2. the jar, and PyTorch's native libraries unpacked as DJL unpacks them on first start, so that
#    the image holds them and its root file system can stay read-only;
# 3. Jib (`mvn -Pimage jib:buildTar`): the base, the dependencies, resources (the bundled models)
#    and classes as separate layers, the libraries in /opt/digits/djl, user 10001, port 8080.
# Load it with `podman load -i target/image/digits.tar` or `skopeo copy oci-archive:...`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=target/image
mkdir -p "$out"
[[ -f $out/base.tar ]] || deploy/image/base.sh "$out/base.tar"

mvn -B -q -DskipTests package
rm -rf "$out/extra"
mkdir -p "$out/extra/opt/digits"
DJL_CACHE_DIR="$PWD/$out/extra/opt/digits/djl" OPT_OUT_TRACKING=true TORCH_CPP_LOG_LEVEL=ERROR \
  java -jar target/digits.jar info default >/dev/null
mvn -B -q -Pimage jib:buildTar
echo "image: $out/digits.tar ($(du -h "$out/digits.tar" | cut -f1))"
