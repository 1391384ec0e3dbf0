#!/usr/bin/env bash
# Start-to-first-frame of the real board in a real terminal (tmux), with the release binary.
# Usage: scripts/measure-startup.sh [IDEAS] [RUNS]. Builds the release binary (or uses $PROEFTUIN_BIN), generates the data set
# with `proeftuin demo --ideas`, then starts the board RUNS times in a 200x60 tmux pane and polls the
# screen until the last column title has been drawn. Prints each time and the median in milliseconds.
set -euo pipefail
ideas=${1:-10000}
runs=${2:-10}
cd "$(dirname "$0")/.."
# PROEFTUIN_BIN: an already built release binary (for example .build-release/release/proeftuin); else build one.
if [ -n "${PROEFTUIN_BIN:-}" ]; then
    bin=$(realpath "$PROEFTUIN_BIN")
else
    swift build -c release --product proeftuin >/dev/null
    bin=$(swift build -c release --show-bin-path)/proeftuin
fi
work=$(mktemp -d)
trap 'tmux -L startup kill-server 2>/dev/null; rm -rf "$work"' EXIT
"$bin" demo --ideas "$ideas" --data-dir "$work/data" >/dev/null
"$bin" backup --data-dir "$work/data" >/dev/null   # today's backup exists: every run is a later start of the day
times=()
for run in $(seq 1 "$runs"); do
    # FIRST_START_OF_DAY=1: no backup of today, so every run makes the daily backup as the first start of a day does.
    if [ "${FIRST_START_OF_DAY:-0}" = 1 ]; then rm -rf "$work/data/backups"; fi
    start=$(date +%s%N)
    tmux -L startup new-session -d -x 200 -y 60 -s s "env TERM=tmux-256color LANG=C.UTF-8 '$bin' --data-dir '$work/data' --lang en; sleep 5"
    until tmux -L startup capture-pane -p -t s 2>/dev/null | grep -q "Stopped [0-9]"; do :; done
    end=$(date +%s%N)
    tmux -L startup kill-server
    times+=($(( (end - start) / 1000000 )))
    echo "run $run: ${times[-1]} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( ${#sorted[@]} / 2 ))]} ms (includes starting tmux and polling its screen)"
