#!/usr/bin/env bash
# Smoke test of the container deployment, on this machine alone:
#   1. a private Docker engine (dockerd.sh: vfs storage, host networking);
#   2. a debian:bookworm base image from the Debian mirror (base-image.sh);
#   3. our image (Dockerfile) and PostgreSQL/Redis images from Debian packages;
#   4. the compose stack (docker-compose.yml + compose.stack.yml): migrations
#      finish, /channels answers, the containers report healthy; a channel on
#      the station emulator gets a history item recorded by the crawler
#      container, and that item reaches /history/events of the API container
#      through Redis;
#   5. the embedded single container (docker-compose.embedded.yml) the same
#      way, plus the history surviving a restart (its data volume);
#   6. taking over the original (issue 17): the stack's PostgreSQL loaded with
#      the original's schema and rows at its head revision
#      (tests/integration/takeover/original_at_head.sql), `migrate` refusing
#      it, `migrate --from-original` converting it, the stack answering the
#      same ids through /history, then a title through Redis to
#      /history/events as in 4;
# then tears everything down. Only 127.0.0.1 is ever contacted, besides the
# Debian mirror and the npm registry while images build.
#
# usage: deploy/smoke/run.sh [stack|embedded|takeover|all]    (default all)
#   KEEP_DOCKERD=1 leaves the engine running (faster reruns).
#   SMOKE_FROM_HEAD=1 builds the image from the last commit instead of the
#   work tree (others' unfinished edits stay out).
#   SMOKE_REUSE_IMAGES=1 uses images built by an earlier run (vfs builds are slow).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
what="${1:-all}"

# shellcheck disable=SC1091 # the project's shared script helpers, found from this file at run time
source "$root/scripts/lib.sh"
ensure_apt_packages "$here/apt-packages.txt"

export SMOKE_API_PORT="${SMOKE_API_PORT:-18080}"
export SMOKE_PG_PORT="${SMOKE_PG_PORT:-15432}"
export SMOKE_REDIS_PORT="${SMOKE_REDIS_PORT:-16379}"
# The defaults lie below the kernel's ephemeral range (32768-60999 here): a port up there can be
# taken at any moment as the local end of some outgoing connection, as a busy test run makes
# thousands of them.
export DOCKER=/usr/bin/docker
eval "$("$here/dockerd.sh" env)"
api="http://127.0.0.1:$SMOKE_API_PORT"
emulator_script="$root/tests/support/stations/emulator.py"
work="$(mktemp -d)"
emulator_pid=""
stream_pid=""
compose_files=()
project=""

log() { echo "smoke: $*" >&2; }
fail() {
  log "FAILED: $*"
  exit 1
}

compose() { docker-compose --project-name "$project" --project-directory "$root" "${compose_files[@]}" "$@"; }

# use_compose FILE...: the compose files with our override merged in. Docker refuses published
# ports on a host-networked container, and docker-compose v1 cannot drop the base file's `ports`
# in an override, so the merged file is rendered once and those ports are taken out.
use_compose() {
  local rendered="$work/$project.yml" args=()
  local file
  for file in "$@"; do args+=(-f "$file"); done
  docker-compose --project-directory "$root" "${args[@]}" config >"$work/$project.merged.yml" ||
    fail "docker-compose config rejected ${*}"
  /usr/bin/python3 - "$work/$project.merged.yml" "$rendered" <<'PY' || fail "rendering ${*}"
import sys
import yaml

with open(sys.argv[1]) as merged:
    document = yaml.safe_load(merged)
for service in document.get("services", {}).values():
    if service.get("network_mode") == "host":
        service.pop("ports", None)
with open(sys.argv[2], "w") as rendered:
    yaml.safe_dump(document, rendered, sort_keys=False)
PY
  compose_files=(-f "$rendered")
  # Whatever an interrupted earlier run left of this project (containers, volumes) goes first.
  compose down --volumes --remove-orphans >/dev/null 2>&1 || true
}

teardown_compose() {
  if [[ -n "$project" ]]; then
    log "logs of $project (last lines):"
    compose logs --no-color --tail 25 >&2 2>/dev/null || true
    compose down --volumes --remove-orphans >/dev/null 2>&1 || true
    project=""
  fi
}

cleanup() {
  if [[ -n "$stream_pid" ]]; then kill "$stream_pid" 2>/dev/null || true; fi
  teardown_compose
  if [[ -n "$emulator_pid" ]]; then kill "$emulator_pid" 2>/dev/null || true; fi
  [[ "${KEEP_DOCKERD:-}" == 1 ]] || "$here/dockerd.sh" stop || true
  rm -rf "$work"
}
trap cleanup EXIT

# wait_for SECONDS DESCRIPTION COMMAND...: retries once a second, bounded.
wait_for() {
  local seconds="$1" description="$2"
  shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  fail "$description (not within ${seconds}s)"
}

