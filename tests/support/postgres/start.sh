#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 for the tests: its own data directory under /tmp, listening on
# 127.0.0.1 only, on a free port, run by an unprivileged user (PostgreSQL refuses root). Prints
# the lines to eval:
#   eval "$(tests/support/postgres/start.sh)"
#   ... run the tests (they read NICECREAM_TEST_PG) ...
#   tests/support/postgres/stop.sh
# Trust authentication is safe here: the server is reachable from this machine's loopback only
# and lives as long as the test run.
set -euo pipefail

bin=${NICECREAM_PG_BIN:-/usr/lib/postgresql/15/bin}
test_user=nicecream-test
db_user=nicecream
db_name=nicecream_test

if [[ ! -x $bin/initdb ]]; then
  echo "start.sh: $bin/initdb not found; install the Debian package postgresql-15" >&2
  exit 1
fi

run_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$test_user" -- "$@"
  else
    "$@"
  fi
}

if [[ $(id -u) -eq 0 ]] && ! id "$test_user" >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin "$test_user"
fi

dir=$(mktemp -d /tmp/nicecream-pg.XXXXXX)
chmod 755 "$dir"
[[ $(id -u) -eq 0 ]] && chown "$test_user" "$dir"

run_as_owner "$bin/initdb" --pgdata="$dir/data" --username="$db_user" --auth=trust \
  --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Durability is worth nothing in a throwaway server; speed is.
started=
for attempt in $(seq 1 20); do
  port=$((20000 + RANDOM % 20000))
  port_in_use "$port" && continue
  if run_as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait \
    --options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off \
      -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null 2>&1; then
    started=1
    break
  fi
done
if [[ -z $started ]]; then
  echo "start.sh: PostgreSQL did not start; log:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
fi

"$bin/psql" --no-psqlrc --quiet --host=127.0.0.1 --port="$port" --username="$db_user" \
  --dbname=postgres --command="CREATE DATABASE $db_name" >&2

echo "export NICECREAM_TEST_PG='host=127.0.0.1 port=$port dbname=$db_name user=$db_user'"
echo "export NICECREAM_TEST_PG_DIR='$dir'"
