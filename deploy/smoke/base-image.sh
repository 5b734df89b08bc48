#!/usr/bin/env bash
# Makes the debian:bookworm base image without a registry: debootstrap a
# minimal root file system from the Debian mirror, then `docker import` it.
# The tarball is cached, since debootstrap takes minutes and the mirror is
# the only thing it needs.
#
# usage: base-image.sh tarball   # only build (or reuse) the cached tarball
#        base-image.sh import    # also import it as debian:bookworm (needs dockerd)
set -euo pipefail

cache_dir="${NICECREAM_SMOKE_CACHE:-/tmp/nicecream-smoke-cache}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
tarball="$cache_dir/debian-bookworm-rootfs.tar"
image="${BASE_IMAGE:-debian:bookworm}"
docker_bin="${DOCKER:-docker}"

build_tarball() {
  if [[ -s "$tarball" ]]; then
    echo "base image: reusing $tarball"
    return
  fi
  command -v debootstrap >/dev/null || {
    echo "base image: debootstrap is missing (apt-get install debootstrap)" >&2
    exit 1
  }
  mkdir -p "$cache_dir"
  local rootfs
  rootfs="$(mktemp -d "$cache_dir/rootfs.XXXXXX")"
  trap 'rm -rf "$rootfs"' RETURN
  echo "base image: debootstrap bookworm from $mirror (takes a few minutes)"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$cache_dir/debootstrap.log" 2>&1 || {
    tail -20 "$cache_dir/debootstrap.log" >&2
    exit 1
  }
  # The images on Docker Hub carry the same two lines: no recommends and a
  # clean apt cache keep every layer built on top small.
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
    >"$rootfs/etc/apt/apt.conf.d/90nicecream-no-recommends"
  # Files only: apt wants its partial/ folders to stay owned by _apt.
  find "$rootfs/var/cache/apt" "$rootfs/var/lib/apt/lists" -maxdepth 2 -type f -delete
  # mktemp made the folder 0700, and the tarball's "." becomes the image's
  # "/": without this no unprivileged user in a container can reach /bin.
  chmod 0755 "$rootfs"
  tar -C "$rootfs" --numeric-owner -cf "$tarball.partial" .
  mv "$tarball.partial" "$tarball"
  echo "base image: wrote $tarball"
}

import_image() {
  if "$docker_bin" image inspect "$image" >/dev/null 2>&1; then
    echo "base image: $image already present"
    return
  fi
  "$docker_bin" import \
    --change 'CMD ["bash"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$tarball" "$image"
}

case "${1:-import}" in
  tarball) build_tarball ;;
  import) build_tarball && import_image ;;
  *) echo "usage: $0 [tarball|import]" >&2; exit 2 ;;
esac
