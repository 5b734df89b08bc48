#!/bin/bash
# Stops what start.sh started (ffmpeg first, so Icecast sees its source leave) and removes its
# folder. Takes the folder from NICECREAM_TEST_ICECAST_DIR or the first argument.
set -uo pipefail

dir=${1:-${NICECREAM_TEST_ICECAST_DIR:-}}
case "$dir" in
  /tmp/nicecream-icecast-*) ;;
  *) echo "icecast: no folder from start.sh given" >&2; exit 1 ;;
esac

for name in ffmpeg icecast; do
  pidfile="$dir/$name.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || continue
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
done
rm -rf "$dir"
