#!/usr/bin/env bash
# Tests deploy/docker/healthcheck.sh against a stand-in pid 1 (its cmdline and
# environ files) and a loopback HTTP server that answers /healthz with 200 and
# /readyz with 503, recording each path asked. Checks: `serve` asks its
# API_PORT for /healthz, or /readyz when called with `ready`, and fails when
# that fails; `crawl` asks /healthz on NICECREAM_CRAWL_METRICS_PORT, fails when
# nothing answers there, and without that port passes without asking; other
# commands pass without asking.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
healthcheck="$here/../../deploy/docker/healthcheck.sh"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=checks.sh
source "$here/checks.sh"
# shellcheck source=../support/processes.sh
source "$here/../support/processes.sh"

python3 - "$work/port" "$work/asked" <<'PY' &
import http.server, os, sys
port_file, asked_file = sys.argv[1:]

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(asked_file, "a") as asked:
            asked.write(self.path + "\n")
        self.send_response(200 if self.path == "/healthz" else 503)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass

server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
PY
server_pid=$!
for _ in $(seq 1 100); do
  [[ -s "$work/port" ]] && break
  sleep 0.05
done
port="$(cat "$work/port")"

closed_port="$(free_port)"

# pid1 COMMAND [NAME=VALUE...]: the stand-in main process.
pid1() {
  mkdir -p "$work/proc/1"
  local command="$1"
  shift
  printf '%s\0' /usr/local/lib/nicecream/entrypoint.sh "$command" >"$work/proc/1/cmdline"
  printf '%s\0' PATH=/usr/bin "$@" >"$work/proc/1/environ"
  : >"$work/asked"
}
healthy() { NICECREAM_HEALTHCHECK_PROC="$work/proc" "$healthcheck" "$@" 2>/dev/null; }
unhealthy() { ! healthy "$@"; }
asked() { [[ "$(paste -sd, "$work/asked")" == "$1" ]]; }

pid1 serve "API_PORT=$port"
check "serve: healthy when /healthz answers 200" healthy
check "serve: asked /healthz on API_PORT" asked /healthz
pid1 serve "API_PORT=$port"
check "serve ready: unhealthy when /readyz answers 503" unhealthy ready
check "serve ready: asked /readyz" asked /readyz
pid1 serve "API_PORT=$closed_port" "API_PORT=$port"
check "serve: the last API_PORT wins" healthy
pid1 serve "API_PORT=$closed_port"
check "serve: unhealthy when nothing answers" unhealthy

pid1 crawl "NICECREAM_CRAWL_METRICS_PORT=$port" "API_PORT=$closed_port"
check "crawl: healthy when its metrics port's /healthz answers 200" healthy
check "crawl: asked /healthz on the metrics port" asked /healthz
pid1 crawl "NICECREAM_CRAWL_METRICS_PORT=$port"
check "crawl ready: /healthz too (a crawler has no /readyz)" healthy ready
check "crawl ready: asked /healthz" asked /healthz
pid1 crawl "NICECREAM_CRAWL_METRICS_PORT=$closed_port"
check "crawl: unhealthy when nothing answers on its metrics port" unhealthy
pid1 crawl "API_PORT=$port"
check "crawl without a metrics port: healthy" healthy
check "crawl without a metrics port: asked nothing" asked ""

pid1 migrate "API_PORT=$port"
check "migrate: healthy" healthy ready
check "migrate: asked nothing" asked ""

report healthcheck
