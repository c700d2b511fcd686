#!/usr/bin/env bash
# Times stridelog from the outside on 10- and 100-year demo journals, each figure side by side
# with its baseline in the same run, and prints every figure as a ratio to that baseline:
#
#   first frame (15 Jan, 30 Jun, 31 Dec)   a bare ratatui app (benches/floor, built here):
#     until it has exited, and until its frame is on screen (it starts to restore the terminal)
#   check (every day file read and parsed)  find days -name '*.ron' -exec cat {} + >/dev/null
#   report --format json                    jrnl -n 10 on the same notes (when pip installs it)
#   peak memory, first frame                the bare ratatui app
#   release binary                          the bare ratatui app
#
# Commands take turns, one run each per round (scripts/bench_timer.py), so that a busy machine
# slows a figure and its baseline alike; medians of RUNS rounds.
#
#   scripts/bench.sh                          # full run
#   RUNS=10 WORK=/tmp/bench scripts/bench.sh  # fewer rounds; keep the journals in /tmp/bench
#   SIZE=50x160 scripts/bench.sh              # the terminal the first frame is drawn in
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-30}
WORK=${WORK:-$(mktemp -d /tmp/stridelog-bench.XXXXXX)}
SIZE=${SIZE:-24x80}
YEAR=2026
DATES=("$YEAR-01-15" "$YEAR-06-30" "$YEAR-12-31")
TIMER=(python3 scripts/bench_timer.py)

[ -x /usr/bin/time ] || apt-get install -y time >/dev/null 2>&1 || true

cargo build --release --locked -q
BIN=$PWD/target/release/stridelog
# The floor is a project of its own (not a dependency or a target of stridelog), built with
# the same release profile.
CARGO_TARGET_DIR=$PWD/target/floor cargo build --release --locked -q \
  --manifest-path benches/floor/Cargo.toml
FLOOR=$PWD/target/floor/release/stridelog-floor

mkdir -p "$WORK/config"
for days in 3650 36500; do
  [ -d "$WORK/j$days" ] ||
    "$BIN" demo "$WORK/j$days" --days "$days" --today "$YEAR-12-31" >/dev/null
done
# Each journal opened once as the app is every day: after its first frame it reads the whole
# history and notes which days hold a triage (.latest-triage.<host>.ron), which later first
# frames use; then it is quit with q.
for days in 3650 36500; do
  rm -f "$WORK/j$days"/.latest-triage*.ron
  python3 - "$BIN" "$WORK/j$days" "$WORK/config" "$YEAR-12-31" <<'PY'
import glob, os, pty, sys, time
bin, journal, config, today = sys.argv[1:]
noted = lambda: glob.glob(os.path.join(journal, ".latest-triage*.ron"))
pid, fd = pty.fork()
if pid == 0:
    os.execv(bin, [bin, "--data-dir", journal, "--config-dir", config, "--today", today])
deadline = time.time() + 60
while not noted() and time.time() < deadline:
    time.sleep(0.05)
os.write(fd, b"q")
while True:
    try:
        if not os.read(fd, 65536):
            break
    except OSError:
        break
os.waitpid(pid, 0)
if not noted():
    sys.exit(f"{journal}: the app wrote no note of its triages")
PY
done
app() { # days, date -> the first-frame command
  echo "$BIN --data-dir $WORK/j$1 --config-dir $WORK/config --today $2 --exit-after-first-frame"
}

echo "first frames in a ${SIZE} pseudo-terminal, $RUNS rounds…" >&2
first=("true=/bin/true" "floor=$FLOOR")
for days in 3650 36500; do
  for date in "${DATES[@]}"; do
    first+=("$days@$date=$(app "$days" "$date")")
  done
done
"${TIMER[@]}" "$RUNS" --pty "$SIZE" "${first[@]}" >"$WORK/first.json"

