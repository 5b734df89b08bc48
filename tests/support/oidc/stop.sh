#!/usr/bin/env bash
# Stops the test OpenID provider that start.sh started. Takes its pid from
# NICECREAM_TEST_OIDC_PID or the first argument; anything but that provider is left alone.
# Usage: tests/support/oidc/stop.sh [pid]
set -uo pipefail
# shellcheck source=../processes.sh
source "$(dirname "$0")/../processes.sh"

pid=${1:-${NICECREAM_TEST_OIDC_PID:-}}
if [[ ! "$pid" =~ ^[0-9]+$ ]]; then
  echo "oidc: no provider pid given (NICECREAM_TEST_OIDC_PID or an argument)" >&2
  exit 1
fi
if ! kill -0 "$pid" 2>/dev/null; then
  exit 0  # already gone
fi
# A recycled pid must not take some other process down with it.
if ! process_runs "$pid" 'support/oidc/server.mjs'; then
  echo "oidc: process $pid is not the test OpenID provider; not stopping it" >&2
  exit 1
fi
stop_process "$pid"
