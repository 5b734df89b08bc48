# shellcheck shell=bash
# Shared by the scripts here (sourced, not run): where PostgreSQL lives, who runs it, and how one
# of our throwaway servers is started and stopped.
bin=${NICECREAM_PG_BIN:-/usr/lib/postgresql/15/bin}
test_user=nicecream-test
db_user=nicecream

# PostgreSQL refuses to run as root, so as root every server command runs as $test_user.
run_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$test_user" -- "$@"
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Refuses any directory that init_server did not make, so a wrong argument never stops (or
# deletes) somebody else's server.
check_server_dir() {
  local dir=$1
  if [[ -z $dir || ! -d $dir/data ]]; then
    echo "$(basename "$0"): no server directory given (argument or NICECREAM_TEST_PG_DIR)" >&2
    exit 1
  fi
  case $dir in
    /tmp/nicecream-pg.*) ;;
    *) echo "$(basename "$0"): $dir was not made by start.sh or control.sh init" >&2; exit 1 ;;
  esac
}

# A fresh data directory under /tmp; prints its path.
init_server() {
  if [[ ! -x $bin/initdb ]]; then
    echo "$(basename "$0"): $bin/initdb not found; install the Debian package postgresql-15" >&2
    exit 1
  fi
  if [[ $(id -u) -eq 0 ]] && ! id "$test_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$test_user"
  fi
  local dir
  dir=$(mktemp -d /tmp/nicecream-pg.XXXXXX)
  chmod 755 "$dir"
  [[ $(id -u) -eq 0 ]] && chown "$test_user" "$dir"
  run_as_owner "$bin/initdb" --pgdata="$dir/data" --username="$db_user" --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  echo "$dir"
}

# Starts the server in $1 on port $2 (listening on 127.0.0.1 only) and waits until it accepts
# connections; remembers the port in $1/port so a restart uses the same one. Durability against a
# power cut is worth nothing in a throwaway server, so no fsync. With $3 = crash-safe, a commit is
# in the log before it is acknowledged, so it survives the server being killed (stop immediate);
# otherwise the last fraction of a second of commits may be lost then, for speed.
# NICECREAM_TEST_PG_SERVER_OPTIONS adds settings and overrides those above (a later -c wins):
# benchmarks size the buffers to their data and time writes durable, as deployed.
start_server() {
  local dir=$1 port=$2 safety=${3:-}
  local commit_options="-c synchronous_commit=off"
  [[ $safety == crash-safe ]] && commit_options=""
  run_as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait \
    --options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off $commit_options \
      -c full_page_writes=off -c max_connections=200 ${NICECREAM_TEST_PG_SERVER_OPTIONS:-}" \
    start >/dev/null 2>&1 || return 1
  echo "$port" >"$dir/port"
}

# Stops the server in $1; $2 is pg_ctl's shutdown mode (fast: ends sessions cleanly; immediate:
# as after a crash, recovery at the next start).
stop_server() {
  local dir=$1 mode=${2:-fast}
  run_as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode="$mode" --wait stop >/dev/null
}
