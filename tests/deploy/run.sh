#!/usr/bin/env bash
# Checks of the deployment pieces, runnable anywhere (no Docker, no AWS):
#   - every CloudFormation template parses, references resolve, and the
#     Parent*Stack imports match the parents' exports (test_templates.py);
#   - the original's guide runs against them: its create-stack parameters,
#     capabilities and cross-stack exports (test_original_guide.py, reading
#     the guide's commands from fixtures/original-guide.md, or ORIGINAL_GUIDE);
#   - the CloudFormation linter accepts every template (lint_templates.py,
#     npm cfn-lint pinned in package-lock.json, installed here if missing);
#   - the entrypoint's SSM loading, against a stand-in aws command;
#   - the health check's port and path per command, against a stand-in pid 1
#     and a loopback HTTP server;
#   - the compose files' roles and start order (test_compose.py);
#   - the image installs every library the build needs (test_image_packages.py);
#   - shellcheck on every deployment shell script.
# Needs: python3 with PyYAML (Debian python3-yaml), node and npm, shellcheck.
# Prints 'N passed, N failed' and exits non-zero when anything failed.
# The container smoke test is separate: deploy/smoke/run.sh.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here" || exit 1

# A python3 with PyYAML: the one on PATH, else Debian's.
python=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import yaml' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
if [[ -z "$python" ]]; then
  echo "deploy: no python3 with PyYAML (apt-get install python3-yaml)"
  echo "deploy: 0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
step() { # step NAME COMMAND...
  local name="$1"
  shift
  echo "--- $name"
  if "$@"; then
    passed=$((passed + 1))
    echo "--- $name: ok"
  else
    failed=$((failed + 1))
    echo "--- $name: FAILED"
  fi
}

install_linter() {
  if [[ -f node_modules/cfn-lint/package.json ]] &&
    [[ "$(node -p 'require("./node_modules/cfn-lint/package.json").version')" == \
      "$(node -p 'require("./package-lock.json").packages["node_modules/cfn-lint"].version')" ]]; then
    return 0
  fi
  # --ignore-scripts: the only install script in the tree is a banner.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
}

shellcheck_scripts() {
  find "$root/deploy" "$here" -name node_modules -prune -o -name '*.sh' -print0 |
    xargs -0 shellcheck --external-sources --source-path=SCRIPTDIR
}

step "templates: structure and stack chain" "$python" test_templates.py
step "templates: the original guide's commands" "$python" test_original_guide.py
step "templates: install cfn-lint" install_linter
step "templates: cfn-lint" "$python" lint_templates.py
step "entrypoint: SSM loading" ./test_entrypoint.sh
step "healthcheck: port and path per command" ./test_healthcheck.sh
step "compose: roles and start order" "$python" test_compose.py
step "image: the build's packages" "$python" test_image_packages.py
step "shellcheck" shellcheck_scripts

echo "deploy: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
