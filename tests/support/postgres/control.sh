#!/usr/bin/env bash
# Takes a throwaway server down and brings it back with its data, for tests of database outages:
#   control.sh init                     a new data directory, not started; prints its path
#   control.sh start DIR [PORT]         starts it (on PORT, else on the port it last used), with
#                                       every acknowledged commit surviving a later stop immediate
#   control.sh stop DIR [fast|immediate]  stops it and keeps the data
# stop.sh DIR removes it for good.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

usage() {
  echo "usage: control.sh init | start DIR [PORT] | stop DIR [fast|immediate]" >&2
  exit 2
}

case ${1:-} in
  init)
    init_server
    ;;
  start)
    dir=${2:-}
    check_server_dir "$dir"
    port=${3:-$(cat "$dir/port" 2>/dev/null || true)}
    [[ -n $port ]] || usage
    if ! start_server "$dir" "$port" crash-safe; then
      echo "control.sh: PostgreSQL did not start on port $port; log:" >&2
      tail -n 20 "$dir/server.log" >&2 || true
      exit 1
    fi
    ;;
  stop)
    dir=${2:-}
    check_server_dir "$dir"
    mode=${3:-fast}
    [[ $mode == fast || $mode == immediate ]] || usage
    stop_server "$dir" "$mode"
    ;;
  *) usage ;;
esac
