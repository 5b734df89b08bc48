#!/usr/bin/env bash
# Docker HEALTHCHECK. A `serve` container: GET /healthz (the process serves)
# answers 200, or GET /readyz (database reachable, schema current, Redis
# connected) with `healthcheck.sh ready`, as compose asks. A `crawl` container
# with NICECREAM_CRAWL_METRICS_PORT: GET /healthz on that port (a crawler has
# no readiness of its own to report). Anything else (a crawler without that
# port, a migration) has no HTTP port and is healthy while it runs. Reads the
# command and settings of the container's main process (pid 1, which the
# entrypoint exec'd) so values loaded from SSM are honoured too.
set -euo pipefail

# Where pid 1's files are read; the tests point it at a directory of their own.
proc="${NICECREAM_HEALTHCHECK_PROC:-/proc}"

read_words() { tr '\0' '\n' <"$1"; }
setting_of_main_process() { read_words "$proc/1/environ" | sed -n "s/^$1=//p" | tail -1; }

path=/healthz
case "$(read_words "$proc/1/cmdline" | sed -n 2p)" in
  serve)
    port="$(setting_of_main_process API_PORT)"
    port="${port:-8080}"
    [[ "${1:-}" == "ready" ]] && path=/readyz
    ;;
  crawl)
    port="$(setting_of_main_process NICECREAM_CRAWL_METRICS_PORT)"
    [[ -n "$port" ]] || exit 0
    ;;
  *)
    exit 0
    ;;
esac

exec curl --fail --silent --show-error --max-time 4 --output /dev/null \
  "http://127.0.0.1:${port}${path}"
