#!/usr/bin/env bash
# Container entrypoint: optionally loads settings from AWS SSM Parameter
# Store, then runs nicecream.
#
#   AWS_SSM_PREFIX=/nicecream/prod,/nicecream/shared   (comma-separated paths)
#
# Every parameter under each path (recursively, decrypted) becomes an
# environment variable named after the last segment of its name
# (/nicecream/prod/PGPASSWORD -> PGPASSWORD). A variable already in the
# environment with a value is kept, and the first path listed wins over
# later ones, so a task definition can always override the store. Only
# names are printed: values are secrets. Never add `set -x` here.
set -euo pipefail

here="$(dirname "$(readlink -f "$0")")"
nicecream="${NICECREAM_BINARY:-/usr/local/bin/nicecream}"

log() { echo "entrypoint: $*" >&2; }

load_ssm_parameters() {
  command -v aws >/dev/null || {
    log "AWS_SSM_PREFIX is set but the aws command is missing (image built with WITH_AWSCLI=false?)"
    exit 1
  }
  local exports
  # A failure to read the store stops the container: starting without its
  # settings would only fail later and less clearly.
  exports="$(python3 "$here/ssm_to_env.py" "$AWS_SSM_PREFIX")"
  eval "$exports"
}

# The commands the Python original's guide gives its task definitions
# (Command=alembic,upgrade,head and python,-m,crawler) name our subcommand,
# so stacks made from that guide keep working with this image.
original_command() {
  case "$*" in
    "alembic upgrade head") echo migrate ;;
    "python -m crawler") echo crawl ;;
    *) return 1 ;;
  esac
}

is_nicecream_command() {
  case "$1" in
    serve | crawl | migrate | channels | version | help | --help | -h) return 0 ;;
    *) return 1 ;;
  esac
}

main() {
  if [[ -n "${AWS_SSM_PREFIX:-}" ]]; then
    load_ssm_parameters
  fi
  if [[ $# -eq 0 ]]; then
    set -- serve
  fi
  local ours
  if ours="$(original_command "$@")"; then
    log "running '$ours' for the original's '$*'"
    set -- "$ours"
  fi
  if is_nicecream_command "$1"; then
    exec "$nicecream" "$@"
  fi
  # Anything else (a shell, say) runs as given, with the same settings.
  exec "$@"
}

main "$@"
