#!/usr/bin/env bash
# The portfolio view in a real terminal (tmux), with a release binary: `p` on the board to the view's first frame, and
# to its figures. Usage: scripts/measure-portfolio.sh DATA_DIR [RUNS]. DATA_DIR holds a portfolio (for example from
# `proeftuin demo --ideas 100000 --data-dir DATA_DIR`); $PROEFTUIN_BIN is the binary (default: the release build).
# Each run starts the board at 200x60, waits for its first frame, waits WAIT seconds more (default 0; 5 lets a
# background computation finish first), presses p, and polls the screen. It prints per run: key to the view, key to
# its figures (the matrix heading), and the board process's CPU seconds (user + system) for the whole run.
set -euo pipefail
data=$(realpath "$1")
runs=${2:-3}
wait=${WAIT:-0}
cd "$(dirname "$0")/.."
bin=$(realpath "${PROEFTUIN_BIN:-.build-release/release/proeftuin}")
work=$(mktemp -d)
trap 'tmux -L portfolio kill-server 2>/dev/null; rm -rf "$work"' EXIT
now() { date +%s%N; }
for run in $(seq 1 "$runs"); do
    tmux -L portfolio new-session -d -x 200 -y 60 -s s \
        "env TERM=tmux-256color LANG=C.UTF-8 /usr/bin/time -f '%U %S' -o '$work/cpu' '$bin' --data-dir '$data' --lang en; sleep 30"
    until tmux -L portfolio capture-pane -p -t s 2>/dev/null | grep -q "Stopped [0-9]"; do :; done
    sleep "$wait"
    start=$(now)
    tmux -L portfolio send-keys -t s p
    until tmux -L portfolio capture-pane -p -t s | grep -q "^ Portfolio · "; do :; done
    view=$(now)
    until tmux -L portfolio capture-pane -p -t s | grep -q "Ideas per theme and stage"; do :; done
    figures=$(now)
    tmux -L portfolio send-keys -t s q
    sleep 0.3
    tmux -L portfolio send-keys -t s q
    until [ -s "$work/cpu" ]; do sleep 0.05; done
    cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$work/cpu")
    rm -f "$work/cpu"
    tmux -L portfolio kill-server
    sleep 0.5
    echo "run $run: key to view $(( (view - start) / 1000000 )) ms, key to figures $(( (figures - start) / 1000000 )) ms, board CPU ${cpu} s"
done
