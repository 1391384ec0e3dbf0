#!/usr/bin/env bash
# End-to-end tests of the real `proeftuin` binary in a real terminal (tmux): keys in, screen out.
# Usage: Tests/e2e/board.sh [path/to/proeftuin]. Prints "N passed, N failed"; exits non-zero on failure.
set -u
export LANG=C.UTF-8 LC_ALL=C.UTF-8
BIN=${1:-${PROEFTUIN_BIN:-$(swift build --show-bin-path)/proeftuin}}
[ -x "$BIN" ] || { echo "e2e: no proeftuin binary at $BIN (build first)"; exit 2; }
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"  # the panes start elsewhere: a relative path would not be found
command -v tmux >/dev/null || { echo "e2e: tmux is not installed"; exit 2; }
WORK=$(mktemp -d)
SOCKET="proeftuin-e2e-$$"
passed=0
failed=0
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT

. "$(dirname "$0")/tmux-lib.sh"

# start NAME DATA_DIR COMMAND...: runs a command in a fresh 120x35 pane that stays after exit.
start() {
    local name=$1 data=$2
    shift 2
    start_pane "$name" "$data" 120 35 "$@"
}

add_move_quit_reopen() {
    local data="$WORK/flow" s=add_move_quit_reopen
    start $s "$data" "'$BIN'"
    wait_for $s "Proposed 0" || return 1
    keys $s n && wait_for $s "New idea" || return 1
    keys $s -l "Fietsmaatjes" && keys $s Tab && keys $s -l "Samen fietsen met ouderen" && keys $s C-s
    wait_for $s "Added #1" || return 1
    wait_for $s "Proposed 1" || return 1
    keys $s L && wait_for $s "Move #1 to Experimenting" || return 1
    type_fields $s "samen fietsen helpt" "pilot in Noord" "deelnemers" "minstens 20" "Sanne" "" "2500" "6w" "buren" "vrijwillig meedoen" "iemand klaagt" "pilot in Noord"
    keys $s Enter
    wait_for $s "Moved #1 to Experimenting" || return 1
    wait_for $s "Experimenting 1/5" || return 1
    keys $s q && wait_for $s "EXIT=0" || return 1
    cli "$data" show 1 --format json | grep -q '"stage" : "experimenting"' || { echo "  stage not saved"; return 1; }
    cli "$data" history 1 | grep -q "pilot in Noord" || { echo "  reason not in history"; return 1; }
    tm kill-session -t $s
    start $s "$data" "'$BIN'"
    wait_for $s "Experimenting 1/5" || return 1
    wait_for $s "Fietsmaatjes" || return 1
    keys $s l Enter && wait_for $s "Samen fietsen met ouderen" || return 1
    wait_for $s "Proposed → Experimenting: pilot in Noord" || return 1
    wait_for $s "We believe that: samen fietsen helpt" || return 1
    keys $s Escape q && wait_for $s "EXIT=0"
}

proposed_to_scaling_through_the_gates() {
    local data="$WORK/gates" s=proposed_to_scaling_through_the_gates
    cli "$data" add "Buurtkamer" >/dev/null
    start $s "$data" "'$BIN'"
    wait_for $s "Buurtkamer" || return 1
    keys $s L && wait_for $s "Move #1 to Experimenting" || return 1
    keys $s C-s && wait_for $s "Still missing: we believe that" || return 1
    type_fields $s "samen eten helpt" "pilot in Zuid" "deelnemers per week" "minstens 12 deelnemers" "Fatima" "" "2500" "6w" "buren" "vrijwillig meedoen" "iemand klaagt" "veilig genoeg om te proberen"
    keys $s Enter && wait_for $s "Moved #1 to Experimenting" || return 1
    keys $s Enter M && wait_for $s "Measurement for #1" || return 1
    keys $s Tab && keys $s -l "9,5" && keys $s C-s
    wait_for $s "Measurement added to #1" || return 1
    wait_for $s "9.5" || return 1
    wait_for $s "target 12" || return 1
    keys $s Escape L && wait_for $s "Move #1 to Learning" || return 1
    type_fields $s "wekelijks tien vaste gasten" "ophalen werkt" "elke wijk een buurtkamer" "meetperiode klaar"
    keys $s Enter && wait_for $s "Moved #1 to Learning" || return 1
    keys $s L && wait_for $s "Consent to scale #1" || return 1
    wait_for $s "elke wijk een buurtkamer" || return 1
    keys $s Tab && keys $s -l "Fatima" && keys $s Tab Tab Tab && keys $s -l "effect aangetoond"
    keys $s C-o && wait_for $s "Objection" || return 1
    keys $s -l "Financiën" && keys $s Tab && keys $s -l "dekking onzeker" && keys $s Enter
    wait_for $s "1. Financiën: dekking onzeker" || return 1
    keys $s Enter && wait_for $s "No consent yet" || return 1
    keys $s y a && wait_for $s "How was the proposal amended?" || return 1
    keys $s End && keys $s -l ", evaluatie na zes maanden" && keys $s Enter && keys $s -l "evaluatie toegevoegd" && keys $s Enter
    wait_for $s "qualified, amended: evaluatie toegevoegd" || return 1
    wait_for $s "elke wijk een buurtkamer, evaluatie na zes maanden" || return 1
    keys $s Enter && wait_for $s "Moved #1 to Scaling" || return 1
    keys $s q && wait_for $s "EXIT=0" || return 1
    local history
    history=$(cli "$data" history 1)
    for step in "Proposed → Experimenting: veilig genoeg om te proberen" "Experimenting → Learning: meetperiode klaar" \
                "Learning → Scaling: effect aangetoond" "measured" "decision"; do
        echo "$history" | grep -qF "$step" || { echo "  history lacks: $step"; echo "$history"; return 1; }
    done
    cli "$data" show 1 --format json | grep -q '"outcome" : "consented"' || { echo "  no consented decision"; return 1; }
    cli "$data" show 1 --format json | grep -q '"previousProposal" : "elke wijk een buurtkamer"' || { echo "  old proposal lost"; return 1; }
}

