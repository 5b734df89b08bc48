#!/usr/bin/env bash
# Seeds 10 million history items and 1 million songs into each engine at schema version 1, lets
# the migrations build the search index and rollups, and prints p50/p99 latency of search,
# "what was on at", song and artist pages, stats and charts (store level: no HTTP), a LIKE scan
# for contrast, and the cost of recording one item with and without the index and rollups.
#   bench/search/run.sh [--items N] [--songs N] [--samples N] [--recordings N] [--only TEXT]
# Both engines, Release build in build-bench-search/ (bench/lib/store_bench.sh).
set -euo pipefail
source "$(dirname "$0")/../lib/store_bench.sh"
run_store_bench search bench_search "$@"
