# Shared by the benchmarks: binary location, free ports, waiting, a seeded store. Source it.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NICECREAM_BINARY="${NICECREAM_BINARY:-}"
if [ -z "$NICECREAM_BINARY" ]; then
  for candidate in build/nicecream build-test/nicecream; do
    [ -x "$REPO_ROOT/$candidate" ] && NICECREAM_BINARY="$REPO_ROOT/$candidate" && break
  done
fi
[ -x "${NICECREAM_BINARY:-}" ] || { echo "build nicecream first (scripts/run or cmake)" >&2; exit 1; }

# free_port
# shellcheck source=../../tests/support/processes.sh
source "$REPO_ROOT/tests/support/processes.sh"

wait_for_http() {  # wait_for_http <url> [seconds, default 60] [pid that must stay alive]
  for _ in $(seq $((${2:-60} * 10))); do
    curl -fs -o /dev/null "$1" && return 0
    if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then echo "the server exited" >&2; return 1; fi
    sleep 0.1
  done
  echo "no answer from $1" >&2; return 1
}

# seed_sqlite <data_dir> <items> <songs>: history spread round-robin over the 3 seeded channels,
# loaded at schema version 1; the later migrations then build their search index and rollups.
seed_sqlite() {
  local data_dir="$1" items="$2" songs="$3"
  NICECREAM_DATA_DIR="$data_dir" "$NICECREAM_BINARY" migrate --to 1 >/dev/null
  sqlite3 "$data_dir/nicecream.db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $songs)
INSERT INTO songs (title, artist, track)
  SELECT 'Artist ' || i || ' - Track ' || i, 'Artist ' || i, 'Track ' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $items)
INSERT INTO history (created_at, song_id, channel_id)
  SELECT 1700000000000000 + i * 60000000, 1 + (i * 7919) % $songs, 1 + i % 3 FROM n;
COMMIT;
SQL
  NICECREAM_DATA_DIR="$data_dir" "$NICECREAM_BINARY" migrate >/dev/null
}

# seed_postgres <items> <songs>: same shape, in the database the PG* variables point at.
seed_postgres() {
  local items="$1" songs="$2"
  "$NICECREAM_BINARY" migrate --to 1 >/dev/null
  psql -q -v ON_ERROR_STOP=1 <<SQL
BEGIN;
INSERT INTO songs (title, artist, track)
  SELECT 'Artist ' || i || ' - Track ' || i, 'Artist ' || i, 'Track ' || i
  FROM generate_series(1, $songs) i;
INSERT INTO history (created_at, song_id, channel_id)
  SELECT to_timestamp(1700000000 + i * 60), 1 + (i::bigint * 7919) % $songs, 1 + i % 3
  FROM generate_series(1, $items) i;
COMMIT;
SQL
  "$NICECREAM_BINARY" migrate >/dev/null
  psql -q -c ANALYZE
}
