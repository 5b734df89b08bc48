# shellcheck shell=bash
# Ports and processes for the test scripts (sourced, not run):
#   free_port                  a loopback port nothing listens on now (bound, then closed)
#   process_runs PID PATTERN   whether PID is alive and its command line matches PATTERN: a pid
#                              file left by a process that died names whatever has that pid now
#   stop_process PID           SIGTERM, up to 5 s to exit, then SIGKILL
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

process_runs() {
  [[ $1 =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q -- "$2"
}

stop_process() {
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$1" 2>/dev/null || true
}
