#!/usr/bin/env bash
# Stops the Redis that start.sh started (found through NICECREAM_TEST_REDIS_DIR) and removes its
# folder once it has exited: a Redis shutting down still writes its log there, so removing the
# folder at once raced it ("Directory not empty").
set -u
# shellcheck source=../processes.sh
source "$(dirname "$0")/../processes.sh"
dir=${NICECREAM_TEST_REDIS_DIR:-}
[ -n "$dir" ] && [ -d "$dir" ] || exit 0
pid=$(cat "$dir/redis.pid" 2>/dev/null || true)
if process_runs "$pid" redis-server; then stop_process "$pid"; fi
rm -rf "$dir"
