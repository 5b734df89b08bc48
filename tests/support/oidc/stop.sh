#!/usr/bin/env bash
# Stops the test OpenID provider that start.sh started. Takes its pid from
# NICECREAM_TEST_OIDC_PID or the first argument; anything but that provider is left alone.
# Usage: tests/support/oidc/stop.sh [pid]
set -uo pipefail

pid=${1:-${NICECREAM_TEST_OIDC_PID:-}}
if [[ ! "$pid" =~ ^[0-9]+$ ]]; then
  echo "oidc: no provider pid given (NICECREAM_TEST_OIDC_PID or an argument)" >&2
  exit 1
fi
if ! kill -0 "$pid" 2>/dev/null; then
  exit 0  # already gone
fi
# A recycled pid must not take some other process down with it.
if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'support/oidc/server.mjs'; then
  echo "oidc: process $pid is not the test OpenID provider; not stopping it" >&2
  exit 1
fi
kill "$pid" 2>/dev/null || exit 0
for _ in $(seq 50); do
  kill -0 "$pid" 2>/dev/null || exit 0
  sleep 0.1
done
kill -9 "$pid" 2>/dev/null || true
