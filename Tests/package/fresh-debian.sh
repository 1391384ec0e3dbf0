#!/usr/bin/env bash
# Fresh-system test of the Debian package: a minimal Debian (debootstrap --variant=minbase, the same release
# as this machine) with no Swift in a folder; `apt-get install ./proeftuin_….deb` there pulls the
# dependencies; then proeftuin --version, demo, list, the board in tmux for one frame, the man page, the
# completions, an upgrade and a removal that both leave the user's data alone.
# Usage (as root): Tests/package/fresh-debian.sh dist/proeftuin_VERSION_ARCH.deb
# The debootstrap tree is cached in $PROEFTUIN_CI_CACHE (default /var/cache/proeftuin-ci), keyed on the
# release, architecture and mirror; each run works on a copy of it. Prints each check; exits non-zero on
# the first failure. See docs/packaging.md.
set -Eeuo pipefail
export LC_ALL=C.UTF-8

deb=$(realpath "${1:?usage: $0 PACKAGE.deb}")
[ -f "$deb" ] || { echo "fresh-debian: no package at $deb" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "fresh-debian: must run as root (debootstrap, chroot, mount)" >&2; exit 2; }
for tool in debootstrap dpkg-deb tmux man chroot mount; do
    command -v "$tool" >/dev/null || { echo "fresh-debian: '$tool' is missing" >&2; exit 2; }
done

cache=${PROEFTUIN_CI_CACHE:-/var/cache/proeftuin-ci}
version=$(dpkg-deb --field "$deb" Version)
arch=$(dpkg-deb --field "$deb" Architecture)
. /etc/os-release
suite=${VERSION_CODENAME:?this machine names no Debian release in /etc/os-release}
checks=0
started=$SECONDS