for days in 3650 36500; do
  echo "check and cat on $days days, $RUNS rounds…" >&2
  "${TIMER[@]}" "$RUNS" \
    "check=$BIN check --data-dir $WORK/j$days" \
    "cat=sh:cd $WORK/j$days && find days -name '*.ron' -exec cat {} + >/dev/null" \
    "report=$BIN report --format json --data-dir $WORK/j$days --today $YEAR-12-31" \
    >"$WORK/load$days.json"
done

peak_kib() { # command... in a pseudo-terminal -> max RSS in KiB (`script` runs it as a child)
  /usr/bin/time -f "%M" -o "$WORK/rss" script -qec "$*" /dev/null >/dev/null 2>&1 || true
  cat "$WORK/rss"
}
# Peak memory once the whole history has loaded in the background: the app runs in a
# pseudo-terminal for two seconds, then gets `q`.
settled_kib() { # days
  python3 - "$WORK/rss-settled" "$BIN" --data-dir "$WORK/j$1" --config-dir "$WORK/config" \
    --today "$YEAR-12-31" <<'PY'
import os, pty, select, sys, time
out, argv = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execv("/usr/bin/time", ["/usr/bin/time", "-f", "%M", "-o", out] + argv)
def drain(seconds):
    end = time.time() + seconds
    while time.time() < end:
        if select.select([fd], [], [], 0.1)[0]:
            try:
                if not os.read(fd, 65536):
                    return
            except OSError:
                return
drain(2.0)
os.write(fd, b"q")
drain(5.0)
os.waitpid(pid, 0)
PY
  cat "$WORK/rss-settled"
}
{
  echo "floor_rss=$(peak_kib "$FLOOR")"
  for days in 3650 36500; do
    echo "rss$days=$(peak_kib "$(app "$days" "$YEAR-06-30")")"
    echo "settled$days=$(settled_kib "$days")"
    echo "files$days=$(find "$WORK/j$days/days" -name '*.ron' | wc -l)"
    echo "bytes$days=$(find "$WORK/j$days/days" -name '*.ron' -printf '%s\n' | awk '{s+=$1} END {print s}')"
  done
  echo "size=$(stat -c %s "$BIN")"
  echo "floor_size=$(stat -c %s "$FLOOR")"
} >"$WORK/misc.env"

jrnl_json=none
if command -v jrnl >/dev/null || pip install -q jrnl >/dev/null 2>&1; then
  # The same notes as a jrnl journal: one entry per day.
  jdir="$WORK/jrnl"
  mkdir -p "$jdir"
  python3 - "$WORK/j3650" "$jdir/journal.txt" <<'PY'
import pathlib, sys
root, out = pathlib.Path(sys.argv[1]), open(sys.argv[2], "w")
for f in sorted(root.glob("days/*/*.ron")):
    out.write(f"[{f.stem} 07:00] Day log\n{f.read_text()}\n\n")
PY
  printf 'default_journal: default\njournals:\n  default: %s\nencrypt: false\ntimeformat: "%%Y-%%m-%%d %%H:%%M"\ntagsymbols: "@"\neditor: ""\ndefault_hour: 9\ndefault_minute: 0\nhighlight: false\nlinewrap: 79\ncolors: {body: none, date: none, tags: none, title: none}\nindent_character: "|"\ndisplay_format: null\ntemplate: false\nversion: v4.0\n' \
    "$jdir/journal.txt" >"$jdir/jrnl.yaml"
  "${TIMER[@]}" 5 \
    "jrnl=$(command -v jrnl) --config-file $jdir/jrnl.yaml -n 10" \
    "report=$BIN report --format json --data-dir $WORK/j3650 --today $YEAR-12-31" \
    >"$WORK/jrnl.json"
  jrnl_json="$WORK/jrnl.json"
fi

