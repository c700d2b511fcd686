#!/usr/bin/env bash
# Times stridelog from the outside on 10- and 100-year demo journals and prints a table next to
# the targets of the performance issue. Needs hyperfine (installed with apt-get when missing) and
# GNU time. If jrnl can be installed with pip, also times `jrnl -n 10` on the same content.
#
#   scripts/bench.sh            # full run
#   RUNS=5 scripts/bench.sh     # fewer runs per measurement
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
WORK=${WORK:-$(mktemp -d /tmp/stridelog-bench.XXXXXX)}
TODAY=2026-11-22

if ! command -v hyperfine >/dev/null; then
  echo "installing hyperfine…" >&2
  (apt-get install -y hyperfine >/dev/null 2>&1 || sudo apt-get install -y hyperfine >/dev/null 2>&1) ||
    { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 1; }
fi
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null 2>&1 || true

cargo build --release --locked -q
BIN=$PWD/target/release/stridelog

for days in 3650 36500; do
  [ -d "$WORK/j$days" ] || "$BIN" demo "$WORK/j$days" --days "$days" --today "$TODAY" >/dev/null
done

median_ms() { # hyperfine JSON -> median in ms
  python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$1"
}
time_cmd() { # name, command
  hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$WORK/$1.json" "$2" >/dev/null 2>&1 ||
    hyperfine --warmup 3 --runs "$RUNS" --export-json "$WORK/$1.json" "$2" >/dev/null
  median_ms "$WORK/$1.json"
}
# The TUI needs a terminal. A small Python harness starts it in a pseudo-terminal, reads its
# output until it exits and takes the median wall time; the same harness running /bin/true is
# the baseline subtracted from it (fork, exec and the pty itself).
pty_ms() { # runs, command...
  python3 - "$@" <<'PY'
import os, pty, statistics, sys, time
runs, argv = int(sys.argv[1]), sys.argv[2:]
def once():
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return time.perf_counter() - start
for _ in range(3):
    once()
print("%.1f" % (statistics.median(once() for _ in range(runs)) * 1000))
PY
}
pty_base=$(pty_ms "$RUNS" /bin/true)

# Peak memory of the TUI once the whole history has loaded in the background: it runs in a
# pseudo-terminal for two seconds, then gets `q`.
settled_kib() { # command...
  python3 - "$WORK/rss-settled" "$@" <<'PY'
import os, pty, sys, time
out, argv = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execv("/usr/bin/time", ["/usr/bin/time", "-f", "%M", "-o", out] + argv)
end = time.time() + 2.0
while time.time() < end:
    try:
        os.read(fd, 65536)
    except OSError:
        break
os.write(fd, b"q")
while True:
    try:
        if not os.read(fd, 65536):
            break
    except OSError:
        break
os.waitpid(pid, 0)
PY
  cat "$WORK/rss-settled"
}

peak_kib() { # command in a pty -> max RSS in KiB
  /usr/bin/time -f "%M" -o "$WORK/rss" script -qec "$1" /dev/null >/dev/null 2>&1 || true
  # `script` runs the command as a child; GNU time reports the largest child.
  cat "$WORK/rss"
}

declare -A R
for days in 3650 36500; do
  dir="$WORK/j$days"
  files=$(find "$dir/days" -name '*.ron' | wc -l)
  R[files$days]=$files
  first=$(pty_ms "$RUNS" "$BIN" --data-dir "$dir" --today "$TODAY" --exit-after-first-frame)
  R[first$days]=$(python3 -c "print('%.1f' % max(0.0, $first - $pty_base))")
  R[report$days]=$(time_cmd "report$days" "$BIN report --format json --data-dir $dir --today $TODAY")
  R[check$days]=$(time_cmd "check$days" "$BIN check --data-dir $dir")
  R[rss$days]=$(( $(peak_kib "$BIN --data-dir $dir --today $TODAY --exit-after-first-frame") / 1024 ))
  R[settled$days]=$(( $(settled_kib "$BIN" --data-dir "$dir" --today "$TODAY") / 1024 ))
done
size=$(stat -c %s "$BIN")

printf '\nstridelog benchmark, %s, %s, %s cores\n' "$(date -u +%F)" "$(uname -m)" "$(nproc)"
printf '(first frame: median in a pseudo-terminal minus %s ms for starting /bin/true the same way)\n\n' "$pty_base"
printf '| what | 10 years (%s files) | target | 100 years (%s files) | target |\n' "${R[files3650]}" "${R[files36500]}"
printf '|---|---|---|---|---|\n'
printf '| first frame drawn, then exit | %s ms | <= 20 ms | %s ms | <= 25 ms |\n' "${R[first3650]}" "${R[first36500]}"
printf '| report --format json | %s ms | <= 20 ms | %s ms | <= 25 ms |\n' "${R[report3650]}" "${R[report36500]}"
printf '| check (full load) | %s ms | <= 50 ms | %s ms | <= 500 ms |\n' "${R[check3650]}" "${R[check36500]}"
printf '| peak memory of the TUI, first frame | %s MiB | <= 16 MiB | %s MiB | <= 64 MiB |\n' "${R[rss3650]}" "${R[rss36500]}"
printf '| peak memory of the TUI, whole history loaded | %s MiB | <= 16 MiB | %s MiB | <= 64 MiB |\n' "${R[settled3650]}" "${R[settled36500]}"
printf '| release binary | %s MiB | <= 3 MiB | | |\n' "$(python3 -c "print('%.2f' % ($size/1048576))")"

if command -v jrnl >/dev/null || pip install -q jrnl >/dev/null 2>&1; then
  # The same notes as a jrnl journal: one entry per day.
  jdir="$WORK/jrnl"; mkdir -p "$jdir"
  "$BIN" report --format json --weeks 1 --data-dir "$WORK/j3650" --today "$TODAY" >/dev/null
  python3 - "$WORK/j3650" "$jdir/journal.txt" <<'PY'
import pathlib, sys
root, out = pathlib.Path(sys.argv[1]), open(sys.argv[2], "w")
for f in sorted(root.glob("days/*/*.ron")):
    out.write(f"[{f.stem} 07:00] Day log\n{f.read_text()}\n\n")
PY
  printf 'default_journal: default\njournals:\n  default: %s\nencrypt: false\ntimeformat: "%%Y-%%m-%%d %%H:%%M"\ntagsymbols: "@"\neditor: ""\ndefault_hour: 9\ndefault_minute: 0\nhighlight: false\nlinewrap: 79\ncolors: {body: none, date: none, tags: none, title: none}\nindent_character: "|"\ndisplay_format: null\ntemplate: false\nversion: v4.0\n' \
    "$jdir/journal.txt" > "$jdir/jrnl.yaml"
  j=$(time_cmd jrnl "jrnl --config-file $jdir/jrnl.yaml -n 10")
  printf '\njrnl -n 10 on the same 10 years: %s ms; stridelog report on them: %s ms (%sx faster)\n' \
    "$j" "${R[report3650]}" "$(python3 -c "print('%.0f' % ($j / max(${R[report3650]}, 0.1)))")"
else
  printf '\n(jrnl could not be installed with pip; no side-by-side figure)\n'
fi
echo "raw results in $WORK"
