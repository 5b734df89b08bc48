#!/usr/bin/env bash
# Starts (or stops) a private Docker engine for the smoke test: vfs storage
# (works on any file system, no overlay needed), no bridge and no iptables
# (containers use the host's network, so nothing but loopback is touched).
# Its socket, data and pid file live under one folder, apart from any
# system engine.
#
# usage: dockerd.sh start | stop | env
set -euo pipefail

state_dir="${NICECREAM_DOCKERD_DIR:-/tmp/nicecream-dockerd}"
socket="$state_dir/docker.sock"
pidfile="$state_dir/dockerd.pid"

start() {
  mkdir -p "$state_dir"
  if [[ -S "$socket" ]] && DOCKER_HOST="unix://$socket" /usr/bin/docker info >/dev/null 2>&1; then
    echo "dockerd: already running at $socket"
    return
  fi
  command -v dockerd >/dev/null || {
    echo "dockerd: missing (apt-get install docker.io)" >&2
    exit 1
  }
  dockerd \
    --host "unix://$socket" \
    --data-root "$state_dir/data" \
    --exec-root "$state_dir/exec" \
    --pidfile "$pidfile" \
    --storage-driver vfs \
    --bridge none \
    --iptables=false \
    --ip-masq=false \
    --ip-forward=false \
    >"$state_dir/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    if DOCKER_HOST="unix://$socket" /usr/bin/docker info >/dev/null 2>&1; then
      echo "dockerd: ready at $socket"
      return
    fi
    sleep 1
  done
  echo "dockerd: did not become ready; its log:" >&2
  tail -30 "$state_dir/dockerd.log" >&2
  exit 1
}

stop() {
  [[ -f "$pidfile" ]] || return 0
  local pid
  pid="$(cat "$pidfile")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || { echo "dockerd: stopped"; return; }
    sleep 1
  done
  echo "dockerd: still running after 30 s (pid $pid)" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) echo "export DOCKER_HOST=unix://$socket" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
