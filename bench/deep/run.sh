#!/usr/bin/env bash
# Seeds 10 million history items into each engine and prints p50/p99 latency of
# Store::list_history for the first page and for keyset pages deep down (store-level: no HTTP).
#   bench/deep/run.sh [--items N] [--samples N]
# Builds the benchmark in build-bench-deep/, uses a fresh SQLite folder under /tmp and a
# throwaway PostgreSQL (tests/support/postgres), and removes both afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build-bench-deep

cmake -S "$root/bench/deep" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target bench_deep_history -j "$(nproc)" >/dev/null
bench=$build/bench_deep_history

data_dir=$(mktemp -d /tmp/nicecream-bench-deep.XXXXXX)
trap 'rm -rf "$data_dir"' EXIT
"$bench" --engine sqlite --data-dir "$data_dir" "$@"
rm -rf "$data_dir"

"$root/tests/support/postgres/with_postgres.sh" bash -c \
  '"$0" --engine postgres --conninfo "$NICECREAM_TEST_PG" "$@"' "$bench" "$@"