# The containers listen on the host's loopback: fail early, naming the variable, when a port is
# taken.
check_ports_free() {
  local variable
  for variable in SMOKE_API_PORT SMOKE_PG_PORT SMOKE_REDIS_PORT; do
    # With SO_REUSEADDR, as servers bind: connections in TIME_WAIT do not count.
    python3 -c 'import socket, sys
probe = socket.socket()
probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
probe.bind(("127.0.0.1", int(sys.argv[1])))' "${!variable}" 2>/dev/null ||
      fail "port ${!variable} is in use: set $variable to a free one"
  done
}

build_images() {
  "$here/dockerd.sh" start
  "$here/base-image.sh" import
  if [[ "${SMOKE_REUSE_IMAGES:-}" == 1 ]] && docker image inspect nicecream-history:latest \
    nicecream-smoke/postgres:15 nicecream-smoke/redis:7 >/dev/null 2>&1; then
    log "reusing the images of an earlier run"
    docker run --rm --entrypoint nicecream nicecream-history:latest version
    return
  fi
  local context="$root"
  if [[ "${SMOKE_FROM_HEAD:-}" == 1 ]]; then
    context="$work/source"
    mkdir -p "$context"
    git -C "$root" archive HEAD | tar -x -C "$context"
  fi
  # Certificate authorities added on this host (a TLS-inspecting proxy, say)
  # are trusted while the image fetches from the npm registry.
  local extra_ca=""
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    extra_ca="$(cat /usr/local/share/ca-certificates/*.crt)"
  fi
  log "building nicecream-history:latest from $context"
  docker build --network host --build-arg EXTRA_CA_CERTS="$extra_ca" \
    --tag nicecream-history:latest "$context" >"$work/build.log" 2>&1 ||
    { tail -40 "$work/build.log" >&2; fail "docker build"; }
  log "image size: $(docker image inspect --format '{{.Size}}' nicecream-history:latest) bytes"
  for image in postgres redis; do
    docker build --network host --tag "nicecream-smoke/$image:$([[ $image == postgres ]] && echo 15 || echo 7)" \
      "$here/images/$image" >"$work/build-$image.log" 2>&1 ||
      { tail -20 "$work/build-$image.log" >&2; fail "docker build $image"; }
  done
  docker run --rm --entrypoint nicecream nicecream-history:latest version
}

start_emulator() {
  [[ -f "$emulator_script" ]] || fail "station emulator missing: $emulator_script"
  python3 "$emulator_script" --port 0 >"$work/emulator.out" 2>"$work/emulator.err" &
  emulator_pid=$!
  wait_for 10 "station emulator announces its port" test -s "$work/emulator.out"
  emulator_port="$(head -1 "$work/emulator.out" | tr -dc '0-9')"
  log "station emulator on 127.0.0.1:$emulator_port"
}

set_station_title() { # set_station_title STATION TITLE
  curl --fail --silent --show-error --max-time 5 -H 'Content-Type: application/json' \
    --data "$(python3 -c 'import json,sys; print(json.dumps({"title": sys.argv[1]}))' "$2")" \
    "http://127.0.0.1:$emulator_port/control/$1" >/dev/null
}

channels_answer() { curl --fail --silent --max-time 3 "$api/channels" | python3 -c 'import json,sys; assert isinstance(json.load(sys.stdin), list)'; }

history_has() { # history_has CHANNEL_ID TITLE
  curl --fail --silent --max-time 3 "$api/history?channel_id=$1" |
    python3 -c 'import json,sys; sys.exit(0 if any(i["song_title"] == sys.argv[1] for i in json.load(sys.stdin)) else 1)' "$2"
}

container_healthy() { # container_healthy SERVICE
  [[ "$(docker inspect --format '{{.State.Health.Status}}' "$(compose ps -q "$1")")" == healthy ]]
}

stream_has() { grep -qF "$1" "$work/stream.txt"; }

# add_channel SERVICE NAME: adds a voscast channel on the emulator, prints its id.
add_channel() {
  local url="http://127.0.0.1:$emulator_port/$2/display.js"
  compose exec -T "$1" nicecream channels add "$2" "$url" --format voscast >&2 ||
    fail "nicecream channels add"
  compose exec -T "$1" nicecream channels list |
    awk -v name="$2" '$2 == name {print $1; exit}'
}

# The first migration seeds the nicecream.fm channels, which live on the
# internet; remove them before any crawler starts, so only the emulator on
# 127.0.0.1 is ever polled.
remove_seeded_channels() { # remove_seeded_channels SERVICE
  local id
  for id in 1 2 3; do
    compose run --rm --no-deps "$1" channels remove "$id" >&2 || fail "channels remove $id"
  done
}

# A title reaches the history (crawler -> store) and the live stream
# (crawler -> events -> API) of the running deployment.
check_title_flows() { # check_title_flows SERVICE STATION
  local service="$1" station="$2" channel_id title
  set_station_title "$station" "Smoke Artist - Warm Up"
  channel_id="$(add_channel "$service" "$station")"
  [[ "$channel_id" =~ ^[0-9]+$ ]] || fail "channel id not found in 'channels list'"
  log "channel $station is #$channel_id"
  curl --silent --no-buffer --max-time 90 "$api/history/events" >"$work/stream.txt" 2>/dev/null &
  stream_pid=$!
  sleep 1 # the stream subscribes before the new title appears
  title="Smoke Artist - Track $RANDOM$RANDOM"
  set_station_title "$station" "$title"
  wait_for 60 "the history lists '$title'" history_has "$channel_id" "$title"
  log "history: '$title' recorded"
  wait_for 30 "/history/events delivers '$title'" stream_has "\"song_title\":\"$title\""
  grep -q '^event: history' "$work/stream.txt" || fail "the stream's events are not named history"
  log "events: '$title' arrived on /history/events"
  kill "$stream_pid" 2>/dev/null || true
  stream_pid=""
  last_title="$title"
  last_channel_id="$channel_id"
}

