#!/usr/bin/env bash
# Tests deploy/docker/entrypoint.sh with a stand-in `aws` on PATH and a
# stand-in nicecream binary that records its arguments and environment.
# Checks: SSM parameters become variables; variables already set win; the
# first path wins over later ones; pages are followed; names are logged,
# values never; a failing store stops the container; commands pass through.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
entrypoint="$here/../../deploy/docker/entrypoint.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# shellcheck source=checks.sh
source "$here/checks.sh"

# The stand-in binary: arguments on the first line, then the variables.
cat >"$work/nicecream" <<'FAKE'
#!/usr/bin/env bash
{
  echo "args: $*"
  for name in PGHOST PGPORT PGPASSWORD REDIS_HOST API_CORS_ORIGIN API_GOOGLE_CLIENT_SECRET; do
    printf '%s=%s\n' "$name" "${!name-<unset>}"
  done
} >"$NICECREAM_RECORD"
FAKE
chmod +x "$work/nicecream"

# shellcheck disable=SC2016 # the $ and backquotes must reach nicecream untouched
password='p@ss w0rd '"'"'with "quotes"'"'"' $HOME `id` \n end'
google_secret='GOCSPX-very-secret-value'
python3 - "$work/pages.json" "$password" "$google_secret" <<'PY'
import json, sys
path, password, google_secret = sys.argv[1:]
def parameter(name, value, kind="String"):
    return {"Name": name, "Type": kind, "Value": value, "Version": 1}
pages = {
    "/nicecream/prod": [
        {"Parameters": [
            parameter("/nicecream/prod/PGHOST", "db-from-ssm.internal"),
            parameter("/nicecream/prod/PGPASSWORD", password, "SecureString"),
            parameter("/nicecream/prod/PGPORT", "5433"),
        ]},
        {"Parameters": [
            parameter("/nicecream/prod/nested/REDIS_HOST", "redis.internal"),
            parameter("/nicecream/prod/not-a-name", "ignored"),
        ]},
        {"Parameters": [
            parameter("/nicecream/prod/API_GOOGLE_CLIENT_SECRET", google_secret, "SecureString"),
        ]},
    ],
    "/nicecream/shared": [
        {"Parameters": [
            parameter("/nicecream/shared/PGPASSWORD", "shared-password-loses"),
            parameter("/nicecream/shared/API_CORS_ORIGIN", "https://nh.example.com"),
        ]},
    ],
}
json.dump(pages, open(path, "w"))
PY

run_entrypoint() { # run_entrypoint NAME [VAR=value...] -- [args...]
  local name="$1"
  shift
  local assignments=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do
    assignments+=("$1")
    shift
  done
  shift
  : >"$work/$name.calls"
  set +e
  env -i PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" HOME="$work" \
    NICECREAM_BINARY="$work/nicecream" NICECREAM_RECORD="$work/$name.record" \
    FAKE_AWS_PAGES="$work/pages.json" FAKE_AWS_CALLS="$work/$name.calls" \
    "${assignments[@]}" \
    "$entrypoint" "$@" >"$work/$name.stdout" 2>"$work/$name.stderr"
  echo $? >"$work/$name.status"
  set -e
}

# The real interpreter, not a version manager's shim: a shim may put its
# own folders (and a real aws) ahead of ours on PATH.
mkdir -p "$work/bin"
ln -s "$here/fake-aws/aws" "$work/bin/aws"
ln -s "$(python3 -c 'import sys; print(sys.executable)')" "$work/bin/python3"

record_has() { grep -qxF -- "$2" "$work/$1.record"; }
status_is() { [[ "$(cat "$work/$1.status")" == "$2" ]]; }
log_has() { grep -qF -- "$2" "$work/$1.stderr"; }
output_lacks() { ! grep -qF -- "$2" "$work/$1.stdout" "$work/$1.stderr"; }
calls_count() { [[ "$(wc -l <"$work/$1.calls")" -eq "$2" ]]; }
any_call_has() { grep -qF -- "$2" "$work/$1.calls"; }
every_call_has() { ! grep -vF -- "$2" "$work/$1.calls" | grep -q .; }

