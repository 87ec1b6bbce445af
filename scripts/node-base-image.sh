#!/usr/bin/env bash
# Makes a minimal base image from this machine's own node (its binary, shared libraries, npm and a
# shell) with `docker import`, for building the Dockerfile where no registry serves node images:
#   scripts/node-base-image.sh [tag]    (default tag: ecs-local/node-base:<node version>)
# Prints the tag. Idempotent: an existing tag is kept.
set -euo pipefail
node_bin="$(command -v node)"
tag="${1:-ecs-local/node-base:$("$node_bin" -v)}"
if docker image inspect "$tag" >/dev/null 2>&1; then echo "$tag"; exit 0; fi
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
copy() { mkdir -p "$root$(dirname "$1")" && cp -L "$1" "$root$1"; }
copy_with_libs() {
  copy "$1"
  for lib in $(ldd "$1" | grep -o '/[^ ]*' | sort -u); do copy "$lib"; done
}
copy_with_libs "$(readlink -f "$node_bin")"
[ "$(readlink -f "$node_bin")" = /usr/bin/node ] || { mkdir -p "$root/usr/bin"; cp -L "$node_bin" "$root/usr/bin/node"; }
copy_with_libs /bin/dash
copy_with_libs /usr/bin/env
ln -s dash "$root/bin/sh"
npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
mkdir -p "$root/usr/lib/node_modules"
cp -a "$npm_dir" "$root/usr/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/bin/npx"
mkdir -p "$root/tmp" "$root/etc" "$root/root" "$root/home/node"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n' >"$root/etc/passwd"
printf 'root:x:0:\nnode:x:1000:\n' >"$root/etc/group"
chown 1000:1000 "$root/home/node"
# The machine's trust store (a TLS-inspecting proxy's CA included), so npm in the image reaches the registry as npm here does.
[ -f /etc/ssl/certs/ca-certificates.crt ] && copy /etc/ssl/certs/ca-certificates.crt
tar -C "$root" -c . | docker import -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin' -c 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' -c 'CMD ["node"]' - "$tag" >/dev/null
echo "$tag"
