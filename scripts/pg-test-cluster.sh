#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on 127.0.0.1 at a free port, trusting loopback logins.
#   scripts/pg-test-cluster.sh start   creates and starts it (once), prints its URL
#   scripts/pg-test-cluster.sh url     prints the URL of the running cluster
#   scripts/pg-test-cluster.sh stop    stops it and removes its directory
#   scripts/pg-test-cluster.sh pause   stops the server, keeping its data (a server that went away, for the tests)
#   scripts/pg-test-cluster.sh resume  starts it again on the same port
# Tests read the URL from PROEFTUIN_TEST_DATABASE_URL:
#   export PROEFTUIN_TEST_DATABASE_URL=$(scripts/pg-test-cluster.sh start)
# The cluster lives in PROEFTUIN_PG_CLUSTER_DIR (default: proeftuin-pg-test in the temp directory). Run as root, the server
# runs as the `postgres` user. initdb and pg_ctl come from PATH, else from Debian's /usr/lib/postgresql/*/bin.
set -euo pipefail

dir=${PROEFTUIN_PG_CLUSTER_DIR:-${TMPDIR:-/tmp}/proeftuin-pg-test}

tool() {
    if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$found" ]; then echo "pg-test-cluster: $1 not found (install Debian's postgresql)" >&2; exit 1; fi
    echo "$found"
}

# Runs a server tool as the postgres user when we are root (the server refuses to run as root).
as_server() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() {
    [ -f "$dir/port" ] || { echo "pg-test-cluster: no cluster in $dir (run start)" >&2; exit 1; }
    echo "postgresql://postgres@127.0.0.1:$(cat "$dir/port")/postgres?sslmode=disable"
}

running() {
    [ -f "$dir/data/postmaster.pid" ] && as_server "$(tool pg_ctl)" -D "$dir/data" status >/dev/null 2>&1
}

# Starts the server of the cluster in $dir on its port.
launch() {
    as_server "$(tool pg_ctl)" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $(cat "$dir/port") -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
}

case "${1:-}" in
start)
    if running; then url; exit 0; fi
    rm -rf "$dir"
    mkdir -p "$dir/socket"
    if [ "$(id -u)" = 0 ]; then chown -R postgres: "$dir"; fi
    as_server "$(tool initdb)" -D "$dir/data" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' >"$dir/port"
    launch
    url
    ;;
pause)
    if running; then as_server "$(tool pg_ctl)" -D "$dir/data" -m fast -w stop >/dev/null; fi
    ;;
resume)
    if ! running; then launch; fi
    ;;
url)
    url
    ;;
stop)
    if running; then as_server "$(tool pg_ctl)" -D "$dir/data" -m fast -w stop >/dev/null; fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|url|stop|pause|resume" >&2
    exit 2
    ;;
esac
