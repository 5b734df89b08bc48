#!/usr/bin/env bash
# Builds the libFuzzer targets with clang++ into build-fuzz/ (its own CMake project, see
# CMakeLists.txt here); the binaries land in build-fuzz/bin/. Incremental: rerun at will.
# Environment: FUZZ_BUILD_DIR (default <repo>/build-fuzz), FUZZ_JOBS (default 2).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build_dir="${FUZZ_BUILD_DIR:-$root/build-fuzz}"

for tool in clang++ cmake; do
  if ! command -v "$tool" >/dev/null; then
    echo "build.sh: $tool is missing (apt-get install clang libclang-rt-14-dev cmake)" >&2
    exit 2
  fi
done
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, long) { return 0; }' |
    clang++ -x c++ -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
  echo "build.sh: clang++ cannot link libFuzzer (apt-get install libclang-rt-14-dev)" >&2
  exit 2
fi

if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S "$here" -B "$build_dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None >&2
fi
cmake --build "$build_dir" -j "${FUZZ_JOBS:-2}" >&2
echo "$build_dir/bin"
