#!/usr/bin/env python3
"""Times commands side by side for scripts/bench.sh: every round runs each command once, in
turn, so that a busy machine slows them all alike; prints a JSON object of medians.

    bench_timer.py RUNS NAME=COMMAND... [--pty ROWSxCOLS]

A COMMAND is split on spaces (no quoting); `sh:` in front runs it with /bin/sh -c instead.
With --pty, every command runs in a fresh pseudo-terminal of that size (the TUI needs one)
and its output is read until it exits. For each name: the median wall time, the median CPU
time (user + system, of the command and its children) and the quartiles of the wall time,
all in milliseconds; with --pty also `shown`, the median time until the command began to
leave the alternate screen (`ESC[?1049l`, written once its frame is out): the first frame
on screen, without the process's exit.
"""
import fcntl
import json
import os
import pty
import statistics
import struct
import sys
import termios
import time


def argv_of(command):
    if command.startswith("sh:"):
        return ["/bin/sh", "-c", command[3:]]
    return command.split()


LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


def run_in_pty(argv, rows, cols):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execv(argv[0], argv)
    out, shown = b"", None
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        if shown is None:
            out += chunk
            if LEAVE_ALTERNATE_SCREEN in out:
                shown = time.perf_counter() - start
    _, _, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    os.close(fd)
    return wall, usage.ru_utime + usage.ru_stime, wall if shown is None else shown


def run_plain(argv):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(argv[0], argv)
    _, _, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, wall


def main():
    args = sys.argv[1:]
    size = None
    if "--pty" in args:
        at = args.index("--pty")
        rows, cols = (int(n) for n in args[at + 1].split("x"))
        size = (rows, cols)
        del args[at : at + 2]
    runs = int(args[0])
    commands = [(a.split("=", 1)[0], argv_of(a.split("=", 1)[1])) for a in args[1:]]

    def once(argv):
        return run_in_pty(argv, *size) if size else run_plain(argv)

    for _ in range(2):  # warm the file cache and the binaries
        for _, argv in commands:
            once(argv)
    times = {name: [] for name, _ in commands}
    for _ in range(runs):
        for name, argv in commands:
            times[name].append(once(argv))
    out = {}
    for name, samples in times.items():
        wall = sorted(s[0] * 1000 for s in samples)
        cpu = sorted(s[1] * 1000 for s in samples)
        shown = sorted(s[2] * 1000 for s in samples)
        out[name] = {
            "wall": statistics.median(wall),
            "cpu": statistics.median(cpu),
            "shown": statistics.median(shown),
            "q1": wall[len(wall) // 4],
            "q3": wall[(3 * len(wall)) // 4],
        }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