# 1. Without AWS_SSM_PREFIX: no store access, `serve` by default.
run_entrypoint plain PGHOST=local -- 
check "plain: exits 0" status_is plain 0
check "plain: default command is serve" record_has plain "args: serve"
check "plain: environment passes through" record_has plain "PGHOST=local"
check "plain: aws never called" calls_count plain 0

# 2. Loading from two paths, with variables already set.
run_entrypoint ssm AWS_SSM_PREFIX="/nicecream/prod, /nicecream/shared" PGHOST=db-from-task PGPORT= -- crawl
check "ssm: exits 0" status_is ssm 0
check "ssm: command passed on" record_has ssm "args: crawl"
check "ssm: a set variable is not overridden" record_has ssm "PGHOST=db-from-task"
check "ssm: an empty variable is filled" record_has ssm "PGPORT=5433"
check "ssm: secret value arrives intact" record_has ssm "PGPASSWORD=$password"
check "ssm: nested parameter named by its last segment" record_has ssm "REDIS_HOST=redis.internal"
check "ssm: later pages are read" record_has ssm "API_GOOGLE_CLIENT_SECRET=$google_secret"
check "ssm: second path adds its own" record_has ssm "API_CORS_ORIGIN=https://nh.example.com"
check "ssm: first path wins" output_lacks ssm "shared-password-loses"
check "ssm: three pages plus one" calls_count ssm 4
check "ssm: follows NextToken" any_call_has ssm '"--starting-token", "2"'
check "ssm: decrypts" every_call_has ssm '"--with-decryption"'
check "ssm: recursive" every_call_has ssm '"--recursive"'
check "ssm: logs loaded names" log_has ssm "loaded PGPASSWORD from /nicecream/prod"
check "ssm: logs kept names" log_has ssm "kept PGHOST: already set in the environment"
check "ssm: logs skipped names" log_has ssm "skipped '/nicecream/prod/not-a-name'"
check "ssm: never prints the password" output_lacks ssm "w0rd"
check "ssm: never prints the client secret" output_lacks ssm "$google_secret"
check "ssm: never prints the shadowed value" output_lacks ssm "db-from-ssm"

# 2b. The original guide's prefix has no leading slash; it means the same path.
run_entrypoint bare AWS_SSM_PREFIX="nicecream/prod" -- serve
check "bare: exits 0" status_is bare 0
check "bare: read under /nicecream/prod" record_has bare "PGHOST=db-from-ssm.internal"
check "bare: asked for the absolute path" every_call_has bare '"/nicecream/prod"'

# 3. A store that cannot be read stops the container before nicecream runs.
run_entrypoint broken AWS_SSM_PREFIX=/nicecream/prod FAKE_AWS_FAIL=1 -- serve
check "broken: exits non-zero" bash -c "! grep -qx 0 '$work/broken.status'"
check "broken: nicecream never started" test ! -e "$work/broken.record"
check "broken: says which path failed" log_has broken "could not read parameters under /nicecream/prod"

# 4. Without the aws command the error says so.
rm "$work/bin/aws"
run_entrypoint no-cli AWS_SSM_PREFIX=/nicecream/prod -- serve
check "no-cli: exits non-zero" bash -c "! grep -qx 0 '$work/no-cli.status'"
check "no-cli: names the missing command" log_has no-cli "the aws command is missing"
check "no-cli: nicecream never started" test ! -e "$work/no-cli.record"

# 5. The original guide's task commands run our subcommands.
run_entrypoint alembic -- alembic upgrade head
check "alembic: runs migrate" record_has alembic "args: migrate"
check "alembic: says so" log_has alembic "running 'migrate' for the original's 'alembic upgrade head'"
run_entrypoint crawler -- python -m crawler
check "python -m crawler: runs crawl" record_has crawler "args: crawl"

# 6. Anything but a nicecream subcommand runs as given.
# shellcheck disable=SC2016 # $0 is for the inner shell
run_entrypoint shell -- sh -c 'echo "from a shell: $0"' argument
check "shell: exits 0" status_is shell 0
check "shell: ran the command" grep -qxF "from a shell: argument" "$work/shell.stdout"

report entrypoint
