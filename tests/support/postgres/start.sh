#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 for the tests: its own data directory under /tmp, listening on
# 127.0.0.1 only, on a free port, run by an unprivileged user (PostgreSQL refuses root), with an
# empty database nicecream_test. Prints the lines to eval:
#   eval "$(tests/support/postgres/start.sh)"
#   ... run the tests (they read NICECREAM_TEST_PG) ...
#   tests/support/postgres/stop.sh
# Trust authentication is safe here: the server is reachable from this machine's loopback only
# and lives as long as the test run. control.sh stops and restarts such a server without losing
# its data (the fault-injection tests do).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
db_name=nicecream_test

dir=$(init_server)

started=
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 20000))
  port_in_use "$port" && continue
  if start_server "$dir" "$port"; then
    started=1
    break
  fi
done
if [[ -z $started ]]; then
  echo "start.sh: PostgreSQL did not start on port ${port:-?}; log:" >&2
  cat "$dir/server.log" >&2 || true
  rm -rf "$dir"
  exit 1
fi

"$bin/psql" --no-psqlrc --quiet --host=127.0.0.1 --port="$port" --username="$db_user" \
  --dbname=postgres --command="CREATE DATABASE $db_name" >&2

echo "export NICECREAM_TEST_PG='host=127.0.0.1 port=$port dbname=$db_name user=$db_user'"
echo "export NICECREAM_TEST_PG_DIR='$dir'"
