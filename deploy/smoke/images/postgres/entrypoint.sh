#!/usr/bin/env bash
# Initialises the cluster on first start (user, password, database from
# POSTGRES_*), then runs the server on loopback at $PGPORT.
set -euo pipefail

: "${POSTGRES_USER:?}" "${POSTGRES_PASSWORD:?}" "${POSTGRES_DB:?}"
port="${PGPORT:-5432}"

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  password_file="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  initdb --username="$POSTGRES_USER" --pwfile="$password_file" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$password_file"
  pg_ctl --wait --options="-c listen_addresses='' -p $port" start >/dev/null
  PGPASSWORD="$POSTGRES_PASSWORD" createdb --host=/var/run/postgresql --port="$port" \
    --username="$POSTGRES_USER" "$POSTGRES_DB"
  pg_ctl --wait stop >/dev/null
fi

exec postgres -c listen_addresses=127.0.0.1 -c port="$port" \
  -c unix_socket_directories=/var/run/postgresql