smoke_stack() {
  log "== compose stack (postgres, redis, migrations, api, crawler)"
  project=nicecream-smoke-stack
  use_compose "$root/docker-compose.yml" "$here/compose.stack.yml"
  compose up -d --no-build migrations
  [[ "$(timeout 300 docker wait "$(compose ps -q migrations)")" == 0 ]] || fail "migrations did not exit 0"
  log "migrations: exited 0"
  remove_seeded_channels api
  compose up -d --no-build
  wait_for 60 "/channels answers" channels_answer
  log "api: /channels answers"
  curl --fail --silent --max-time 3 "$api/" | grep -qi '<html' || fail "the web app is not served at /"
  log "api: the web app is served at /"
  wait_for 60 "api container healthy" container_healthy api
  wait_for 30 "crawler container healthy" container_healthy crawler
  log "health: api and crawler containers healthy"
  check_title_flows api stack
  teardown_compose
  log "== compose stack: passed"
}

smoke_embedded() {
  log "== embedded single container"
  project=nicecream-smoke-embedded
  use_compose "$root/docker-compose.embedded.yml" "$here/compose.embedded.yml"
  compose run --rm --no-deps nicecream migrate >&2
  remove_seeded_channels nicecream
  compose up -d --no-build
  wait_for 60 "/channels answers" channels_answer
  log "embedded: /channels answers"
  wait_for 60 "container healthy" container_healthy nicecream
  check_title_flows nicecream embedded
  compose restart nicecream >/dev/null
  wait_for 60 "/channels answers after a restart" channels_answer
  history_has "$last_channel_id" "$last_title" || fail "history lost across a restart"
  log "embedded: history kept across a restart (data volume)"
  teardown_compose
  log "== embedded: passed"
}

# The original's fixture with its channels pointed at the station emulator instead of
# nicecream.fm on the internet.
original_fixture() {
  sed -E "s#https://cdn\.voscast\.com/stats/display\.js\?key=[0-9a-f]+&stats=songtitle&action=update#http://127.0.0.1:$emulator_port/original/display.js#" \
    "$root/tests/integration/takeover/original_at_head.sql"
}

# "id:song_id" of the fixture's airings (ids 1-7), newest first.
original_history_ids() {
  curl --fail --silent --max-time 3 "$api/history?limit=100" | python3 -c 'import json, sys
print(" ".join("%d:%d" % (i["id"], i["song_id"]) for i in json.load(sys.stdin) if "song_id" in i and i["id"] <= 7))'
}

smoke_takeover() {
  log "== compose stack on a database converted from the original's"
  project=nicecream-smoke-takeover
  use_compose "$root/docker-compose.yml" "$here/compose.stack.yml"
  compose up -d --no-build postgres
  wait_for 60 "postgres healthy" container_healthy postgres
  # The variables are the container's own, expanded by its shell, not here.
  # shellcheck disable=SC2016
  original_fixture | compose exec -T postgres sh -c \
    'PGPASSWORD="$POSTGRES_PASSWORD" psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -U "$POSTGRES_USER" -d "$POSTGRES_DB"' >&2 ||
    fail "loading the original's schema and rows"
  if compose run --rm --no-deps migrations migrate >"$work/refused.txt" 2>&1; then
    fail "migrate did not refuse the original's database"
  fi
  grep -qF -- "--from-original" "$work/refused.txt" || fail "the refusal does not name --from-original"
  log "migrations: the original's database refused, naming --from-original"
  compose run --rm --no-deps migrations migrate --from-original >&2 || fail "migrate --from-original"
  log "migrations: converted from the original"
  compose up -d --no-build
  [[ "$(timeout 300 docker wait "$(compose ps -q migrations)")" == 0 ]] ||
    fail "migrations did not exit 0 on the converted database"
  wait_for 60 "/channels answers" channels_answer
  local ids
  ids="$(original_history_ids)"
  [[ "$ids" == "7:3 6:2 5:2 4:1 3:3 2:2 1:1" ]] || fail "/history after the conversion: '$ids'"
  log "api: /history answers the original's ids ($ids)"
  wait_for 60 "api container healthy" container_healthy api
  check_title_flows api takeover
  teardown_compose
  log "== takeover: passed"
}

check_ports_free
build_images
start_emulator
case "$what" in
  stack) smoke_stack ;;
  embedded) smoke_embedded ;;
  takeover) smoke_takeover ;;
  all) smoke_stack && smoke_embedded && smoke_takeover ;;
  *) fail "usage: $0 [stack|embedded|takeover|all]" ;;
esac
log "all passed"
