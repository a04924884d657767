#!/usr/bin/env bash
# Start a private PostgreSQL server for the tests (Debian's postgresql package) and print the
# URL to export as CIQDESK_TEST_PG_URL. Idempotent: a server already answering on the port
# is reused. Trust authentication on 127.0.0.1 only, fsync off: for tests, never for data.
#   usage: tools/pg_test_server.sh [DIR] [PORT]     (defaults /tmp/ciqdesk-pg, 54329)
set -euo pipefail
DIR=${1:-/tmp/ciqdesk-pg}
PORT=${2:-54329}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "PostgreSQL not installed: apt-get install -y postgresql" >&2; exit 1; }
RUN=()
if [ "$(id -u)" = 0 ]; then RUN=(runuser -u postgres --); fi
if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    "${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U ciqdesk --auth=trust -E UTF8 \
      --locale=C.UTF-8 >/dev/null
  fi
  "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o \
    "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" \
    start >/dev/null
fi
"$BIN/psql" -h 127.0.0.1 -p "$PORT" -U ciqdesk -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='ciqdesk_test'" | grep -q 1 ||
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U ciqdesk ciqdesk_test
echo "postgresql+psycopg://ciqdesk@127.0.0.1:$PORT/ciqdesk_test"
