#!/usr/bin/env bash
# Stops the server start.sh started and removes its data directory. Takes the directory as the
# first argument or from NICECREAM_TEST_PG_DIR (which start.sh exported).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

dir=${1:-${NICECREAM_TEST_PG_DIR:-}}
check_server_dir "$dir"
# A server control.sh stopped is already down; its directory still goes.
if [[ -f $dir/data/postmaster.pid ]]; then
  stop_server "$dir" fast || echo "stop.sh: the server in $dir was not running" >&2
fi
rm -rf "$dir"
