#!/usr/bin/env bash
# Seeds 10 million history items into each engine and prints p50/p99 latency of
# Store::list_history for the first page and for keyset pages deep down (store-level: no HTTP).
#   bench/deep/run.sh [--items N] [--samples N]
# Both engines, Release build in build-bench-deep/ (bench/lib/store_bench.sh).
set -euo pipefail
source "$(dirname "$0")/../lib/store_bench.sh"
run_store_bench deep bench_deep_history "$@"
