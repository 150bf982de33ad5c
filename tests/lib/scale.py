#!/usr/bin/env python3
"""scale.py - a scaling check, not a timed one: run a command on an input
and on an input four times as big, and fail when CPU time or memory grows
by more than five times (linear growth gives about four; quadratic, 16).

usage: scale.py LABEL GEN N COMMAND

GEN is a shell command that writes an input of about N units to stdout
when given N as its last argument; COMMAND a shell command reading stdin.
N is doubled until the small run takes at least MIN_CPU seconds (or its
input reaches MAX_BYTES), so that start-up and timer noise do not decide. Memory is compared above what the
command takes on an empty input (dictionaries, tables). Prints
"LABEL: linear" or the figures and exits 1.
"""
import os
import subprocess
import sys
import tempfile

MIN_CPU = 0.25
MIN_CPU_FLOOR = 0.05  # a faster small run is compared as if it took this
MAX_BYTES = 8 << 20   # the small input grows no bigger than this
MAX_RATIO = 5.0
SLACK_KB = 4096     # memory growth below this is noise


def run(cmd, path):
    with open(path, 'rb') as f, open(os.devnull, 'wb') as null:
        p = subprocess.Popen(['bash', '-c', cmd], stdin=f, stdout=null,
                             stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
    cpu = ru.ru_utime + ru.ru_stime
    return cpu, ru.ru_maxrss, os.waitstatus_to_exitcode(status)


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
        g1, g4 = max(m1 - base, SLACK_KB), max(m4 - base, SLACK_KB)
        bad = []
        if s1 != 0 or s4 != 0:
            bad.append('exit status %d and %d' % (s1, s4))
        if c4 > MAX_RATIO * max(c1, MIN_CPU_FLOOR):
            bad.append('CPU %.2fs -> %.2fs (x%.1f)' % (c1, c4, c4 / c1))
        if g4 > MAX_RATIO * g1:
            bad.append('memory above start-up %d kB -> %d kB (x%.1f)' %
                       (m1 - base, m4 - base, g4 / g1))
        if bad:
            print('%s: not linear at n=%d: %s' % (label, n, '; '.join(bad)))
            return 1
        print('%s: linear' % label)
        return 0


if __name__ == '__main__':
    sys.exit(main())
