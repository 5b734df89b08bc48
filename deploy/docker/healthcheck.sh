#!/usr/bin/env bash
# Docker HEALTHCHECK: GET /healthz (the process serves) answers 200, or
# GET /readyz (database reachable, schema current, Redis connected) with
# `healthcheck.sh ready`, as compose asks. Reads the command and settings of
# the container's main process (pid 1, which the entrypoint exec'd) so a port
# loaded from SSM is honoured too.
set -euo pipefail

path=/healthz
if [[ "${1:-}" == "ready" ]]; then
  path=/readyz
fi

read_words() { tr '\0' '\n' <"$1"; }

command_of_main_process="$(read_words /proc/1/cmdline | sed -n 2p)"
if [[ "$command_of_main_process" != "serve" ]]; then
  # A crawler or a migration has no HTTP port; it is healthy while it runs.
  exit 0
fi

port="$(read_words /proc/1/environ | sed -n 's/^API_PORT=//p' | tail -1)"
exec curl --fail --silent --show-error --max-time 4 --output /dev/null \
  "http://127.0.0.1:${port:-8080}${path}"
