#!/usr/bin/env bash
# Stops the Redis that start.sh started (found through NICECREAM_TEST_REDIS_DIR).
set -u
dir=${NICECREAM_TEST_REDIS_DIR:-}
[ -n "$dir" ] && [ -f "$dir/redis.pid" ] || exit 0
kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
rm -rf "$dir"
