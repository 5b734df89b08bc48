# Builds a store-level benchmark (Release, its own build folder) and runs it on both engines: on a
# fresh SQLite folder under /tmp, then on a throwaway PostgreSQL (tests/support/postgres); both
# are removed afterwards. Source it, then: run_store_bench <bench folder> <target> [options...]
run_store_bench() {
  local folder="$1" target="$2"; shift 2
  local root build data_dir
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  build="$root/build-bench-$folder"
  cmake -S "$root/bench/$folder" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target "$target" -j "$(nproc)" >/dev/null
  data_dir=$(mktemp -d "/tmp/nicecream-bench-$folder.XXXXXX")
  # Empty once the function has returned (data_dir is local): the run removed it by then.
  trap 'rm -rf "${data_dir:-}"' EXIT
  "$build/$target" --engine sqlite --data-dir "$data_dir" "$@"
  rm -rf "$data_dir"
  # A database of 10 million airings is some 10 GB: PostgreSQL's default 128 MB of shared buffers
  # (a setting for a laptop) would time the reading of pages again from the kernel's cache after
  # every few queries. A quarter of the memory, as PostgreSQL's documentation suggests for a
  # server, at most 2 GB (what a server with 8 GB would give it).
  local memory_kb buffers_mb
  memory_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
  buffers_mb=$((memory_kb / 4 / 1024 < 2048 ? memory_kb / 4 / 1024 : 2048))
  # Durable as a deployed server is (PostgreSQL's defaults), unlike the test suites' throwaway
  # one: recording is timed with every commit flushed to disk and each page's first change after
  # a checkpoint logged whole (docs/decisions/recording-cost.md, "As deployed").
  local durable="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  NICECREAM_TEST_PG_SERVER_OPTIONS="-c shared_buffers=${buffers_mb}MB $durable" \
    "$root/tests/support/postgres/with_postgres.sh" bash -c \
    '"$0" --engine postgres --conninfo "$NICECREAM_TEST_PG" "$@"' "$build/$target" "$@"
}
