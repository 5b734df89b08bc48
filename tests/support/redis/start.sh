#!/usr/bin/env bash
# Starts a throwaway Redis on 127.0.0.1 and a free port, with no persistence. Prints lines to eval:
#   eval "$(tests/support/redis/start.sh)"   ...   tests/support/redis/stop.sh
set -euo pipefail
# shellcheck source=../processes.sh
source "$(dirname "$0")/../processes.sh"
dir=$(mktemp -d /tmp/nicecream-redis.XXXXXX)
port=$(free_port)
redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
  --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
for _ in $(seq 100); do
  redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && break
  sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$port" ping | grep -q PONG || { cat "$dir/redis.log" >&2; exit 1; }
echo "export NICECREAM_TEST_REDIS_HOST=127.0.0.1 NICECREAM_TEST_REDIS_PORT=$port"
echo "export NICECREAM_TEST_REDIS_DIR=$dir"
