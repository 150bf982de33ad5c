# A stream that is one article (standard input through segment is the
# article '-') is resolved in parts of --max-article bytes, with one
# warning: memory stays with the bound, not with the input
python3 - <<'PY'
import os, subprocess, tempfile

def peak(path, args):
    with open(path, 'rb') as f, open(os.devnull, 'wb') as null:
        p = subprocess.Popen(['tag-region'] + args, stdin=f, stdout=null,
                             stderr=subprocess.PIPE)
        err = p.stderr.read().decode()
        _, status, ru = os.wait4(p.pid, 0)
    return ru.ru_maxrss, os.waitstatus_to_exitcode(status), err

with tempfile.TemporaryDirectory(prefix='zhpipe-art.') as d:
    small, big, empty = (os.path.join(d, x) for x in ('s', 'b', 'e'))
    open(empty, 'wb').close()
    for path, n in ((small, 40000), (big, 320000)):
        with open(path, 'wb') as f:
            subprocess.run(['python3', 'data/names.py', 'stream', str(n)],
                           stdout=f, check=True)
    args = ['--doc', '--max-article', '1M']
    base, _, _ = peak(empty, args)
    m1, s1, e1 = peak(small, args)
    m8, s8, e8 = peak(big, args)
    print('exit status %d and %d' % (s1, s8))
    print('warnings: %d and %d' % (e1.count('\n'), e8.count('\n')))
    print(e8.replace(big, 'INPUT'), end='')
    mb = os.path.getsize(big) >> 20
    grow = (m8 - base) >> 10
    # 8 times the input: memory above start-up under 16 MB (the input is
    # about 40 MB) and within 4 MB of the small run's
    if s1 == 0 and s8 == 0 and grow < 16 and m8 - m1 < 4096:
        print('memory bounded: the article cut in parts')
    else:
        print('memory grows: %d MB above start-up for %d MB, %d kB for '
              'an eighth' % (grow, mb, m1 - base))
PY