python3 - "$WORK" "$SIZE" "$RUNS" "$jrnl_json" "${DATES[@]}" <<'PY'
import json, os, platform, sys, datetime
work, size, runs, jrnl_json, dates = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
first = json.load(open(f"{work}/first.json"))
load = {d: json.load(open(f"{work}/load{d}.json")) for d in (3650, 36500)}
misc = dict(line.strip().split("=", 1) for line in open(f"{work}/misc.env"))
mib = lambda kib: int(kib) / 1024

def cell(t, base):
    return f"{t['wall']:.1f} ms = **{t['wall'] / base['wall']:.2f}×** (CPU {t['cpu'] / base['cpu']:.2f}×)"

floor, true = first["floor"], first["true"]
print(f"\nstridelog benchmark, {datetime.date.today()}, {platform.machine()}, "
      f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, {runs} rounds")
print(f"journals: {misc['files3650']} and {misc['files36500']} day files "
      f"({int(misc['bytes3650']) / 2**20:.1f} and {int(misc['bytes36500']) / 2**20:.1f} MiB)\n")
print("| what | 10 years | 100 years | baseline (same run) |")
print("|---|---|---|---|")
for date in dates:
    day = datetime.date.fromisoformat(date).strftime("%-d %b")
    print(f"| first frame drawn, then exit, on {day} | {cell(first[f'3650@{date}'], floor)} | "
          f"{cell(first[f'36500@{date}'], floor)} | bare ratatui app {floor['wall']:.1f} ms "
          f"({size} pty; `/bin/true` {true['wall']:.1f} ms) |")
def shown(t, base):
    return f"{t['shown']:.1f} ms = **{t['shown'] / base['shown']:.2f}×**"
for date in dates:
    day = datetime.date.fromisoformat(date).strftime("%-d %b")
    print(f"| first frame on screen (exit not counted), on {day} | {shown(first[f'3650@{date}'], floor)} | "
          f"{shown(first[f'36500@{date}'], floor)} | bare ratatui app {floor['shown']:.1f} ms |")
c10, c100 = load[3650]["cat"], load[36500]["cat"]
print(f"| `stridelog check` (every file read and parsed) | {cell(load[3650]['check'], c10)} | "
      f"{cell(load[36500]['check'], c100)} | `find … -exec cat` {c10['wall']:.1f} / "
      f"{c100['wall']:.1f} ms |")
print(f"| `report --format json` | {cell(load[3650]['report'], c10)} | "
      f"{cell(load[36500]['report'], c100)} | the same `cat` |")
fr = mib(misc["floor_rss"])
print(f"| peak memory, first frame | {mib(misc['rss3650']):.1f} MiB = **{mib(misc['rss3650']) / fr:.2f}×** | "
      f"{mib(misc['rss36500']):.1f} MiB = **{mib(misc['rss36500']) / fr:.2f}×** | bare ratatui app {fr:.1f} MiB |")
print(f"| peak memory, whole history loaded | {mib(misc['settled3650']):.1f} MiB = "
      f"**{mib(misc['settled3650']) / fr:.2f}×** | {mib(misc['settled36500']):.1f} MiB = "
      f"**{mib(misc['settled36500']) / fr:.2f}×** | the same |")
size_b, floor_b = int(misc["size"]), int(misc["floor_size"])
print(f"| release binary | {size_b / 2**20:.2f} MiB = **{size_b / floor_b:.2f}×** | | "
      f"bare ratatui app {floor_b / 2**20:.2f} MiB |")
print(f"\nwall times are medians; the quartiles of each are in {work}/*.json; CPU is user + system.")
if jrnl_json != "none":
    j = json.load(open(jrnl_json))
    print(f"jrnl -n 10 on the same 10 years of notes: {j['jrnl']['wall']:.0f} ms; stridelog report: "
          f"{j['report']['wall']:.1f} ms = {j['report']['wall'] / j['jrnl']['wall']:.3f}× jrnl")
else:
    print("(jrnl could not be installed with pip; no side-by-side figure)")
PY
echo "raw results in $WORK" >&2
