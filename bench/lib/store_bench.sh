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
  "$root/tests/support/postgres/with_postgres.sh" bash -c \
    '"$0" --engine postgres --conninfo "$NICECREAM_TEST_PG" "$@"' "$build/$target" "$@"
}
