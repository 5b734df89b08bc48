#!/bin/bash
# Stops what start.sh started (ffmpeg first, so Icecast sees its source leave) and removes its
# folder. Takes the folder from NICECREAM_TEST_ICECAST_DIR or the first argument.
set -uo pipefail
# shellcheck source=../processes.sh
source "$(dirname "$0")/../processes.sh"

dir=${1:-${NICECREAM_TEST_ICECAST_DIR:-}}
case "$dir" in
  /tmp/nicecream-icecast-*) ;;
  *) echo "icecast: no folder from start.sh given" >&2; exit 1 ;;
esac

for name in ffmpeg icecast; do
  pidfile="$dir/$name.pid"
  [ -f "$pidfile" ] || continue
  stop_process "$(cat "$pidfile")"
done
rm -rf "$dir"