step() { printf '== %s (%ss)\n' "$1" "$((SECONDS - started))"; }
ok() { checks=$((checks + 1)); echo "ok - $1"; }
fail() { echo "not ok - $1" >&2; [ $# -lt 2 ] || printf '%s\n' "$2" | sed 's/^/  | /' >&2; exit 1; }

# The Debian archives this machine uses, read from apt's own view of its sources (deb822 or one-line
# format alike): "URL SUITE COMPONENT" for this release and its -updates/-security suites.
debian_sources() {
    apt-cache policy | awk -v s="$suite" '
        $1 ~ /^[0-9]+$/ && $2 ~ /^[a-z+]+:\/\// { url = $2; n = split($3, p, "/"); dist = p[1]; comp = p[n]; next }
        $1 == "release" && url != "" {
            if ($0 ~ /o=Debian/ && (dist == s || index(dist, s "-") == 1)) print url, dist, comp
            url = ""
        }' | sort -u
}
sources=$(debian_sources)
if [ -z "$sources" ]; then
    apt-get update -qq
    sources=$(debian_sources)
fi
[ -n "$sources" ] || fail "found no Debian archive for $suite in this machine's apt sources"
mirror=$(awk -v s="$suite" '$2 == s {print $1; exit}' <<<"$sources")
[ -n "$mirror" ] || fail "found no archive for the suite $suite itself" "$sources"

work=$(mktemp -d /tmp/proeftuin-fresh.XXXXXX)
root=$work/root
tmux_socket=proeftuin-fresh-$$
# Mount points below a folder, deepest first (debootstrap itself mounts /proc, /sys and more while it
# works; an interrupted one can leave them).
mounts_under() {
    [ -d "$1" ] || return 0
    awk -v d="$(realpath "$1")/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r
}
unmount_under() {
    local mounted
    for mounted in $(mounts_under "$1"); do umount "$mounted" 2>/dev/null || umount -l "$mounted" || true; done
    [ -z "$(mounts_under "$1")" ]
}
cleanup() {
    local status=$?
    tmux -L "$tmux_socket" kill-server 2>/dev/null || true
    unmount_under "$cache/.building" || echo "fresh-debian: could not unmount $(mounts_under "$cache/.building")" >&2
    if unmount_under "$root"; then
        rm -rf "$work"
    else
        echo "fresh-debian: $(mounts_under "$root") is still mounted; left $work in place" >&2
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'echo "fresh-debian: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
trap 'echo "fresh-debian: interrupted" >&2; exit 130' INT TERM

step "a minimal $suite ($arch) from $mirror"
key=$(printf '%s %s %s minbase' "$suite" "$arch" "$mirror" | sha256sum | cut -c1-12)
base=$cache/debootstrap-$suite-$arch-minbase-$key
if [ -f "$base/.complete" ]; then
    echo "cached: $base"
else
    # Built beside the cache and renamed when complete, so an interrupted run never leaves a half tree.
    mkdir -p "$cache"
    unmount_under "$cache/.building" || fail "a folder below $cache/.building is still mounted"
    rm -rf "$cache/.building" "$base"
    t0=$SECONDS
    debootstrap --variant=minbase --arch="$arch" "$suite" "$cache/.building" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || fail "debootstrap" "$(tail -n 30 "$work/debootstrap.log")"
    touch "$cache/.building/.complete"
    mv "$cache/.building" "$base"
    echo "debootstrap took $((SECONDS - t0))s; cached in $base ($(du -sh "$base" | cut -f1))"
fi
cp -a "$base" "$root"
rm "$root/.complete"
mount -t proc proc "$root/proc"  # a Swift program reads its arguments from /proc/self/cmdline
cp /etc/resolv.conf "$root/etc/resolv.conf"
awk '{print "deb", $0}' <<<"$sources" >"$root/etc/apt/sources.list"
rm -f "$root"/etc/apt/sources.list.d/*
sed 's/^/  /' "$root/etc/apt/sources.list"

# in_root COMMAND...: runs a command in the fresh system as a user of it would (root, a clean environment).
in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

step "no Swift in the fresh system"
in_root sh -c '! command -v swift && ! command -v swiftc' >/dev/null || fail "a Swift toolchain is on PATH"
swift_runtime=$(find "$root" -xdev -name 'libswiftCore*' -print -quit)
[ -z "$swift_runtime" ] || fail "the fresh system has a Swift runtime" "$swift_runtime"
ok "no swift, no swiftc, no libswiftCore in the fresh system"

step "apt-get install ./$(basename "$deb")"
in_root apt-get update -qq >"$work/apt.log" 2>&1 || fail "apt-get update in the fresh system" "$(tail -n 20 "$work/apt.log")"
cp "$deb" "$root/tmp/"
# As the README tells administrators: apt-get install ./FILE.deb, which also fetches the dependencies.
in_root env DEBIAN_FRONTEND=noninteractive sh -c 'cd /tmp && apt-get install -y "./$1"' sh "$(basename "$deb")" \
    >"$work/install.log" 2>&1 || fail "apt-get install" "$(tail -n 30 "$work/install.log")"
pulled=$(sed -n 's/^Setting up \([^ ]*\) .*/\1/p' "$work/install.log" | tr '\n' ' ')
echo "set up: $pulled"
for library in $(dpkg-deb --field "$deb" Depends | tr ',' '\n' | sed 's/[ (].*//; s/^ *//'); do
    in_root dpkg-query -W -f='${Status}\n' "$library" 2>/dev/null | grep -q "install ok installed" \
        || fail "the dependency $library is not installed"
done
ok "apt-get installed the package and its Depends ($(dpkg-deb --field "$deb" Depends))"

step "the program"
printed=$(in_root proeftuin --version 2>&1) || fail "proeftuin --version" "$printed"
[ "$printed" = "$version" ] || fail "proeftuin --version printed '$printed', the package is $version"
ok "proeftuin --version prints $version"

printed=$(in_root proeftuin demo 2>&1) || fail "proeftuin demo" "$printed"
echo "$printed" | sed 's/^/  | /'
data=$root/root/.local/share/proeftuin
[ -f "$data/proeftuin.sqlite" ] || fail "proeftuin demo left no database in ~/.local/share/proeftuin"
ok "proeftuin demo fills ~/.local/share/proeftuin"

listing=$(in_root proeftuin list --lang en 2>&1) || fail "proeftuin list" "$listing"
echo "$listing" | head -n 5 | sed 's/^/  | /'
ideas=$(in_root proeftuin list --format csv | tail -n +2 | wc -l)
[ "$ideas" -eq 51 ] || fail "proeftuin list shows $ideas ideas, the demo has 51 on the board (53, of which 2 declined)" "$listing"
grep -q "Schuldhulp aan de keukentafel" <<<"$listing" || fail "proeftuin list misses a demo idea" "$listing"
ok "proeftuin list shows the 51 demo ideas on the board"

# The board: tmux on this machine, the program and its terminfo inside the fresh system.
term=tmux-256color
[ -e "$root/usr/share/terminfo/t/$term" ] || [ -e "$root/lib/terminfo/t/$term" ] || term=screen
tmux -L "$tmux_socket" new-session -d -x 120 -y 35 -s board \
    "chroot '$root' /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=$term PATH=/usr/bin:/bin proeftuin --lang en; echo EXIT=\$?; sleep 30"
frame=""
for _ in $(seq 1 200); do
    frame=$(tmux -L "$tmux_socket" capture-pane -p -t board 2>&1 || true)
    grep -q "Stopped [0-9]" <<<"$frame" && break
    sleep 0.05
done
grep -q "Stopped [0-9]" <<<"$frame" && grep -q "Proposed 23" <<<"$frame" \
    || fail "the board drew no frame with its columns (TERM=$term)" "$frame"
echo "$frame" | head -n 8 | sed 's/^/  | /'
tmux -L "$tmux_socket" send-keys -t board q
for _ in $(seq 1 100); do
    frame=$(tmux -L "$tmux_socket" capture-pane -p -t board 2>&1 || true)
    grep -q "EXIT=" <<<"$frame" && break
    sleep 0.05
done
grep -q "EXIT=0" <<<"$frame" || fail "the board did not quit cleanly on q" "$frame"
ok "the board draws its columns in tmux (TERM=$term) and quits on q"

step "man page and completions"
man_page=$root/usr/share/man/man1/proeftuin.1.gz
rendered=$(MANWIDTH=100 man -l "$man_page" 2>"$work/man.log") || fail "man -l proeftuin.1.gz" "$(cat "$work/man.log")"
[ ! -s "$work/man.log" ] || fail "man -l warns about the page" "$(cat "$work/man.log")"
for pattern in "^PROEFTUIN\(1\)" "^SYNOPSIS" "^DESCRIPTION" "^EXIT STATUS" "\.local/share/proeftuin" \
    "^ +--data-dir data-dir" "^ +move +Move an idea" "^ +session$" "^ +results$" "^ +forget +Erase"; do
    grep -qE -- "$pattern" <<<"$rendered" || fail "the man page has no line matching '$pattern'" "$(head -n 40 <<<"$rendered")"
done
ok "man -l renders proeftuin(1) with every subcommand ($(wc -l <<<"$rendered") lines)"

# bash: the installed script in the fresh system's own bash, completing after "proeftuin " and "proeftuin de".
complete_bash() {
    in_root bash -c '
        source /usr/share/bash-completion/completions/proeftuin
        COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<<"$COMP_LINE"
        [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        function=$(complete -p proeftuin | sed "s/.* -F \([^ ]*\) .*/\1/")
        "$function" proeftuin "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}"' bash "$1"
}
words=$(complete_bash "proeftuin ")
for word in demo list move session report; do grep -qx -- "$word" <<<"$words" || fail "bash does not complete '$word'" "$words"; done
words=$(complete_bash "proeftuin de")
[ "$(sort <<<"$words" | tr '\n' ' ')" = "decision decline demo " ] || fail "bash completes 'proeftuin de' to: $words"
words=$(complete_bash "proeftuin session ")
grep -qx results <<<"$words" || fail "bash does not complete 'proeftuin session results'" "$words"
ok "bash completes subcommands (proeftuin de<Tab> → decision decline demo; session <Tab> → … results …)"

if command -v fish >/dev/null; then
    words=$(fish --no-config -c "source '$root/usr/share/fish/vendor_completions.d/proeftuin.fish'; complete -C 'proeftuin de'" | cut -f1)
    [ "$(sort <<<"$words" | tr '\n' ' ')" = "decision decline demo " ] || fail "fish completes 'proeftuin de' to: $words"
    ok "fish completes subcommands (proeftuin de<Tab> → decision decline demo)"
else
    echo "skip - fish is not installed here"
fi
if command -v zsh >/dev/null; then
    zsh_file=$root/usr/share/zsh/vendor-completions/_proeftuin
    zsh -n "$zsh_file" || fail "zsh cannot parse _proeftuin"
    # An interactive zsh on a pseudo-terminal (zpty) with compinit and the installed _proeftuin types
    # "proeftuin de<Tab>"; the screen then lists the matches.
    words=$(timeout 30 zsh -f -c '
        zmodload zsh/zpty
        zpty z zsh -f -i
        zpty -w z "PS1=\"> \"; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D"
        zpty -w -n z $'"'"'proeftuin de\t'"'"'
        out=
        for i in {1..50}; do
            sleep 0.1
            while zpty -r -t z chunk; do out+=$chunk; done
            [[ $out == *decision\ *demo\ * || $out == *demo\ *decision\ * ]] && break
        done
        zpty -d z
        print -r -- "$out"' zsh "$(dirname "$zsh_file")" 2>&1 | tr -d '\r' | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' || true)
    grep -qE "^decision +-- " <<<"$words" && grep -qE "^demo +-- " <<<"$words" \
        || fail "zsh does not complete 'proeftuin de' to decision and demo" "$words"
    ok "zsh completes subcommands (proeftuin de<Tab> → decision demo)"
else
    echo "skip - zsh is not installed here"
fi

step "upgrade and removal keep the user's data"
# The same package under a higher version stands in for the next release.
mkdir "$work/next"
dpkg-deb --raw-extract "$deb" "$work/next/root"
sed -i "s/^Version: .*/Version: $version+upgradetest1/" "$work/next/root/DEBIAN/control"
dpkg-deb --root-owner-group -Znone --build "$work/next/root" "$root/tmp/proeftuin_next.deb" >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y /tmp/proeftuin_next.deb >"$work/upgrade.log" 2>&1 \
    || fail "apt-get install (upgrade)" "$(tail -n 20 "$work/upgrade.log")"
grep -q "Unpacking proeftuin ($version+upgradetest1) over ($version)" "$work/upgrade.log" \
    || fail "apt-get did not upgrade the package" "$(cat "$work/upgrade.log")"
ideas=$(in_root proeftuin list --format csv | tail -n +2 | wc -l)
[ "$ideas" -eq 51 ] || fail "after the upgrade proeftuin list shows $ideas ideas"
ok "an upgrade keeps the data directory: still 51 ideas"

fingerprint() { (cd "$data" && find . -type f -exec sha256sum {} + | sort -k2); }
before=$(fingerprint)
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y proeftuin >"$work/purge.log" 2>&1 \
    || fail "apt-get purge proeftuin" "$(tail -n 20 "$work/purge.log")"
[ ! -e "$root/usr/bin/proeftuin" ] && [ ! -e "$root/usr/share/doc/proeftuin" ] \
    || fail "apt-get purge left the program's files"
[ -f "$data/proeftuin.sqlite" ] || fail "apt-get purge removed the user's database"
[ "$(fingerprint)" = "$before" ] || fail "apt-get purge changed the user's data directory" "$(diff <(echo "$before") <(fingerprint))"
ok "apt-get purge removes the program and leaves ~/.local/share/proeftuin as it was"

step "done"
echo "fresh-debian: $checks passed, 0 failed"