undo_and_redo() {
    local data="$WORK/undo" s=undo_and_redo
    cli "$data" add "Terugdraaien" >/dev/null
    start $s "$data" "'$BIN'"
    wait_for $s "Terugdraaien" || return 1
    keys $s L && wait_for $s "Move #1 to Experimenting" || return 1
    type_fields $s "h" "a" "m" "s" "o" "" "2500" "6w" "buren" "vrijwillig meedoen" "iemand klaagt" "proberen"
    keys $s Enter
    wait_for $s "Experimenting 1/5" || return 1
    keys $s u && wait_for $s "Undone" && wait_for $s "Proposed 1" || return 1
    cli "$data" show 1 --format json | grep -q '"stage" : "proposed"' || { echo "  undo not saved"; return 1; }
    if cli "$data" show 1 --format json | grep -q '"testCard"'; then echo "  undo left the cycle"; return 1; fi
    keys $s U && wait_for $s "Redone" && wait_for $s "Experimenting 1/5" || return 1
    keys $s q && wait_for $s "EXIT=0"
}

dutch_demo() {
    local s=dutch_demo
    start $s "$WORK/unused" "'$BIN' --demo --lang nl"
    wait_for $s "Voorgesteld" || return 1
    wait_for $s "ideeën" || return 1
    wait_for $s "Opschalen" || return 1
    # The portfolio view opens at once; its figures, computed in the background, fill it in.
    keys $s p && wait_for $s "Ideeën per thema en fase" || return 1
    wait_for $s "Trechter" || return 1
    keys $s q && wait_for $s "Opschalen" || return 1
    keys $s "?" && wait_for $s "Hulp: toetsen" || return 1
    keys $s Escape q && wait_for $s "Het demoportfolio blijft bewaard in"
}

filter_and_detail() {
    local data="$WORK/filter" s=filter_and_detail
    cli "$data" demo >/dev/null
    start $s "$data" "'$BIN'"
    wait_for $s "Proposed 23" || return 1
    keys $s / && keys $s -l "schuld" && wait_for $s "Proposed 5" || return 1
    keys $s Enter && wait_for $s "filter: schuld" || return 1
    keys $s Escape && wait_for $s "Proposed 23" || return 1
    keys $s q && wait_for $s "EXIT=0"
}

resize_to_narrow_and_tiny() {
    local data="$WORK/resize" s=resize_to_narrow_and_tiny
    cli "$data" demo >/dev/null
    start $s "$data" "'$BIN'"
    wait_for $s "Stopped 6" || return 1
    tm resize-window -t $s -x 50 -y 12
    wait_for $s "Pro 23 │ Exp 9 │ Lea 7" || return 1
    tm resize-window -t $s -x 30 -y 8
    wait_for $s "Terminal too small" || return 1
    tm resize-window -t $s -x 1 -y 1
    sleep 0.3
    tm resize-window -t $s -x 120 -y 35
    wait_for $s "Stopped 6" || return 1
    keys $s q && wait_for $s "EXIT=0"
}

ctrl_c_on_the_board_quits_and_restores_the_terminal() {
    local data="$WORK/signals" s=ctrl_c_on_the_board_quits_and_restores_the_terminal
    cli "$data" add "Signaal" >/dev/null
    # Ctrl-C is a key to the board (it cancels forms); on the board it quits like q.
    tm new-session -d -x 120 -y 35 -s $s \
        "env TERM=tmux-256color '$BIN' --data-dir '$data'; echo EXIT=\$?; stty -a | grep -Eq '(^| )echo( |;|\$)' && echo ECHO_ON; stty -a | grep -Eq 'intr = \\^C' && echo INTR_ON; sleep 60"
    wait_for $s "Signaal" || return 1
    keys $s C-c
    wait_for $s "EXIT=0" || return 1
    wait_for $s "ECHO_ON" || return 1
    wait_for $s "INTR_ON"
}

# signal_restores_terminal SESSION SIGNAL DATA_SUFFIX EXIT: the board in a pane that reports its exit status and whether
# the terminal echoes again; SIGNAL is sent to the process found by its data directory (a unique suffix per test).
signal_restores_terminal() {
    local s=$1 signal=$2 data="$WORK/signals$3" code=$4
    tm new-session -d -x 120 -y 35 -s "$s" \
        "env TERM=tmux-256color '$BIN' --data-dir '$data'; echo EXIT=\$?; stty -a | grep -Eq '(^| )echo( |;|\$)' && echo ECHO_ON; sleep 60"
    wait_for "$s" "Signaal" || return 1
    pkill "-$signal" -f -- "--data-dir $data\$" || { echo "  no process to signal"; return 1; }
    wait_for "$s" "EXIT=$code" || return 1
    wait_for "$s" "ECHO_ON"
}

