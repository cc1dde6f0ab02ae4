#!/usr/bin/env bash
# Runs an image tarball from `./mvnw -pl k8s -am package -Dimages` the way a container runtime would, on a machine
# without one: layers unpacked into a fresh root filesystem, private mount and PID namespaces, its own /proc,
# a tmpfs /dev with the usual device nodes, chroot as the image's user, the image's Env and Entrypoint.
# The network namespace is the host's (the service listens on a host port). Needs root, util-linux and jq.
#
#   k8s/images/run-image.sh target/images/school-service.tar \
#       -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/school ... \
#       -f /path/to/public.pem:/etc/balance/jwt/public.pem
#
# Everything mounted lives in the private namespace and disappears with the process; the unpacked root
# filesystem is deleted afterwards only when nothing is mounted under it.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 IMAGE.tar [-e NAME=VALUE]... [-f HOSTFILE:IMAGEPATH]..." >&2; exit 2; }
tarball=$(realpath "$1"); shift
envs=(); files=()
while [ $# -gt 0 ]; do
  case "$1" in
    -e) envs+=("$2"); shift 2 ;;
    -f) files+=("$2"); shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "needs root (unshare, chroot)" >&2; exit 2; }

work=$(mktemp -d /tmp/run-image.XXXXXX)
rootfs="$work/rootfs"
cleanup() {
  if grep -q "$work" /proc/self/mountinfo; then
    echo "not deleting $work: something is still mounted under it" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
mkdir -p "$work/image" "$rootfs"
tar -xf "$tarball" -C "$work/image"
for layer in $(jq -r '.[0].Layers[]' "$work/image/manifest.json"); do
  tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$rootfs"
done
config="$work/image/$(jq -r '.[0].Config' "$work/image/manifest.json")"
user=$(jq -r '.config.User // "0"' "$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mapfile -t image_env < <(jq -r '.config.Env[]?' "$config")
mkdir -p "$rootfs/proc" "$rootfs/dev"
for f in "${files[@]}"; do
  mkdir -p "$rootfs$(dirname "${f#*:}")"
  install -m 0444 "${f%%:*}" "$rootfs${f#*:}"
done

# Inside the new mount namespace: /dev is a tmpfs of its own, never the host's.
inner='set -e
mount -t tmpfs -o mode=755,nosuid tmpfs "$1/dev"
mknod -m 666 "$1/dev/null" c 1 3; mknod -m 666 "$1/dev/zero" c 1 5; mknod -m 666 "$1/dev/full" c 1 7
mknod -m 666 "$1/dev/random" c 1 8; mknod -m 666 "$1/dev/urandom" c 1 9; mknod -m 666 "$1/dev/tty" c 5 0
ln -s /proc/self/fd "$1/dev/fd"
root=$1; user=$2; chroot=$3; shift 3
exec "$chroot" --userspec="$user:$user" "$root" "$@"'
env -i "${image_env[@]}" "${envs[@]}" "$(command -v unshare)" --mount --propagation private --pid --fork \
  --mount-proc="$rootfs/proc" /bin/sh -c "$inner" sh "$rootfs" "$user" "$(command -v chroot)" "${entrypoint[@]}"
