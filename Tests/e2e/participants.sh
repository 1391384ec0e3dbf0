#!/usr/bin/env bash
# End-to-end tests of participants scoring for themselves: own terminals in tmux panes, and a phone's page in a real
# headless Chromium (Tests/e2e/participant_page.py, Selenium), against the real `proeftuin` binary.
# Usage: Tests/e2e/participants.sh [path/to/proeftuin]. Prints "N passed, N failed"; exits non-zero on failure.
set -u
export LANG=C.UTF-8 LC_ALL=C.UTF-8
BIN=${1:-${PROEFTUIN_BIN:-$(swift build --show-bin-path)/proeftuin}}
HERE=$(cd "$(dirname "$0")" && pwd)
[ -x "$BIN" ] || { echo "e2e: no proeftuin binary at $BIN (build first)"; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")   # the panes run in a work folder
for tool in tmux curl python3 chromium chromedriver zbarimg; do
    command -v $tool >/dev/null || { echo "e2e: $tool is not installed"; exit 2; }
done
python3 -c "import selenium" 2>/dev/null || { echo "e2e: Selenium is not installed (pip install selenium)"; exit 2; }
WORK=$(mktemp -d)
SOCKET="proeftuin-participants-$$"
passed=0
failed=0
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT

EXTRA_PANES="anne bram page"
. "$HERE/tmux-lib.sh"
start() { start_pane "$@"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
# link_of PANE NAME: the participant's link as the pane shows it.
link_of() { screen "$1" | grep -F " $2 " | grep -o 'http://[0-9.:]*/p/[A-Za-z0-9_-]*' | head -n 1; }


# A session S1 of three ideas × impact and kosten for Anne and Bram.
prepare() {
    local data=$1
    cli "$data" criteria create snel >/dev/null
    cli "$data" criteria add snel impact --weight 1 >/dev/null
    cli "$data" criteria add snel kosten --weight 1 --cost >/dev/null
    for title in Aanpak-A Aanpak-B Aanpak-C; do cli "$data" add "$title" >/dev/null 2>&1; done
    cli "$data" session new --set snel --ideas 1,2,3 --participants Anne,Bram >/dev/null
}

two_participants_score_on_their_own_terminals() {
    local data="$WORK/terminals" s=two_participants_score_on_their_own_terminals
    prepare "$data"
    start $s "$data" 120 35 "'$BIN'"
    wait_for $s "Aanpak-C" || return 1
    keys $s W && wait_for $s "Weighing sessions" || return 1
    keys $s Enter && wait_for $s "Participant 1/2: Anne │ blind" || return 1
    start $s-anne "$data" 90 24 "'$BIN' session join 1 --as anne"
    start $s-bram "$data" 90 24 "'$BIN' session join S1 --as BRAM --lang nl"
    wait_for $s-anne "Weighing S1 · you score as Anne" || return 1
    wait_for $s-bram "Weging S1 · je scoort als Bram" || return 1
    keys $s-anne 5 1 3 && wait_for $s-anne "3/6 scored" || return 1
    wait_for $s "Anne  3/6  terminal" 2 || { echo "  progress not live on the facilitator's board"; return 1; }
    keys $s-bram 4 2 3 3 2 4 && wait_for $s-bram "Klaar ✓ Al je 6 scores zijn opgeslagen" || return 1
    keys $s-anne 3 1 5 && wait_for $s-anne "Done ✓ All 6 scores are saved" || return 1
    wait_for $s "Anne  6/6 ✓  terminal" 2 || return 1
    wait_for $s "Bram  6/6 ✓  terminal" 2 || return 1
    screen $s | grep -q "#1 Aanpak-A                  ●      ●" || { echo "  the facilitator's grid shows scores before the reveal"; screen $s; return 1; }
    if screen $s-anne | grep -q "Bram"; then echo "  Anne sees Bram"; return 1; fi
    keys $s r && wait_for $s "revealed" || return 1
    wait_for $s "1. ██████ 1.00 #1 Aanpak-A" || return 1
    wait_for $s "3. ░░░░░░ 0.00 #3 Aanpak-C" || return 1
    wait_for $s "Agreement (Kendall's W): 1.00" || return 1
    wait_for $s-anne "The facilitator is showing the results." 2 || return 1
    keys $s c && keys $s y && wait_for $s "S1 closed" || return 1
    wait_for $s-anne "The session is closed: your scores are saved and locked." 2 || return 1
    keys $s-anne 1 && wait_for $s-anne "The session is closed: its scores are locked" || return 1
    keys $s-anne q && wait_for $s-anne "EXIT=0" || return 1
    local minutes
    minutes=$(cli "$data" session minutes 1)
    echo "$minutes" | grep -qF -- "- Anne: 6 on their own terminal" || { echo "  minutes: $minutes"; return 1; }
    echo "$minutes" | grep -qF -- "- Bram: 6 on their own terminal" || return 1
    cli "$data" session results 1 --format json | grep -q '"kendallW" : 1' || { echo "  W differs from the board's"; return 1; }
    keys $s Escape q && wait_for $s "EXIT=0"
}

a_phone_scores_through_the_boards_link() {
    local data="$WORK/phone" s=a_phone_scores_through_the_boards_link port
    port=$(free_port)
    prepare "$data"
    cli "$data" session score 1 --participant anne --idea 1 --criterion impact --score 5 >/dev/null
    start $s "$data" 120 35 "'$BIN' --listen 127.0.0.1:$port"
    wait_for $s "Aanpak-C" || return 1
    keys $s W Enter && wait_for $s "Participant 1/2: Anne" || return 1
    keys $s s && wait_for $s "Share S1: each participant their own link" || return 1
    wait_for $s "Serving on 127.0.0.1:$port: this machine only" || return 1
    wait_for $s "QR code for Anne (1/2)" || return 1
    wait_for $s "█▀▀▀▀▀█" || { echo "  no QR code drawn"; return 1; }
    local bram anne
    bram=$(link_of $s Bram)
    anne=$(link_of $s Anne)
    [ -n "$bram" ] && [ -n "$anne" ] || { echo "  no links on the screen"; screen $s; return 1; }
    # A real QR reader reads Anne's link off the board's screen (what a phone's camera does from the projector).
    screen $s | python3 "$HERE/qr_to_pgm.py" "QR code for Anne (1/2)" 3 46 24 "$WORK/anne.pgm" || return 1
    [ "$(zbarimg --quiet --raw "$WORK/anne.pgm" 2>/dev/null)" = "$anne" ] || { echo "  the QR code does not read back as $anne"; return 1; }
    keys $s Tab && wait_for $s "QR code for Bram (2/2)" || return 1
    python3 "$HERE/participant_page.py" "$bram" 42a324 Bram | sed 's/^/  /'
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "  the browser run failed"; return 1; }
    wait_for $s "Bram    6/6 ✓" 2 || { echo "  the overlay's progress is not live"; return 1; }
    keys $s Escape && wait_for $s "Bram  6/6 ✓  phone" 2 || return 1
    wait_for $s "Anne  1/6" || return 1
    if screen $s | grep -q "Anne  1/6  phone"; then echo "  a score from the command line counted as the phone's"; return 1; fi
    # Attacks: an unknown link, a huge body, a flood; the board keeps answering keys.
    [ "$(status "http://127.0.0.1:$port/p/AAAAAAAAAAAAAAAAAAAAAAAA")" = 403 ] || { echo "  an invalid token was not 403"; return 1; }
    [ "$(status "http://127.0.0.1:$port/")" = 404 ] || { echo "  / was not 404"; return 1; }
    head -c 3000000 /dev/zero | tr '\0' 'a' > "$WORK/big"
    [ "$(status -X POST -H 'Content-Type: application/json' --data-binary @"$WORK/big" "$bram")" = 413 ] || { echo "  no 413"; return 1; }
    [ "$(status -X POST -H 'Content-Type: application/json' --data '{"idea":1,' "$bram")" = 400 ] || { echo "  malformed JSON was not 400"; return 1; }
    [ "$(status -X POST --data 'idea=1&criterion=0&score=77' "$bram")" = 422 ] || { echo "  a score off the scale was not 422"; return 1; }
    for i in $(seq 1 300); do curl -s -o /dev/null --max-time 5 "$bram" & done
    keys $s p && wait_for $s "0-9 score · - abstain · Tab participant · r reveal · p normal view" 2 || { echo "  the board did not answer a key during a flood"; return 1; }
    wait
    keys $s p r && wait_for $s "revealed" || return 1
    wait_for $s " 1. ██████ 1.00 #1 Aanpak-A" || return 1
    cli "$data" session results 1 --format json | grep -q '"complete" : false' || { echo "  results: not incomplete"; return 1; }
    # Stopping sharing ends the links: 410, and the page says so.
    keys $s s && wait_for $s "Share S1" || return 1
    keys $s x && wait_for $s "Sharing of S1 stopped: the links no longer work" || return 1
    sleep 1  # Bram's link was flooded above: let its rate limit (10 a second) refill
    local ended
    ended=$(curl -s -w '\nstatus %{http_code}' --max-time 10 "$bram")
    echo "$ended" | grep -q "^status 410$" || { echo "  an ended link was not 410: $(echo "$ended" | tail -n 1)"; return 1; }
    echo "$ended" | grep -q "This link has ended" || { echo "  the ended page does not say so"; return 1; }
    # Shared again: new links; closing the session ends them too.
    keys $s s && wait_for $s "Share S1" || return 1
    local again
    again=$(link_of $s Bram)
    [ -n "$again" ] && [ "$again" != "$bram" ] || { echo "  no new link"; return 1; }
    [ "$(status "$again")" = 200 ] || { echo "  a new link was not 200"; return 1; }
    keys $s Escape c y && wait_for $s "S1 closed" || return 1
    [ "$(status "$again")" = 410 ] || { echo "  a closed session's link was not 410"; return 1; }
    # The board's own writes while serving reach the database other programs read (one open database per process).
    cli "$data" session list | grep -q "S1 *closed" || { echo "  the board's close is not in the database"; cli "$data" session list; return 1; }
    cli "$data" session minutes 1 | grep -qF -- "- Bram: 6 on their own phone or browser" || { cli "$data" session minutes 1; return 1; }
    cli "$data" session minutes 1 | grep -qF -- "- Anne: 1 from the command line" || { echo "  minutes lack Anne's command-line score"; return 1; }
    keys $s Escape q && wait_for $s "EXIT=0" || return 1
    [ "$(status "$again")" = 000 ] || { echo "  still listening after the board quit"; return 1; }
}

serve_shares_from_the_command_line_and_links_survive_a_killed_program() {
    local data="$WORK/serve" s=serve_shares_from_the_command_line_and_links_survive_a_killed_program port
    port=$(free_port)
    prepare "$data"
    start $s "$data" 120 60 "'$BIN' session serve 1 --listen 127.0.0.1:$port --lang nl"
    wait_for $s "Deel S1: elke deelnemer een eigen link" || return 1
    wait_for $s "Ctrl-C stopt het delen: de links vervallen." || return 1
    wait_for $s "QR-code voor Bram (2/2)" || return 1
    local bram
    bram=$(screen $s | grep -o "http://127.0.0.1:$port/p/[A-Za-z0-9_-]*" | tail -n 1)
    curl -s "$bram" | grep -q "Je scoort als Bram" || { echo "  the page is not in the session's language"; return 1; }
    [ "$(status -X POST --data 'idea=2&criterion=1&score=4' "$bram")" = 303 ] || return 1
    # Anne abstains on her own terminal (x, as on the board); the facilitator excludes her: her terminal says so and
    # why, her next key is refused, and her link ends with 410.
    local anne
    anne=$(screen $s | grep -o "http://127.0.0.1:$port/p/[A-Za-z0-9_-]*" | head -n 1)
    [ -n "$anne" ] && [ "$anne" != "$bram" ] || { echo "  no link for Anne"; return 1; }
    start $s-anne "$data" 90 24 "'$BIN' session join 1 --as anne"
    wait_for $s-anne "Weighing S1 · you score as Anne" || return 1
    keys $s-anne x && wait_for $s-anne "Abstained: impact for #1" || return 1
    cli "$data" session participant exclude 1 anne --reason "weg na de pauze" >/dev/null || { echo "  exclude failed"; return 1; }
    wait_for $s-anne "The facilitator excluded you from this session (weg na de pauze)" 3 || return 1
    keys $s-anne 4 && wait_for $s-anne "Anne was excluded from this session" || return 1
    local gone
    gone=$(curl -s -w '\nstatus %{http_code}' --max-time 10 "$anne")
    echo "$gone" | grep -q "^status 410$" || { echo "  an excluded participant's link was not 410: $(echo "$gone" | tail -n 1)"; return 1; }
    echo "$gone" | grep -q "Je doet niet meer mee" || { echo "  the page does not say Anne no longer takes part"; return 1; }
    cli "$data" session minutes 1 | grep -qF -- "- Anne: 1 on their own terminal" || { cli "$data" session minutes 1; return 1; }
    # Killed: the score is stored, the links are not ended; serving again gives the same links.
    local pid
    pid=$(pgrep -P "$(tm display-message -p -t $s '#{pane_pid}')" | head -n 1)
    [ -n "$pid" ] || { echo "  no serving process"; return 1; }
    kill -KILL "$pid"
    wait_for $s "EXIT=137" || return 1
    [ "$(status "$bram")" = 000 ] || return 1
    cli "$data" session results 1 --format json >/dev/null || return 1
    tm kill-session -t $s
    start $s "$data" 120 60 "'$BIN' session serve 1 --listen 127.0.0.1:$port"
    wait_for $s "Ctrl-C stops sharing: the links end." || return 1
    screen $s | grep -qF "$bram" || { echo "  the link changed after a killed program"; return 1; }
    curl -s "$bram" | grep -q "1 of 6 scored" || { echo "  the score did not survive"; return 1; }
    keys $s C-c && wait_for $s "Sharing of S1 stopped" || return 1
    wait_for $s "EXIT=0" || return 1
    start $s-page "$data" 120 60 "'$BIN' session serve 1 --listen 127.0.0.1:$port"
    wait_for $s-page "Ctrl-C stops sharing" || return 1
    [ "$(status "$bram")" = 410 ] || { echo "  a link of stopped sharing was not 410"; return 1; }
    keys $s-page C-c && wait_for $s-page "EXIT=0"
}

run_test "two participants score on their own terminals; the facilitator sees progress, then the results" two_participants_score_on_their_own_terminals
run_test "a phone (headless Chromium) scores through the board's link; 403, 413, 410 and a flood leave the board working" a_phone_scores_through_the_boards_link
run_test "session serve shares from the command line; its links survive a killed program and end with Ctrl-C" serve_shares_from_the_command_line_and_links_survive_a_killed_program

echo "participants: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
