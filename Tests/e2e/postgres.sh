#!/usr/bin/env bash
# End-to-end tests of a portfolio on a PostgreSQL server: two boards (two processes) on one database, a server that
# goes away and comes back, `migrate --to`, and many CLI writers at once, against the real `proeftuin` binary and a
# throw-away cluster (scripts/pg-test-cluster.sh, in its own directory, stopped at the end).
# Usage: Tests/e2e/postgres.sh [path/to/proeftuin]. Prints "N passed, N failed"; exits non-zero on failure.
set -u
export LANG=C.UTF-8 LC_ALL=C.UTF-8
BIN=${1:-${PROEFTUIN_BIN:-$(swift build --show-bin-path)/proeftuin}}
HERE=$(cd "$(dirname "$0")" && pwd)
CLUSTER="$HERE/../../scripts/pg-test-cluster.sh"
[ -x "$BIN" ] || { echo "e2e: no proeftuin binary at $BIN (build first)"; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")   # the panes run in a work folder
for tool in tmux psql python3; do
    command -v $tool >/dev/null || { echo "e2e: $tool is not installed"; exit 2; }
done
WORK=$(mktemp -d)
SOCKET="proeftuin-postgres-$$"
# The server runs as another user when this runs as root: its directory is not inside WORK (private to this user).
export PROEFTUIN_PG_CLUSTER_DIR=${TMPDIR:-/tmp}/proeftuin-pg-e2e-$$
passed=0
failed=0
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null; "$CLUSTER" stop; rm -rf "$WORK"' EXIT
SERVER=$("$CLUSTER" start) || { echo "e2e: the PostgreSQL cluster did not start"; exit 2; }

EXTRA_PANES="b"
. "$HERE/tmux-lib.sh"

# database NAME: a new, empty database on the cluster; prints its URL.
database() {
    psql -q "$SERVER" -c "CREATE DATABASE $1" >/dev/null || return 1
    echo "${SERVER/\/postgres\?//$1?}"
}

# now_ms: milliseconds since the epoch.
now_ms() { date +%s%3N; }

a_move_on_one_board_shows_on_the_other_within_a_second() {
    local s=a_move_on_one_board_shows_on_the_other_within_a_second db started elapsed
    db=$(database twoboards) || return 1
    cli "$WORK/a" --database "$db" add "Buurtkamer" >/dev/null || { echo "  add failed"; return 1; }
    start_pane $s "$WORK/a" 80 24 "'$BIN' --database '$db' --lang nl"
    start_pane $s-b "$WORK/b" 80 24 "'$BIN' --database '$db' --lang nl"
    wait_for $s "Buurtkamer" || return 1
    wait_for $s-b "Buurtkamer" || return 1
    keys $s L && wait_for $s "#1 naar Experiment" || return 1
    type_fields $s "samen eten helpt" "pilot in Zuid" "deelnemers per week" "minstens 12" "Fatima" "" "2500" "6w" "buren" "vrijwillig meedoen" "iemand klaagt" "veilig genoeg"
    keys $s Enter && wait_for $s "#1 verplaatst naar Experiment" || return 1
    started=$(now_ms)   # the move is saved and shown on the first board
    wait_for $s-b "Het bord is bijgewerkt met wijzigingen van elders" 5 || return 1
    elapsed=$(( $(now_ms) - started ))
    echo "  the other board showed the move ${elapsed} ms after the first one did"
    [ "$elapsed" -lt 1000 ] || { echo "  too slow: ${elapsed} ms (at most 1,000)"; return 1; }
    screen $s-b | grep -q "Experi.* 1/5" || { echo "  the other board's count did not change"; screen $s-b; return 1; }
    cli "$WORK/b" --database "$db" history 1 | grep -q "veilig genoeg" || { echo "  the reason is not in the history"; return 1; }
    keys $s q && wait_for $s "EXIT=0" || return 1
    keys $s-b q && wait_for $s-b "EXIT=0"
}

a_board_whose_server_goes_away_stays_open_read_only_and_reconnects() {
    local s=a_board_whose_server_goes_away_stays_open_read_only_and_reconnects db
    db=$(database away) || return 1
    cli "$WORK/c" --database "$db" add "Schuldhulp thuis" >/dev/null || return 1
    start_pane $s "$WORK/c" 80 24 "'$BIN' --database '$db' --lang nl"
    wait_for $s "Schuldhulp thuis" || return 1
    "$CLUSTER" pause
    keys $s n && wait_for $s "Nieuw idee" || return 1
    keys $s -l "Fietsmaatjes" && keys $s C-s
    wait_for $s "alleen-lezen: geen verbinding" 10 || return 1
    wait_for $s "Geen verbinding met de database: alleen-lezen; wat u typte blijft bewaard" || return 1
    wait_for $s "Titel" || { echo "  the form was closed"; return 1; }
    screen $s | grep -q "Fietsmaatjes" || { echo "  the typed title is gone"; screen $s; return 1; }
    "$CLUSTER" resume
    wait_for $s "Weer verbonden met de database" 10 || return 1
    wait_for $s "Weer verbonden, maar nog niet opgeslagen: Ctrl-S slaat op" || return 1
    keys $s C-s
    wait_for $s "#2 Fietsmaatjes" 10 || return 1
    if screen $s | grep -q "alleen-lezen"; then echo "  still read-only after the server came back"; screen $s; return 1; fi
    keys $s q && wait_for $s "EXIT=0" || return 1
    cli "$WORK/c" --database "$db" list --format csv | grep -q "Fietsmaatjes" || { echo "  the idea typed while the server was away was lost"; return 1; }
}

migrate_copies_a_portfolio_losslessly() {
    local db
    db=$(database migrated) || return 1
    cli "$WORK/m" demo >/dev/null || return 1
    cli "$WORK/m" migrate --to "$db" --lang nl >"$WORK/m.out" 2>&1 || { cat "$WORK/m.out"; return 1; }
    grep -q "gekopieerd naar postgresql://" "$WORK/m.out" || { cat "$WORK/m.out"; return 1; }
    cli "$WORK/m" export --include-personal >"$WORK/local.json" || return 1
    cli "$WORK/m" --database "$db" export --include-personal >"$WORK/server.json" || return 1
    cmp -s "$WORK/local.json" "$WORK/server.json" || { echo "  the exports differ"; diff "$WORK/local.json" "$WORK/server.json" | head -20; return 1; }
    # A second copy into the same, no longer empty, database is refused and changes nothing.
    if cli "$WORK/m" migrate --to "$db" >"$WORK/m2.out" 2>&1; then echo "  a second migrate was not refused"; return 1; fi
    cli "$WORK/m" --database "$db" export --include-personal | cmp -s - "$WORK/server.json" || { echo "  the refused copy changed the server"; return 1; }
}

four_times_250_writers_lose_nothing() {
    local db writer i count
    db=$(database writers) || return 1
    local started
    started=$(now_ms)
    for writer in 1 2 3 4; do
        (for ((i = 1; i <= 250; i++)); do
            # Warnings (a likely duplicate) go to standard error; only a failed command counts.
            cli "$WORK/w$writer" --database "$db" add "Schrijver $writer idee $i" >/dev/null 2>"$WORK/w$writer.last" \
                || { echo "writer $writer, idea $i:"; cat "$WORK/w$writer.last"; } >>"$WORK/writers.err"
        done) &
    done
    wait
    echo "  1,000 adds from 4 processes took $(( $(now_ms) - started )) ms"
    if [ -s "$WORK/writers.err" ]; then echo "  some writes failed:"; head -5 "$WORK/writers.err"; return 1; fi
    count=$(cli "$WORK/w1" --database "$db" list --format csv | tail -n +2 | grep -c "Schrijver [1-4] idee [0-9]*")
    [ "$count" -eq 1000 ] || { echo "  $count of 1000 ideas stored"; return 1; }
    count=$(cli "$WORK/w1" --database "$db" list --format csv | tail -n +2 | cut -d, -f2 | sort -u | wc -l)
    [ "$count" -eq 1000 ] || { echo "  $count distinct titles of 1000"; return 1; }
    count=$(psql -tA "$db" -c "SELECT count(*) FROM event WHERE kind = 'created'")
    [ "$count" -eq 1000 ] || { echo "  $count 'created' events of 1000"; return 1; }
}

run_test "two boards on one PostgreSQL database: a move on one shows on the other within a second" a_move_on_one_board_shows_on_the_other_within_a_second
run_test "a board whose server goes away stays open read-only, keeps what was typed and reconnects" a_board_whose_server_goes_away_stays_open_read_only_and_reconnects
run_test "migrate --to copies a portfolio losslessly: the exports of both sides are identical" migrate_copies_a_portfolio_losslessly
run_test "4 × 250 CLI writers from separate processes lose nothing" four_times_250_writers_lose_nothing

echo "postgres: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
