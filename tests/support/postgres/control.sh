#!/usr/bin/env bash
# Takes a throwaway server down and brings it back with its data, for tests of database outages:
#   control.sh init                     a new data directory, not started; prints its path
#   control.sh start DIR [PORT]         starts it (on PORT, else on the port it last used), with
#                                       every acknowledged commit surviving a later stop immediate
#   control.sh stop DIR [fast|immediate]  stops it and keeps the data
#   control.sh freeze DIR               suspends the server and all its processes (SIGSTOP): it
#                                       still accepts connections in the kernel, never answers
#   control.sh thaw DIR                 lets a frozen server go on (SIGCONT)
# stop.sh DIR removes it for good.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

usage() {
  echo "usage: control.sh init | start DIR [PORT] | stop DIR [fast|immediate] | freeze DIR" \
    "| thaw DIR" >&2
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
  freeze | thaw)
    dir=${2:-}
    check_server_dir "$dir"
    postmaster=$(head -n 1 "$dir/data/postmaster.pid")
    # The postmaster first on the way down, so it forks no backend after the list is taken.
    if [[ $1 == freeze ]]; then
      kill -STOP "$postmaster"
      for child in $(pgrep -P "$postmaster"); do kill -STOP "$child"; done
    else
      for child in $(pgrep -P "$postmaster"); do kill -CONT "$child"; done
      kill -CONT "$postmaster"
    fi
    ;;
  *) usage ;;
esac