interrupt_restores_terminal() { signal_restores_terminal interrupt_restores_terminal INT //// 130; }

terminate_restores_terminal() { signal_restores_terminal terminate_restores_terminal TERM / 143; }

hangup_restores_terminal() { signal_restores_terminal hangup_restores_terminal HUP // 129; }

crash_restores_terminal() {
    local data="$WORK/signals" s=crash_restores_terminal
    tm new-session -d -x 120 -y 35 -s $s \
        "env TERM=tmux-256color PROEFTUIN_TEST_CRASH=after-first-frame SWIFT_BACKTRACE=enable=no '$BIN' --data-dir '$data'; echo EXIT=\$?; stty -a | grep -Eq '(^| )echo( |;|\$)' && echo ECHO_ON; sleep 60"
    wait_for $s "EXIT=13" || return 1
    wait_for $s "ECHO_ON"
}

killed_mid_import_keeps_the_database_whole() {
    local data="$WORK/killed" rows="$WORK/big.csv"
    { echo "title,description,theme"; for i in $(seq 1 20000); do echo "Idee $i,Een omschrijving van idee $i met wat tekst,Thema $((i % 8))"; done; } > "$rows"
    cli "$data" add "Er al" >/dev/null
    cli "$data" import "$rows" >/dev/null 2>&1 &
    local pid=$!
    sleep 0.4
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    cli "$data" doctor | grep -q "integrity: ok" || { echo "  integrity check failed"; cli "$data" doctor; return 1; }
    local count
    count=$(cli "$data" list --format csv | tail -n +2 | wc -l)
    [ "$count" -eq 1 ] || [ "$count" -eq 20001 ] || { echo "  partial import: $count ideas"; return 1; }
    local events
    events=$(cli "$data" info | awk '/^events/ {print $2}')
    [ "$events" -eq "$count" ] || { echo "  $events events for $count ideas"; return 1; }
}

killed_during_board_edits_keeps_the_database_whole() {
    local data="$WORK/burst" s=killed_during_board_edits_keeps_the_database_whole
    for i in 1 2 3 4 5 6; do cli "$data" add "Kaart $i" >/dev/null 2>&1; done
    tm new-session -d -x 120 -y 35 -s $s "env TERM=tmux-256color '$BIN' --data-dir '$data///'; sleep 60"
    wait_for $s "Kaart 6" || return 1
    for i in $(seq 1 40); do keys $s J J K u U j; done
    pkill -KILL -f -- "--data-dir $data///\$"
    sleep 0.3
    cli "$data" doctor | grep -q "integrity: ok" || { echo "  integrity check failed"; return 1; }
    [ "$(cli "$data" list --format csv | tail -n +2 | wc -l)" -eq 6 ] || { echo "  cards lost"; return 1; }
}

concurrent_cli_writers() {
    local data="$WORK/writers"
    cli "$data" info >/dev/null
    for w in 1 2 3 4; do
        ( for i in $(seq 1 250); do
            cli "$data" add "Schrijver $w idee $i" >/dev/null 2>"$WORK/writer-$w.err" || { echo "FAIL: $(cat "$WORK/writer-$w.err")" >> "$WORK/writers.err"; }
          done ) &
    done
    wait
    if [ -s "$WORK/writers.err" ]; then echo "  errors:"; head -5 "$WORK/writers.err"; return 1; fi
    local ideas events
    ideas=$(cli "$data" list --format csv | tail -n +2 | wc -l)
    events=$(cli "$data" info | awk '/^events/ {print $2}')
    [ "$ideas" -eq 1000 ] && [ "$events" -eq 1000 ] || { echo "  $ideas ideas, $events events"; return 1; }
}

read_only_directory_is_named() {
    local data="$WORK/readonly" out status
    cli "$data" add "Alleen lezen" >/dev/null 2>&1
    if [ "$(id -u)" -eq 0 ]; then
        # root may write anywhere: run the check as an unprivileged user who may read but not write.
        command -v runuser >/dev/null || { echo "  (no runuser: skipped)"; return 0; }
        chmod 755 "$WORK" "$data"
        chmod 644 "$data/proeftuin.sqlite"
        runuser -u nobody -- test -x "$BIN" || { echo "  (the binary is not reachable for nobody: skipped)"; return 0; }
        listed=$(runuser -u nobody -- env PROEFTUIN_DATA_DIR="$data" XDG_CONFIG_HOME=/nonexistent HOME=/nonexistent "$BIN" list 2>&1)
        out=$(runuser -u nobody -- env PROEFTUIN_DATA_DIR="$data" XDG_CONFIG_HOME=/nonexistent HOME=/nonexistent "$BIN" add "Schrijven" 2>&1)
        status=$?
        chmod 700 "$WORK"
    else
        chmod 500 "$data"
        listed=$(cli "$data" list 2>&1)
        out=$(cli "$data" add "Schrijven" 2>&1)
        status=$?
        chmod 700 "$data"
    fi
    # Reading works on a portfolio shared read-only; writing is refused with what to do.
    echo "$listed" | grep -q "Alleen lezen" || { echo "  list: $listed"; return 1; }
    [ "$status" -ne 0 ] || { echo "  exit status 0"; return 1; }
    echo "$out" | grep -q "is read-only: make it writable or choose another with --data-dir" || { echo "  message: $out"; return 1; }
}

dumb_term() {
    local s=dumb_term
    tm new-session -d -x 120 -y 35 -s $s "env TERM=dumb PROEFTUIN_DATA_DIR='$WORK/dumb' '$BIN'; echo EXIT=\$?; sleep 60"
    wait_for $s "The terminal type 'dumb' (TERM) cannot place the cursor" || return 1
    wait_for $s "EXIT=1"
}

restore_waits_for_an_open_board() {
    local data="$WORK/restore" s=restore_waits_for_an_open_board
    cli "$data" add "Voor de back-up" >/dev/null
    cli "$data" backup >/dev/null
    cli "$data" add "Na de back-up" >/dev/null
    start $s "$data" "'$BIN'"
    wait_for $s "Na de back-up" || return 1
    out=$(cli "$data" doctor --restore 2>&1) && { echo "  a restore went ahead under an open board"; return 1; }
    echo "$out" | grep -q "has the database in .* open: close it, then try again" || { echo "  message: $out"; return 1; }
    keys $s q && wait_for $s "EXIT=0" || return 1
    cli "$data" doctor --restore >/dev/null || { echo "  the restore after quitting failed"; return 1; }
    cli "$data" list | grep -q "Na de back-up" && { echo "  the backup was not restored"; return 1; }
    return 0
}

missing_term() {
    local s=missing_term
    tm new-session -d -x 120 -y 35 -s $s "env -u TERM PROEFTUIN_DATA_DIR='$WORK/noterm' '$BIN'; echo EXIT=\$?; sleep 60"
    wait_for $s "TERM environment variable is not set" || return 1
    wait_for $s "EXIT=1"
}

unknown_term() {
    local s=unknown_term
    tm new-session -d -x 120 -y 35 -s $s "env TERM=no-such-terminal PROEFTUIN_DATA_DIR='$WORK/noterm' '$BIN'; echo EXIT=\$?; sleep 60"
    wait_for $s "terminal type 'no-such-terminal' (TERM) is unknown" || return 1
    wait_for $s "EXIT=1"
}

hostile_title_is_shown_safely() {
    local data="$WORK/hostile" s=hostile_title_is_shown_safely
    cli "$data" add $'Boos\e]0;pwned\a\e[2J idee' >/dev/null
    cli "$data" edit 1 --description $'tekst\e[31m rood' >/dev/null
    start $s "$data" "'$BIN'"
    wait_for $s "Boos idee" || return 1
    if tm display-message -p -t $s '#{pane_title}' | grep -q pwned; then echo "  the title escape reached the terminal"; return 1; fi
    keys $s Enter && wait_for $s "tekst rood" || return 1
    keys $s Escape q && wait_for $s "EXIT=0"
}

sees_changes_from_another_program() {
    local data="$WORK/shared" s=sees_changes_from_another_program
    cli "$data" add "Eerste" >/dev/null
    start $s "$data" "'$BIN'"
    wait_for $s "Eerste" || return 1
    cli "$data" add "Van de CLI" >/dev/null
    wait_for $s "Van de CLI" 5 || return 1
    wait_for $s "changes made elsewhere" || return 1
    keys $s q && wait_for $s "EXIT=0"
}

colours_and_no_color() {
    local data="$WORK/colour" s=colours_and_no_color
    cli "$data" add "Kleur" >/dev/null
    start $s "$data" "'$BIN'"
    wait_for $s "Kleur" || return 1
    tm capture-pane -e -p -t $s | head -n 1 | grep -q $'\e\\[[0-9;]*4[0-7]m' || { echo "  no background colour in the header"; return 1; }
    keys $s q && wait_for $s "EXIT=0" || return 1
    tm kill-session -t $s
    start $s "$data" "NO_COLOR=1 '$BIN'"
    wait_for $s "Kleur" || return 1
    if tm capture-pane -e -p -t $s | grep -q $'\e\\[[0-9;]*[34][0-7]m'; then echo "  colours despite NO_COLOR"; return 1; fi
    tm capture-pane -e -p -t $s | grep -q $'\e\\[[0-9;]*7m' || { echo "  the selection is not in reverse video"; return 1; }
    keys $s q && wait_for $s "EXIT=0"
}

weighing_with_digits_only() {
    local data="$WORK/weigh" s=weighing_with_digits_only
    cli "$data" criteria create snel >/dev/null
    cli "$data" criteria add snel impact --weight 1 >/dev/null
    cli "$data" criteria add snel kosten --weight 1 --cost >/dev/null
    for title in Aanpak-A Aanpak-B Aanpak-C; do cli "$data" add "$title" >/dev/null; done
    start $s "$data" "'$BIN'"
    wait_for $s "Aanpak-C" || return 1
    keys $s Space j Space j Space && wait_for $s "3 marked for weighing" || return 1
    keys $s w && wait_for $s "New weighing session" || return 1
    wait_for $s "snel v3: impact, kosten" || return 1
    keys $s -l "Anne, Bram" && keys $s Enter
    wait_for $s "Participant 1/2: Anne │ blind" || return 1
    keys $s 5 1 3 3 1 5 && wait_for $s "Anne  6/6 ✓" || return 1
    keys $s Tab && wait_for $s "Participant 2/2: Bram" || return 1
    keys $s 4 2 3 3 2 4 && wait_for $s "Bram  6/6 ✓" || return 1
    keys $s r && wait_for $s "revealed" || return 1
    wait_for $s " 1. ██████ 1.00 #1 Aanpak-A" || return 1
    wait_for $s " 2. ███░░░ 0.50 #2 Aanpak-B" || return 1
    wait_for $s " 3. ░░░░░░ 0.00 #3 Aanpak-C" || return 1
    keys $s c && wait_for $s "Close and lock S1?" || return 1
    keys $s y && wait_for $s "S1 closed" || return 1
    keys $s Escape && wait_for $s "★1" || return 1
    keys $s q && wait_for $s "EXIT=0" || return 1
    cli "$data" session results 1 --format json | grep -q '"rank" : 1' || { echo "  no stored ranking"; return 1; }
}

# The room (issue 18): a facilitator runs 10 ideas × 5 criteria × 8 participants on a projector at 100×30 in Dutch.
projector_room_in_dutch() {
    local data="$WORK/room" s=projector_room_in_dutch
    cli "$data" demo >/dev/null || { echo "  demo failed"; return 1; }
    cli "$data" criteria edit sociaal-domein risico --veto 4 >/dev/null || { echo "  criteria edit failed"; return 1; }
    cli "$data" session new --set sociaal-domein --ideas 4,7,11,13,15,17,21,23,26,28 \
        --participants "Wethouder,Wijkteam Noord,Financiën,Inwonerspanel,Anne,Bram,Carla,Dirk" >/dev/null || { echo "  session new failed"; return 1; }
    # Everyone but the Wethouder (who types on the board) scored beforehand; #13 × impact divides the room 1 1 1 1 5 5 5.
    python3 - "$WORK/room.csv" <<'PY'
import sys
people = ["Wijkteam Noord", "Financiën", "Inwonerspanel", "Anne", "Bram", "Carla", "Dirk"]
ideas = [4, 7, 11, 13, 15, 17, 21, 23, 26, 28]
criteria = ["impact", "opgave", "haalbaarheid", "kosten", "risico"]
with open(sys.argv[1], "w") as out:
    out.write("participant,idea,criterion,score\n")
    for p, who in enumerate(people):
        for i, idea in enumerate(ideas):
            for c, name in enumerate(criteria):
                score = (1 if p < 3 else 5) if (idea == 13 and name == "impact") else 2 + (i + c + p) % 3
                out.write(f"{who},{idea},{name},{score}\n")
PY
    cli "$data" session import 3 "$WORK/room.csv" >/dev/null || { echo "  import failed"; return 1; }
    tm new-session -d -x 100 -y 30 -s $s \
        "cd '$WORK'; env TERM=tmux-256color PROEFTUIN_DATA_DIR='$data' XDG_CONFIG_HOME='$WORK/config' '$BIN' --lang nl; echo EXIT=\$?; sleep 60"
    wait_for $s "Voorgesteld" || return 1
    keys $s W && wait_for $s "Wegingen" || return 1
    keys $s Enter && wait_for $s "Deelnemer 1/8: Wethouder │ blind" || return 1
    keys $s p && wait_for $s "Voortgang" || return 1
    # The Wethouder's 50 scores, typed on the projector, then five more that must not land anywhere.
    local i
    for i in $(seq 1 10); do keys $s 3 4 2 3 2; done
    wait_for $s "Wethouder       ██████████ 50/50 ✓" || return 1
    keys $s 5 5 5 5 5 && wait_for $s "Laatste cel van Wethouder ingevuld" || return 1
    cli "$data" session results 3 --format json | grep -q '"participantsComplete" : 8' || { echo "  not all eight complete"; return 1; }
    # Blind: the grid shows marks and the pane counts; no score of anyone is on the screen.
    local grid
    grid=$(screen $s | sed -n '5,24p' | cut -c6-50)
    if echo "$grid" | grep -q '[0-9]'; then echo "  a score on the projector while blind:"; echo "$grid" | sed 's/^/  | /'; return 1; fi
    echo "$grid" | grep -q "●" || { echo "  no marks in the blind grid"; return 1; }
    if screen $s | grep -q "Rangschikking\|Kendall\|±"; then echo "  results on the projector while blind"; return 1; fi
    keys $s r && wait_for $s "Groep: gemiddelde ± sd │ zichtbaar" || return 1
    wait_for $s "Rangschikking · gewogen som · min-max" || return 1
    wait_for $s "Overeenstemming (Kendalls W): " || return 1
    wait_for $s "De top 3 " || return 1
    wait_for $s "Bespreken (grootste verschil eerst)" || return 1
    wait_for $s "impact: 1 1 1 3 5 5 5 5 · sd 2,0" || return 1
    wait_for $s "#13 Gezinscoach bij scheiding" || return 1
    if screen $s | grep -q "…\|▼"; then echo "  something is cut on the projector:"; screen $s | sed 's/^/  | /'; return 1; fi
    if screen $s | grep -q "Wethouder\|Anne"; then echo "  a named person's scores after the reveal"; return 1; fi
    # Re-vote on the divided cell: blind again, and the shift shows after the second reveal.
    # A note on the divided cell: Esc asks before the typed line goes, n returns to it, Enter keeps it.
    keys $s g j j j N && wait_for $s "Notitie bij #13 × impact:" || return 1
    keys $s -l "Bram kent de proef" && keys $s Escape && wait_for $s "Wijzigingen weggooien? j/n" || return 1
    keys $s n && wait_for $s "Notitie bij #13 × impact: Bram kent de proef" || return 1
    keys $s Enter && wait_for $s "Notitie bewaard bij #13 × impact" || return 1
    keys $s v && wait_for $s "#13 × impact gekozen voor de herstemming" || return 1
    keys $s V && wait_for $s "Herstemmen over 1 cel?" || return 1
    keys $s y && wait_for $s "ronde 2" || return 1
    wait_for $s "Voortgang · herstemming over 1 cel" || return 1
    for i in $(seq 1 8); do keys $s 4 Tab; done
    wait_for $s "Dirk            ██████████ 1/1 ✓" || return 1
    # The first key after the re-vote started counts: the Wethouder's 4 is there too.
    wait_for $s "Wethouder       ██████████ 1/1 ✓" || return 1
    keys $s r && wait_for $s "Herstemming: ronde 1 → ronde 2" || return 1
    wait_for $s "→ 4,0 (sd 2,0 → 0,0)" || return 1
    keys $s Escape q && wait_for $s "EXIT=0" || return 1
    cli "$data" session minutes 3 --lang nl | grep -q "## Herstemming (ronde 1 → ronde 2)" || { echo "  no re-vote in the minutes"; return 1; }
    cli "$data" session minutes 3 --lang nl | grep -q "#13 Gezinscoach bij scheiding × impact: Bram kent de proef" || { echo "  no note in the minutes"; return 1; }
}

# Shared use: a colleague's work is never undone by the board (issue: one application layer).
undo_keeps_a_colleagues_measurement() {
    local data="$WORK/shared-undo" s=undo_keeps_a_colleagues_measurement
    cli "$data" add "Fietsmaatjes" >/dev/null
    start $s "$data" "'$BIN'"
    wait_for $s "Fietsmaatjes" || return 1
    keys $s L && wait_for $s "Move #1 to Experimenting" || return 1
    type_fields $s "h" "a" "m" "s" "o" "" "2500" "6w" "buren" "vrijwillig meedoen" "iemand klaagt" "proberen"
    keys $s Enter
    wait_for $s "Experimenting 1/5" || return 1
    cli "$data" measure add 1 --date 2026-12-01 --value 7 --note "van collega" >/dev/null || { echo "  measure failed"; return 1; }
    keys $s u && wait_for $s "Nothing undone: #1 changed since: measured at" || return 1
    wait_for $s "and undo would remove that" || return 1
    wait_for $s "Experimenting 1/5" || return 1
    cli "$data" show 1 --format json | grep -q '"stage" : "experimenting"' || { echo "  the move was undone"; return 1; }
    cli "$data" show 1 --format json | grep -q 'van collega' || { echo "  the measurement is gone"; return 1; }
    cli "$data" history 1 --format json | grep -q '"program" : "board"' || { echo "  the board's move is not recorded as the board's"; return 1; }
    keys $s q && wait_for $s "EXIT=0"
}

undone_title_edit_keeps_a_colleagues_description() {
    local data="$WORK/shared-edit" s=undone_title_edit_keeps_a_colleagues_description
    cli "$data" add "Buurtkamer" --description "oud" >/dev/null
    start $s "$data" "'$BIN'"
    wait_for $s "Buurtkamer" || return 1
    keys $s e && wait_for $s "Edit #1" || return 1
    keys $s End && keys $s -l " Noord" && keys $s C-s
    wait_for $s "Saved #1" || return 1
    cli "$data" edit 1 --description "nieuw van collega" >/dev/null || { echo "  edit failed"; return 1; }
    keys $s u && wait_for $s "Undone" || return 1
    cli "$data" show 1 --format json | grep -q '"title" : "Buurtkamer"' || { echo "  the title edit was not undone"; return 1; }
    cli "$data" show 1 --format json | grep -q 'nieuw van collega' || { echo "  the colleague's description was lost"; return 1; }
    keys $s q && wait_for $s "EXIT=0"
}

weighing_sees_scores_from_another_program() {
    local data="$WORK/shared-weigh" s=weighing_sees_scores_from_another_program
    cli "$data" criteria create snel >/dev/null
    cli "$data" criteria add snel impact --weight 1 >/dev/null
    cli "$data" criteria add snel kosten --weight 1 --cost >/dev/null
    for title in Aanpak-A Aanpak-B Aanpak-C; do cli "$data" add "$title" >/dev/null 2>&1; done
    start $s "$data" "'$BIN'"
    wait_for $s "Aanpak-C" || return 1
    keys $s Space j Space j Space && wait_for $s "3 marked for weighing" || return 1
    keys $s w && wait_for $s "New weighing session" || return 1
    keys $s -l "Anne, Bram" && keys $s Enter
    wait_for $s "Participant 1/2: Anne │ blind" || return 1
    keys $s 5 1 3 3 1 5 && wait_for $s "Anne  6/6 ✓" || return 1
    sleep 1.5
    if screen $s | grep -q "changes made elsewhere"; then echo "  own scores reported as changes made elsewhere"; return 1; fi
    local idea criterion score
    for idea in 1 2 3; do
        for criterion in impact kosten; do
            score=$([ $criterion = impact ] && echo $((5 - idea)) || echo $((idea + 1)))
            cli "$data" session score 1 --participant bram --idea $idea --criterion $criterion --score $score >/dev/null \
                || { echo "  session score failed"; return 1; }
        done
    done
    wait_for $s "Bram  6/6 ✓" 1 || { echo "  the other program's scores did not show within a second"; return 1; }
    if screen $s | grep -q "changes made elsewhere"; then echo "  a notice on the projector"; return 1; fi
    keys $s r && wait_for $s "revealed" || return 1
    wait_for $s " 1. ██████ 1.00 #1 Aanpak-A" || return 1
    keys $s Escape q && wait_for $s "EXIT=0"
}

tampered_stage_is_named() {
    local data="$WORK/tampered" s=tampered_stage_is_named
    cli "$data" add "Eerste" >/dev/null
    cli "$data" add "Tweede" >/dev/null 2>&1
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE idea SET stage='bogus' WHERE id=2\"); c.commit()" \
        "$data/proeftuin.sqlite" || { echo "  could not tamper"; return 1; }
    local out
    out=$(cli "$data" list 2>&1) && { echo "  list succeeded on a tampered stage"; return 1; }
    echo "$out" | grep -q "idea #2: the stored stage 'bogus' cannot be read" || { echo "  list said: $out"; return 1; }
    out=$(cli "$data" --lang nl list 2>&1)
    echo "$out" | grep -q "Fout: idee #2: de opgeslagen waarde 'bogus' in veld stage is onleesbaar" || { echo "  Dutch list said: $out"; return 1; }
    start $s "$data" "'$BIN'"
    wait_for $s "idea #2: the stored stage 'bogus' cannot be read" || return 1
    keys $s q && wait_for $s "EXIT=0"
}

four_programs_open_a_fresh_directory_at_once() {
    local round k n
    for round in 1 2 3 4 5; do
        local data="$WORK/fresh-$round"
        for k in 1 2 3 4; do cli "$data" add "Idee $k" >"$WORK/fresh-$round-$k.log" 2>&1 & done
        wait
        n=$(cli "$data" list --format json | grep -c '"title"')
        [ "$n" -eq 4 ] || { echo "  round $round: $n ideas of 4"; cat "$WORK"/fresh-$round-*.log; return 1; }
    done
}

objections_from_two_programs_all_kept() {
    local data="$WORK/shared-objections" i
    cli "$data" add "Opschalen" >/dev/null
    cli "$data" decision new 1 --kind scale --proposal "In alle wijken" --responsible An --review-date 2027-06-01 >/dev/null
    for who in een twee; do
        ( for i in $(seq 1 20); do cli "$data" decision object 1 --who "$who" --text "bezwaar $i" >/dev/null || echo FAIL; done ) &
    done
    wait
    local count
    count=$(cli "$data" decision show 1 --format json | grep -c '"who"')
    [ "$count" -eq 40 ] || { echo "  $count objections of 40"; return 1; }
}

# The civil servant's board (issue: never lose typed work, usable at 80x24, one language per screen): Dutch at 80x24.

# start80 NAME DATA_DIR [ARGS...]: the board in Dutch in an 80x24 pane that stays after exit.
# Issue 13: ideas from outside wait in the inbox (✉, ✉! past triage-days) until accepted with a lokale opgave or declined.
inbox_badge_filter_and_accept() {
    local data="$WORK/nl-inbox" s=inbox_badge_filter_and_accept
    cli "$data" demo >/dev/null
    start80 $s "$data"
    wait_for $s "Proeftuin · 51 ideeën · ✉5" || return 1
    keys $s i && wait_for $s "Inbox: 5 te beoordelen" || return 1
    wait_for $s "Proeftuin · 51 ideeën · inbox · ✉5" || return 1
    screen $s | sed -n 2p | grep -qF "Voorgeste… 5 ┐" || { echo "  column: $(screen $s | sed -n 2p)"; return 1; }
    for badge in "#45 ✉ " "#46 ✉ " "#47 ✉!" "#48 ✉!" "#49 ✉ "; do
        screen $s | grep -qF -- "$badge" || { echo "  no badge '$badge'"; screen $s | sed 's/^/  | /'; return 1; }
    done
    keys $s A && wait_for $s "#45 aannemen met lokale opgave" || return 1
    keys $s -l "Onbekend" && keys $s Enter
    wait_for $s "'Onbekend' is geen van de lokale opgaven" || return 1   # refused: the prompt keeps what was typed
    keys $s C-u && keys $s -l "wonen" && keys $s Tab
    wait_for $s "#45 aannemen met lokale opgave (Tab: Wonen en wijk): Wonen en wijk" 3 ||
        wait_for $s "aannemen met lokale opgave: Wonen en wijk" || return 1
    keys $s Enter && wait_for $s "#45 aangenomen op het bord" || return 1
    wait_for $s "· inbox · ✉4" || return 1
    if screen $s | grep -qF "#45 ✉"; then echo "  #45 still in the inbox"; return 1; fi
    keys $s X && wait_for $s "#46 afwijzen; reden:" || return 1
    keys $s -l "Past beter bij het buurthuis" && keys $s Enter
    wait_for $s "#46 afgewezen en van het bord gehaald" || return 1
    wait_for $s "· inbox · ✉3" || return 1
    keys $s i && wait_for $s "Alle ideeën" || return 1
    wait_for $s "Proeftuin · 50 ideeën · ✉3" || return 1
    cli "$data" show 45 --format json | grep -q '"theme" : "Wonen en wijk"' || { echo "  theme not saved"; return 1; }
    cli "$data" history 46 | grep -q "Past beter bij het buurthuis" || { echo "  reason not in history"; return 1; }
    cli "$data" reply-list --format csv | grep -q "^46,.*,declined," || { echo "  not declined in reply-list"; return 1; }
    keys $s q && wait_for $s "EXIT=0"
}

start80() {
    local name=$1 data=$2
    shift 2
    tm new-session -d -x 80 -y 24 -s "$name" \
        "cd '$WORK'; env TERM=tmux-256color PROEFTUIN_DATA_DIR='$data' XDG_CONFIG_HOME='$WORK/config' '$BIN' --lang nl $*; echo EXIT=\$?; sleep 60"
}

footer_and_wip_counts_at_80x24() {
    local data="$WORK/nl80" s=footer_and_wip_counts_at_80x24
    cli "$data" demo >/dev/null
    start80 $s "$data"
    wait_for $s "Proeftuin · 51 ideeën" || return 1
    screen $s | tail -n 1 | grep -q "? hulp · q afsluiten" || { echo "  footer: $(screen $s | tail -n 1)"; return 1; }
    local header
    header=$(screen $s | sed -n 2p)
    for count in " 23 ┐" " 9/10 ┐" "Leren 7/8 " " 6/6 ┐" "Gestopt 6 "; do
        echo "$header" | grep -qF -- "$count" || { echo "  header lacks '$count': $header"; return 1; }
    done
    keys $s Enter && wait_for $s "M meting · d besluit · D bezwaren" || return 1
    screen $s | tail -n 1 | grep -q "? hulp · q terug" || return 1
    keys $s q p && wait_for $s "Voorgesteld  Experiment  Leren  Opschalen  Gestopt" || return 1
    keys $s q q && wait_for $s "EXIT=0"
}

escape_in_a_filled_form_asks() {
    local data="$WORK/nl-esc" s=escape_in_a_filled_form_asks
    cli "$data" add "Eerste" >/dev/null
    start80 $s "$data"
    wait_for $s "Eerste" || return 1
    keys $s n && wait_for $s "Nieuw idee" || return 1
    keys $s -l "Inloop in de bibliotheek" && keys $s Escape
    wait_for $s "Wijzigingen weggooien? j/n" || return 1
    keys $s n && wait_for $s "Titel          Inloop in de bibliotheek" || return 1
    keys $s Enter && keys $s -l "Elke dinsdag" && keys $s C-s
    wait_for $s "#2 toegevoegd" || return 1
    cli "$data" show 2 --format json | grep -q '"description" : "Elke dinsdag"' || { echo "  Enter did not move to the next field"; return 1; }
    keys $s n && keys $s Escape && wait_for $s "Enter open · n nieuw" || return 1   # an untouched form closes at once
    keys $s q && wait_for $s "EXIT=0"
}

ctrl_c_in_a_form_keeps_the_program_running() {
    local data="$WORK/nl-ctrlc" s=ctrl_c_in_a_form_keeps_the_program_running
    cli "$data" add "Eerste" >/dev/null
    start80 $s "$data"
    wait_for $s "Eerste" || return 1
    keys $s n && keys $s -l "Half getypt" && keys $s C-c
    wait_for $s "Wijzigingen weggooien? j/n" || return 1
    keys $s j && wait_for $s "Enter open · n nieuw" || return 1
    sleep 0.3
    if screen $s | grep -q "EXIT="; then echo "  the program ended"; return 1; fi
    keys $s n && keys $s C-c && wait_for $s "Enter open · n nieuw" || return 1
    if screen $s | grep -q "EXIT="; then echo "  the program ended"; return 1; fi
    keys $s C-c && wait_for $s "EXIT=0"
}

the_wip_prompts_escape_returns_to_the_filled_form() {
    local data="$WORK/nl-wip" s=the_wip_prompts_escape_returns_to_the_filled_form
    cli "$data" wip set experimenting 1 >/dev/null
    cli "$data" add "Al bezig" >/dev/null
    cli "$data" add "Nog een" >/dev/null 2>&1
    cli "$data" move 1 experimenting --reason start --hypothesis h --action a --metric m --success s --owner o --budget 500 --max-duration 6w --harm niemand --safeguard vrijwillig --stop-rule klachten \
        --review-date 2099-01-01 >/dev/null || { echo "  setup move failed"; return 1; }
    start80 $s "$data"
    wait_for $s "Nog een" || return 1
    keys $s L && wait_for $s "#2 naar Experiment" || return 1
    wait_for $s "Experiment zit aan de WIP-grens (1/1)" || return 1   # announced before anything is typed
    type_fields $s "buren helpen elkaar" "pilot in Noord" "deelnemers" "minstens 20" "Sanne" "" "2500" "6w" "buren" "vrijwillig meedoen" "iemand klaagt" "goed genoeg voor nu"
    keys $s C-s && wait_for $s "Reden om over de WIP-grens van Experiment (1) te gaan" || return 1
    keys $s Escape && wait_for $s "We geloven dat             buren helpen elkaar" || return 1
    wait_for $s "Reden                      goed genoeg voor nu" || return 1
    keys $s C-s && wait_for $s "Reden om over de WIP-grens van Experiment (1) te gaan" || return 1
    keys $s -l "wethouder wil het" && keys $s Enter
    wait_for $s "#2 verplaatst naar Experiment" || return 1
    cli "$data" history 2 --lang nl | grep -q "over de WIP-grens: wethouder wil het" || { echo "  override not in the history"; return 1; }
    keys $s q && wait_for $s "EXIT=0"
}

an_empty_board_shows_the_hint() {
    local s=an_empty_board_shows_the_hint
    start80 $s "$WORK/nl-empty"
    wait_for $s "Nog geen ideeën — n nieuw idee, ? hulp" || return 1
    keys $s F1 && wait_for $s "Hulp: toetsen" || return 1
    keys $s Escape F10 && wait_for $s "EXIT=0"
}

typed_work_survives_a_crash() {
    local data="$WORK/nl-crash" s=typed_work_survives_a_crash
    cli "$data" add "Eerste" >/dev/null
    start80 $s "$data"
    wait_for $s "Eerste" || return 1
    keys $s n && keys $s -l "Niet verloren" && keys $s Tab && keys $s -l "na een crash"
    wait_for $s "na een crash" || return 1
    sleep 0.3
    pkill -KILL -f -- "$BIN --lang nl" || { echo "  no board to kill"; return 1; }
    wait_for_wrapped $s "EXIT=137" || return 1
    tm kill-session -t $s
    start80 $s "$data"
    wait_for $s "Eerste" || return 1
    keys $s n && wait_for $s "Niet-opgeslagen werk teruggezet" || return 1
    wait_for $s "Titel          Niet verloren" || return 1
    # Back in the field that was being typed in: the next keys continue the description, not the title.
    keys $s -l " en verder" && wait_for $s "na een crash en verder" || return 1
    wait_for $s "Titel          Niet verloren" || return 1
    keys $s C-s && wait_for $s "#2 toegevoegd" || return 1
    ls "$data/drafts/"*/ | grep -q json && { echo "  the draft stayed after saving"; return 1; }
    keys $s q && wait_for $s "EXIT=0"
}

a_case_note_is_masked_before_it_is_saved() {
    local data="$WORK/nl-case" s=a_case_note_is_masked_before_it_is_saved
    cli "$data" add "Schuldhulp" --submitter "Fatima El Amrani" >/dev/null
    start80 $s "$data"
    wait_for $s "Schuldhulp" || return 1
    keys $s Enter && wait_for $s "Geschiedenis" || return 1
    keys $s C && wait_for $s "Casus bij #1" || return 1
    keys $s Tab && keys $s -l "Mevrouw El Amrani belde met 06-12345678"
    wait_for $s "Gevonden: telefoonnummer 06-12345678" || return 1
    keys $s C-s && wait_for $s "De casus bevat persoonsgegevens (naam, telefoonnummer)" || return 1
    wait_for $s "Mevrouw El Amrani belde met 06-12345678" || return 1   # nothing typed is lost
    keys $s C-k && wait_for $s "Mevrouw [naam] belde met [telefoon]" || return 1
    keys $s C-s && wait_for $s "Casus toegevoegd aan #1" || return 1
    wait_for $s "Casuïstiek" || return 1
    cli "$data" case list 1 | grep -qF "Mevrouw [naam] belde met [telefoon]" || { echo "  masked note not saved"; return 1; }
    keys $s Escape q && wait_for $s "EXIT=0"
}

run_test "add a card, move it with a reason, quit, reopen" add_move_quit_reopen
run_test "undo and redo a move" undo_and_redo
run_test "proposed to scaling through test card, measurement, learning card and consent" proposed_to_scaling_through_the_gates
run_test "a weighing session scored with digits only, ranking read off the screen" weighing_with_digits_only
run_test "a projector session at 100x30 in Dutch: no score while blind; W, sensitivity and discuss list after the reveal; a re-vote" projector_room_in_dutch
run_test "Dutch interface on the demo portfolio" dutch_demo
run_test "filter keeps and clears" filter_and_detail
run_test "resize to narrow, too small, 1x1 and back" resize_to_narrow_and_tiny
run_test "Ctrl-C on the board quits and restores the terminal" ctrl_c_on_the_board_quits_and_restores_the_terminal
run_test "SIGINT restores the terminal" interrupt_restores_terminal
run_test "SIGTERM restores the terminal" terminate_restores_terminal
run_test "SIGHUP restores the terminal" hangup_restores_terminal
run_test "a crash restores the terminal" crash_restores_terminal
run_test "SIGKILL in the middle of a large import leaves the database whole" killed_mid_import_keeps_the_database_whole
run_test "SIGKILL during a burst of board edits leaves the database whole" killed_during_board_edits_keeps_the_database_whole
run_test "4 CLI writers adding 250 ideas each end with 1000 ideas and 1000 events" concurrent_cli_writers
run_test "a read-only data directory can be read, and writing to it is refused with what to do" read_only_directory_is_named
run_test "missing TERM gives one clear line" missing_term
run_test "unknown TERM gives one clear line" unknown_term
run_test "TERM=dumb is refused with one clear line" dumb_term
run_test "a restore waits until no board has the database open" restore_waits_for_an_open_board
run_test "escape codes in titles never reach the terminal" hostile_title_is_shown_safely
run_test "a board sees changes made by the CLI" sees_changes_from_another_program
run_test "the board's undo keeps a colleague's measurement and says why" undo_keeps_a_colleagues_measurement
run_test "an undone title edit keeps a colleague's newer description" undone_title_edit_keeps_a_colleagues_description
run_test "2 x 20 objections recorded at once by two programs are all kept" objections_from_two_programs_all_kept
run_test "four programs opening a fresh data directory at once all succeed (one migrates)" four_programs_open_a_fresh_directory_at_once
run_test "a board in a weighing session shows another program's scores within a second, and no notice for its own" weighing_sees_scores_from_another_program
run_test "a tampered stage is refused with a message naming the idea and the field" tampered_stage_is_named
run_test "colours, and none under NO_COLOR" colours_and_no_color
run_test "80x24 in Dutch: the footer shows ? and q, WIP counts are whole" footer_and_wip_counts_at_80x24
run_test "80x24 in Dutch: Esc in a filled form asks, Enter moves to the next field" escape_in_a_filled_form_asks
run_test "80x24 in Dutch: Ctrl-C in a form leaves the program running" ctrl_c_in_a_form_keeps_the_program_running
run_test "80x24 in Dutch: the WIP prompt's Esc returns to the filled form" the_wip_prompts_escape_returns_to_the_filled_form
run_test "80x24 in Dutch: an empty board shows the hint" an_empty_board_shows_the_hint
run_test "80x24 in Dutch: typed work survives a crash and is offered back" typed_work_survives_a_crash
run_test "80x24 in Dutch: a case note is masked before it is saved" a_case_note_is_masked_before_it_is_saved

run_test "80x24 in Dutch: the inbox badge, the inbox filter, accepting with a lokale opgave and declining" inbox_badge_filter_and_accept

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
