#!/bin/bash
# Crawl benchmark: station emulators serving many stations whose titles change now and then, and
# one crawling process (crawl_bench, the real Crawler on a fresh SQLite store) polling all of
# them. Prints per cycle the crawler's CPU seconds, polls, new items, RSS and the cycle's wall
# time, then a Markdown summary with one row per format mix:
#   all    every format the crawler reads, every tenth station an ICY stream
#   icy    ICY stream reads only          other   every format but ICY
#
#   bench/crawl/run.sh [--stations 10000] [--interval 30] [--cycles 3] [--rotate 120]
#                      [--mixes all,icy,other] [--emulators 2]
#
# BUILD_DIR (default build-bench) is a Release build with NICECREAM_BENCH on; it is configured
# and crawl_bench built on every run (BUILD_JOBS parallel jobs, default 2). The emulators are
# Python processes on 127.0.0.1 only; the stations are spread over them so that none saturates
# (their CPU is printed with the busiest one's share of the cycle's wall time).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
stations=10000 interval=30 cycles=3 rotate=120 mixes=all,icy,other emulators=2
while [ $# -gt 0 ]; do
  case "$1" in
    --stations) stations=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --cycles) cycles=$2; shift 2 ;;
    --rotate) rotate=$2; shift 2 ;;
    --mixes) mixes=$2; shift 2 ;;
    --emulators) emulators=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

build=${BUILD_DIR:-$root/build-bench}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNICECREAM_TESTS=OFF -DNICECREAM_BENCH=ON >/dev/null
cmake --build "$build" --target crawl_bench -j"${BUILD_JOBS:-2}" >/dev/null

# Each poll is one connection (the crawler runs at most 100 at once); each emulator holds a
# thread and a socket per open request. Well under one process's limit, raised all the same.
ulimit -n "$(ulimit -Hn)"

work=$(mktemp -d /tmp/nicecream-crawl-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

bases=() emulator_pids=()
for i in $(seq "$emulators"); do
  python3 "$root/tests/support/stations/emulator.py" --port 0 --stations "$stations" \
    --rotate "$rotate" >"$work/emulator$i.port" &
  pids+=($!) emulator_pids+=(--emulator-pid "$!")
done
for i in $(seq "$emulators"); do
  for _ in $(seq 100); do [ -s "$work/emulator$i.port" ] && break; sleep 0.1; done
  bases+=(--base "http://127.0.0.1:$(head -1 "$work/emulator$i.port")")
done

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for mix in ${mixes//,/ }; do
  echo "## $mix"
  "$build/crawl_bench" "${bases[@]}" "${emulator_pids[@]}" --stations "$stations" \
    --interval "$interval" --cycles "$cycles" --mix "$mix" --summary "$work/summary.md"
  echo
done

cpu_model=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($cpu_model), load $load_start at the" \
  "start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; crawl_bench at $(git -C "$root" rev-parse --short HEAD)," \
  "$stations stations, titles changing every $rotate s, $emulators emulator process(es)"
echo
echo "| mix | stations | interval | first round: all polled once (crawler thread ran, waited for a CPU) | cycles | crawler CPU per cycle s | of one core | CPU per poll µs | polls ok / failed per cycle | new items per cycle | mean poll ms | peak RSS MiB | emulator CPU per cycle s (busiest) | stations one core polls every 30 s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
cat "$work/summary.md"
