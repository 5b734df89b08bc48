#!/usr/bin/env bash
# Stops the Redis that start.sh started (found through NICECREAM_TEST_REDIS_DIR) and removes its
# folder once it has exited: a Redis shutting down still writes its log there, so removing the
# folder at once raced it ("Directory not empty").
set -u
dir=${NICECREAM_TEST_REDIS_DIR:-}
[ -n "$dir" ] && [ -d "$dir" ] || exit 0
pid=$(cat "$dir/redis.pid" 2>/dev/null || true)
# A pid file left by a Redis that died names whatever process has that pid now.
if [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q redis-server; then
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
fi
rm -rf "$dir"
