#!/usr/bin/env python3
"""The board from outside, in tmux: first frame, a Down key, a reorder (J, a change written and redrawn), the
portfolio view (p: the view, then its figures from the background), and peak memory, each beside the tmux floor (the same polling on a program that only prints).

Usage: scripts/measure-board.py BINARY DATA_DIR [RUNS]. The data directory is used as it is (make it with
`proeftuin demo --ideas N --data-dir DIR`); a first start of the day also makes the daily backup, after the first
frame. Prints medians in milliseconds; peak memory from /usr/bin/time -v.
"""
import os, statistics, subprocess, sys, tempfile, time

binary, data = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
sock = f"measure-board-{os.getpid()}"

def tmux(*args):
    return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True).stdout

def screen():
    return tmux("capture-pane", "-p", "-t", "s")

def wait_until(predicate, limit=30.0):
    start = time.perf_counter()
    while not predicate(screen()):
        if time.perf_counter() - start > limit:
            raise SystemExit("timed out: " + screen()[-400:])
    return (time.perf_counter() - start) * 1000

def start(command):
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-x", "200", "-y", "60", "-s", "s", command)
    return t0

def stop():
    tmux("kill-server")
    time.sleep(0.3)  # the next server must not meet the dying one

def key_time(key, ready=None):
    before = screen()
    t0 = time.perf_counter()
    tmux("send-keys", "-t", "s", key)
    while True:
        now = screen()
        if now != before and (ready is None or ready(now)):
            return (time.perf_counter() - t0) * 1000
        if time.perf_counter() - t0 > 20:
            raise SystemExit(f"no change after {key}: " + now[-400:])

env = f"env TERM=tmux-256color LANG=C.UTF-8"
board = f"{env} '{binary}' --data-dir '{data}' --lang en"
results = {k: [] for k in ["floor frame", "first frame", "floor key", "Down", "J reorder", "p portfolio", "p figures"]}
for run in range(runs):
    # Floor: the same start and polling on a program that prints the text the board's poll waits for.
    t0 = start("printf 'Stopped 1'; sleep 30")
    wait_until(lambda s: "Stopped 1" in s)
    results["floor frame"].append((time.perf_counter() - t0) * 1000)
    stop()
    t0 = start("cat")
    time.sleep(0.2)
    results["floor key"].append(key_time("x"))
    stop()
    t0 = start(board)
    wait_until(lambda s: "Stopped" in s and any(c.isdigit() for c in s.split("Stopped", 1)[1][:8]))
    results["first frame"].append((time.perf_counter() - t0) * 1000)
    # Let the watcher's tick and a daily backup pass; SETTLE=seconds also lets the portfolio's figures, computed in the
    # background after the first frame, finish first (keys in the first seconds share the processor with them).
    time.sleep(float(os.environ.get("SETTLE", "0.6")))
    results["Down"].append(statistics.median([key_time("Down") for _ in range(9)]))
    results["J reorder"].append(statistics.median([key_time("J") for _ in range(5)]))
    # The view opens at once (its header); its figures, computed in the background after the reorders, follow.
    t_key = time.perf_counter()
    results["p portfolio"].append(key_time("p", ready=lambda s: "Portfolio ·" in s))
    wait_until(lambda s: "Σ" in s)
    results["p figures"].append((time.perf_counter() - t_key) * 1000)
    tmux("send-keys", "-t", "s", "Escape")
    time.sleep(0.3)
    stop()

for name, values in results.items():
    print(f"{name:>12}: median {statistics.median(values):7.1f} ms  (min {min(values):.1f}, max {max(values):.1f}, {len(values)} runs)")
print(f"first frame above floor: {statistics.median(results['first frame']) - statistics.median(results['floor frame']):.1f} ms")
print(f"Down above floor: {statistics.median(results['Down']) - statistics.median(results['floor key']):.1f} ms")
print(f"J above floor: {statistics.median(results['J reorder']) - statistics.median(results['floor key']):.1f} ms")
print(f"p above floor: {statistics.median(results['p portfolio']) - statistics.median(results['floor key']):.1f} ms")
print(f"p figures after the key: {statistics.median(results['p figures']):.1f} ms")

# Peak memory: start, Down a few times, reorder, quit (the portfolio view, which reads every idea's figures, is left out:
# pass "p" as a fourth argument to include it).
with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as out:
    report = out.name
start(f"{env} /usr/bin/time -v -o '{report}' '{binary}' --data-dir '{data}' --lang en; sleep 30")
wait_until(lambda s: "Stopped" in s)
for key in ["Down"] * 5 + ["J"] + (["p"] if len(sys.argv) > 4 and sys.argv[4] == "p" else []):
    key_time(key)
tmux("send-keys", "-t", "s", "Escape")
time.sleep(0.3)
tmux("send-keys", "-t", "s", "q")
deadline = time.time() + 30
while time.time() < deadline and "Maximum resident" not in open(report).read():
    time.sleep(0.1)
stop()
for line in open(report):
    if "Maximum resident" in line:
        print(f"peak memory: {int(line.split(':')[1]) / 1024:.1f} MiB")
