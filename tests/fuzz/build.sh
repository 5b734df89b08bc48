#!/usr/bin/env bash
# Builds the libFuzzer targets with clang++ into build-fuzz/: the main project configured with
# -DNICECREAM_FUZZ=ON, building only the targets and the libraries they link. The binaries land
# in build-fuzz/bin/. Incremental: rerun at will.
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

# A build-fuzz/ configured by the former stand-alone fuzz project is configured afresh; its
# work/ (the corpora built up so far) stays.
if [[ -f "$build_dir/CMakeCache.txt" ]] && ! grep -q '^NICECREAM_FUZZ:BOOL=ON$' "$build_dir/CMakeCache.txt"; then
  rm -rf "$build_dir/CMakeCache.txt" "$build_dir/CMakeFiles"
fi
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build_dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
    -DNICECREAM_FUZZ=ON -DNICECREAM_TESTS=OFF >&2
fi
cmake --build "$build_dir" --target fuzz_targets -j "${FUZZ_JOBS:-2}" >&2
echo "$build_dir/bin"
