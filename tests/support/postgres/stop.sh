#!/usr/bin/env bash
# Stops the server start.sh started and removes its data directory. Takes the directory as the
# first argument or from NICECREAM_TEST_PG_DIR (which start.sh exported).
set -euo pipefail

bin=${NICECREAM_PG_BIN:-/usr/lib/postgresql/15/bin}
dir=${1:-${NICECREAM_TEST_PG_DIR:-}}
if [[ -z $dir || ! -d $dir/data ]]; then
  echo "stop.sh: no server directory given (argument or NICECREAM_TEST_PG_DIR)" >&2
  exit 1
fi
case $dir in
  /tmp/nicecream-pg.*) ;;
  *) echo "stop.sh: $dir was not made by start.sh" >&2; exit 1 ;;
esac

if [[ $(id -u) -eq 0 ]]; then
  runuser -u nicecream-test -- "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null
else
  "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null
fi
rm -rf "$dir"
