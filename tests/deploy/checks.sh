# shellcheck shell=bash
# Counting checks for the deploy suite's shell tests (sourced, not run):
#   check DESCRIPTION COMMAND...   counts COMMAND's success, names a failure
#   report NAME                    prints 'NAME: N passed, N failed'; fails if any failed
passed=0
failed=0
check() {
  local description="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $description" >&2
  fi
}

report() {
  echo "$1: $passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
