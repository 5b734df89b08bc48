#!/bin/bash
# Crawl benchmark: the station emulator with many stations whose titles change now and then, and
# one crawling process over all of them; prints the crawler's CPU seconds per cycle.
#
#   bench/crawl/run.sh [--stations 1000] [--interval 30] [--cycles 5] [--rotate 120]
#
# BUILD_DIR (default build-bench) is a Release build of the repository with NICECREAM_BENCH on;
# it is configured and crawl_bench built on every run.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
stations=1000 interval=30 cycles=5 rotate=120
while [ $# -gt 0 ]; do
  case "$1" in
    --stations) stations=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --cycles) cycles=$2; shift 2 ;;
    --rotate) rotate=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

build=${BUILD_DIR:-$root/build-bench}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNICECREAM_TESTS=OFF -DNICECREAM_BENCH=ON >/dev/null
cmake --build "$build" --target crawl_bench -j2 >/dev/null

ports=$(mktemp /tmp/nicecream-crawl-bench-port.XXXXXX)
python3 "$root/tests/support/stations/emulator.py" --port 0 --stations "$stations" \
  --rotate "$rotate" >"$ports" &
emulator=$!
stop_emulator() {
  kill "$emulator" 2>/dev/null || true
  wait "$emulator" 2>/dev/null || true
  rm -f "$ports"
}
trap stop_emulator EXIT
for _ in $(seq 100); do [ -s "$ports" ] && break; sleep 0.1; done
port=$(head -1 "$ports")

"$build/crawl_bench" --base "http://127.0.0.1:$port" --stations "$stations" \
  --interval "$interval" --cycles "$cycles"
echo "emulator cpu seconds (whole run): $(ps -o times= -p $emulator | tr -d ' ')"
