# Shared by the scripts in this folder: paths and small helpers. Source it, don't run it.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JOBS:-$(nproc)}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs, with one apt-get run, whichever listed packages are missing.
ensure_apt_packages() {
  local list="${1:-$REPO_ROOT/scripts/apt-packages.txt}" package command missing=()
  while read -r package command; do
    [ -n "$package" ] || continue
    [ -n "$command" ] && command -v "$command" >/dev/null 2>&1 && continue
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done < <(sed -e 's/#.*//' -e '/^\s*$/d' "$list")
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); run as root to install them"
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# `npm ci` in a folder, only when its node_modules is missing or older than its lock file.
ensure_npm_packages() {
  local dir="$1"
  [ -f "$dir/package-lock.json" ] || return 0
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in ${dir#$REPO_ROOT/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Configures and builds one build tree: build_tree <dir> <cmake args...>
# A unity build with Ninja: each target's files compile a batch at a time, so the templates they
# share (Asio's coroutines, Beast, Boost.JSON) are instantiated once per batch rather than once
# per file; a tree builds about three times faster (docs/decisions/unity-build.md). A tree an
# earlier version configured with Make is configured afresh.
build_tree() {
  local dir="$1"; shift
  if [ -f "$dir/CMakeCache.txt" ] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$dir/CMakeCache.txt"; then
    rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
  fi
  cmake -S "$REPO_ROOT" -B "$dir" -G Ninja -DCMAKE_UNITY_BUILD=ON "$@" >/dev/null
  cmake --build "$dir" -j "$JOBS"
}

build_web() {
  ensure_npm_packages "$REPO_ROOT/web"
  say "building the web app"
  (cd "$REPO_ROOT/web" && npm run --silent build)
}

# Every C/C++ file of the tree, build trees and node_modules left out.
cpp_sources() {
  find "$REPO_ROOT" \( -name 'build*' -o -name node_modules -o -name .git -o -name .test-run \) -prune \
    -o -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.cc' -o -name '*.h' -o -name '*.c' \) -print
}

# clang-format's verdict on every C/C++ file: fails, naming each file it would change.
check_cpp_formatting() {
  cpp_sources | xargs -r clang-format --dry-run -Werror
}
