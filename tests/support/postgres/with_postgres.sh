#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL started for it (NICECREAM_TEST_PG set), and stops
# the server afterwards whatever the command's outcome:
#   tests/support/postgres/with_postgres.sh ctest --test-dir build -L unit
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
eval "$("$here/start.sh")"
trap '"$here/stop.sh" "$NICECREAM_TEST_PG_DIR"' EXIT
"$@"
