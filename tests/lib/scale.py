#!/usr/bin/env python3
"""scale.py - a scaling check, not a timed one: run a command on an input
and on an input four times as big, and fail when CPU time or memory grows
by more than five times (linear growth gives about four; quadratic, 16).

usage: scale.py LABEL GEN N COMMAND

GEN is a shell command that writes an input of about N units to stdout
when given N as its last argument; COMMAND a shell command reading stdin.
N is doubled until the small run takes at least MIN_CPU seconds (or its
input reaches MAX_BYTES), so that start-up and timer noise do not decide.
Memory is compared above what the command takes on an empty input
(dictionaries, tables). A verdict of not linear is given only after the
runs are made again (RETRIES times; up to MORE times beyond that while
only CPU time is over, by less than BORDER times: other jobs on a shared
machine stretch one run more than another, and measured x5.2 for linear
work under a sanitizer; no load brings x16 under x8). Prints "LABEL:
linear" or the figures and exits 1.

Peak memory is what the largest process of the command reaches above
where it stands once started, read in two steps:
- $BIN/measure (bench/measure.c) forks the command from a small
  process: one forked from Python would report at least Python's own
  peak (the kernel keeps the peak across exec).
- the input comes through a pipe; when every process of the command
  waits on it (start-up done), their peaks are reset to what they hold
  then (/proc/PID/clear_refs), and only then is the input written. A
  peak taken from the start would count the tables a start-up builds
  and frees (a dictionary loaded through scratch arrays) as room that
  the small run's buffers reuse and the big run's outgrow: linear
  growth would look like more than x5.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

MIN_CPU = 0.25
MIN_CPU_FLOOR = 0.05  # a faster small run is compared as if it took this
MAX_BYTES = 8 << 20   # the small input grows no bigger than this
MAX_RATIO = 5.0
SLACK_KB = 4096     # memory growth below this is noise
RETRIES = 4         # runs again before a verdict of not linear
BORDER = 8.0        # CPU grown by less than this after RETRIES: run up to
MORE = 6            # MORE times again (load on a shared machine, not x16)


MEASURE = os.path.join(os.environ.get('BIN', 'build'), 'measure')
READY_SECONDS = 30  # start-up longer than this: peaks are not reset


def family(root):
    """The processes below root."""
    kids = {}
    for d in os.listdir('/proc'):
        if not d.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % d) as f:
                ppid = int(f.read().rsplit(')', 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(d))
    out, todo = [], [root]
    while todo:
        for k in kids.get(todo.pop(), []):
            out.append(k)
            todo.append(k)
    return out


def waiting(pid):
    """'read' when pid is blocked reading standard input, 'wait' when it
    waits for a child, else None."""
    try:
        with open('/proc/%d/syscall' % pid) as f:
            call = f.read().split()
    except OSError:
        return None
    if len(call) > 1 and call[0] == '0' and int(call[1], 16) == 0:
        return 'read'
    if call and call[0] in ('61', '247'):  # wait4, waitid
        return 'wait'
    return None


def reset_peaks(root):
    """Once every process below root waits on its input or on a child,
    reset their peak memory to what they hold."""
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        pids = family(root)
        states = [waiting(p) for p in pids]
        if 'read' in states and None not in states:
            for p in pids:
                try:
                    with open('/proc/%d/clear_refs' % p, 'w') as f:
                        f.write('5')
                except OSError:
                    pass
            return
        time.sleep(0.01)


def run(cmd, path):
    """CPU seconds (the command and all it started), peak memory in kB
    (the largest process, above its start-up) and exit status of cmd
    reading path."""
    with open(os.devnull, 'wb') as null:
        p = subprocess.Popen([MEASURE, '/dev/stdin', 'bash', '-c', cmd],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=null)
    reset_peaks(p.pid)
    with open(path, 'rb') as f:
        try:
            shutil.copyfileobj(f, p.stdin, 1 << 20)
        except BrokenPipeError:
            pass
    try:
        p.stdin.close()
    except BrokenPipeError:
        pass
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit('scale.py: %s failed' % MEASURE)
    rss, code = out.split()[1:3]  # seconds, peak KiB, status, ...
    return ru.ru_utime + ru.ru_stime, int(rss), int(code)


def make(gen, n, path):
    with open(path, 'wb') as f:
        subprocess.run(['bash', '-c', '%s %d' % (gen, n)], stdout=f, check=True)


def main():
    label, gen, n, cmd = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with tempfile.TemporaryDirectory(prefix='zhpipe-scale.') as d:
        small, big, empty = (os.path.join(d, x) for x in ('s', 'b', 'e'))
        open(empty, 'wb').close()
        _, base, _ = run(cmd, empty)
        while True:
            make(gen, n, small)
            c1, m1, s1 = run(cmd, small)
            if c1 >= MIN_CPU or os.path.getsize(small) >= MAX_BYTES:
                break
            n *= 2
        make(gen, 4 * n, big)
        c4, m4, s4 = run(cmd, big)
        bad = verdict(c1, m1, s1, c4, m4, s4, base)
        for k in range(RETRIES + MORE):
            if not bad or 'exit status' in bad[0]:
                break
            if k >= RETRIES and (len(bad) > 1 or not bad[0].startswith('CPU')
                                 or c4 > BORDER * max(c1, MIN_CPU_FLOOR)):
                break
            # the machine may be busy: the least of more runs is the
            # cost, and no noise brings x16 down to x5; a pause lets a
            # burst of other work pass (a fast command's small run may
            # take well under MIN_CPU when its input is capped)
            time.sleep(1)
            r1, r4 = run(cmd, small), run(cmd, big)
            c1, m1, s1 = min(c1, r1[0]), min(m1, r1[1]), max(s1, r1[2])
            c4, m4, s4 = min(c4, r4[0]), min(m4, r4[1]), max(s4, r4[2])
            bad = verdict(c1, m1, s1, c4, m4, s4, base)
        if bad:
            print('%s: not linear at n=%d: %s' % (label, n, '; '.join(bad)))
            return 1
        print('%s: linear' % label)
        return 0


def verdict(c1, m1, s1, c4, m4, s4, base):
    """What is wrong with the two runs: [] when they scale linearly."""
    g1, g4 = max(m1 - base, SLACK_KB), max(m4 - base, SLACK_KB)
    bad = []
    if s1 != 0 or s4 != 0:
        bad.append('exit status %d and %d' % (s1, s4))
    if c4 > MAX_RATIO * max(c1, MIN_CPU_FLOOR):
        bad.append('CPU %.2fs -> %.2fs (x%.1f)' % (c1, c4, c4 / c1))
    if g4 > MAX_RATIO * g1:
        bad.append('memory above start-up %d kB -> %d kB (x%.1f)' %
                   (m1 - base, m4 - base, g4 / g1))
    return bad

if __name__ == '__main__':
    sys.exit(main())
