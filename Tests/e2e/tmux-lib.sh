# Helpers both end-to-end scripts share: a private tmux server, panes that stay after their program ends, the screen,
# keys, the CLI on a data directory, and counting scenarios. Sourced after WORK, SOCKET, BIN, passed and failed are set.
# EXTRA_PANES: suffixes of panes a scenario may open beside its own ("anne bram"), closed with it.

tm() { tmux -u -L "$SOCKET" "$@"; }

# One idle session for the whole run, so the server never exits between scenarios (a new client racing a
# server that is shutting down gets "server exited unexpectedly").
tm new-session -d -s keepalive "sleep 100000"

# start_pane NAME DATA_DIR WIDTH HEIGHT COMMAND...: runs a command in a fresh pane that stays after exit.
start_pane() {
    local name=$1 data=$2 width=$3 height=$4
    shift 4
    tm new-session -d -x "$width" -y "$height" -s "$name" \
        "cd '$WORK'; env TERM=tmux-256color PROEFTUIN_DATA_DIR='$data' XDG_CONFIG_HOME='$WORK/config' $*; echo EXIT=\$?; sleep 60"
}

screen() { tm capture-pane -p -t "$1" 2>&1; }

# wait_for NAME TEXT [SECONDS]: polls the screen until TEXT appears.
wait_for() {
    local name=$1 text=$2 limit=${3:-10} i
    for ((i = 0; i < limit * 20; i++)); do
        screen "$name" | grep -qF -- "$text" && return 0
        sleep 0.05
    done
    echo "  waited ${limit}s for: $text"
    echo "  ---- screen of $name ----"
    screen "$name" | sed 's/^/  | /'
    return 1
}

# wait_for_wrapped NAME TEXT: the same for text the pane may have wrapped onto the next line (a shell's words printed
# where a full-screen program left its cursor).
wait_for_wrapped() {
    local name=$1 text=$2 i
    for ((i = 0; i < 200; i++)); do
        screen "$name" | tr -d '\n' | grep -qF -- "$text" && return 0
        sleep 0.05
    done
    echo "  waited 10s for: $text"
    screen "$name" | sed 's/^/  | /'
    return 1
}

keys() { tm send-keys -t "$@"; }

# type_fields SESSION TEXT...: types each text into a form field (an empty one keeps the pre-filled value), Tab between.
type_fields() {
    local s=$1 first=1
    shift
    for text in "$@"; do
        [ $first -eq 1 ] || keys $s Tab
        first=0
        [ -n "$text" ] && keys $s -l "$text"
    done
    return 0
}

cli() { env PROEFTUIN_DATA_DIR="$1" XDG_CONFIG_HOME="$WORK/config" "$BIN" "${@:2}"; }

# run_test NAME FUNCTION: runs one scenario and counts it.
run_test() {
    if "$2"; then
        passed=$((passed + 1))
        echo "ok - $1"
    else
        failed=$((failed + 1))
        echo "not ok - $1"
    fi
    tm kill-session -t "$2" 2>/dev/null
    for pane in ${EXTRA_PANES:-}; do tm kill-session -t "$2-$pane" 2>/dev/null; done
    return 0
}
