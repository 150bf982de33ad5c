# one key for the whole stream (text read from standard input is one
# article '-'): the article is handled in parts at --max-article, with
# one warning, and never held whole; memory stays that of the same
# records in articles of a thousand records each (labelled on the thread
# that reads); labelled on 4 threads (each keeps scratch for the longest
# part it had), memory does not grow with the stream's length
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
awk -v what=sentences -v n=200000 -f data/gen.awk > "$d/in"
awk -F'\t' '{ print "d" int($2 / 1000) "\t" $2 "\t" $3 }' "$d/in" > "$d/split"
cat "$d/in" "$d/in" > "$d/twice"
echo "input: $(wc -c < "$d/in" | awk '{ printf "%d MB", $1 / 1048576 }'), one article"
python3 -c '
import os, subprocess, sys
def peak(path, out, err, threads):
    with open(out, "wb") as o, open(err, "wb") as e:
        p = subprocess.Popen(["dedupe-boilerplate", "--max-article", "1M",
                              "--threads", threads, "--mark", path],
                             stdout=o, stderr=e)
        _, st, ru = os.wait4(p.pid, 0)
    return os.waitstatus_to_exitcode(st), ru.ru_maxrss
st, one = peak(sys.argv[1], sys.argv[3], sys.argv[4], "0")
_, split = peak(sys.argv[2], "/dev/null", "/dev/null", "0")
print("exit %d, peak as with short articles: %s" % (st,
      "yes" if one <= split * 1.25 + 4096 else "no (%d kB, %d kB)" % (one, split)))
# under AddressSanitizer the memory freed waits in its quarantine, which
# would grow with the stream: keep none of it for these two runs
os.environ["ASAN_OPTIONS"] = (os.environ.get("ASAN_OPTIONS", "") +
                              ":quarantine_size_mb=0").lstrip(":")
st, one = peak(sys.argv[1], "/dev/null", "/dev/null", "4")
st2, two = peak(sys.argv[5], "/dev/null", "/dev/null", "4")
print("4 threads: exit %d %d, the same peak for twice the stream: %s" % (st, st2,
      "yes" if two <= one * 1.1 + 2048 else "no (%d kB, %d kB)" % (two, one)))
' "$d/in" "$d/split" "$d/out" "$d/err" "$d/twice"
sed "s|$d|DIR|" "$d/err"
echo "records out: $(wc -l < "$d/out"), in parts of one key: $(cut -f1 "$d/out" | sort -u)"
cut -f3 "$d/out" | cut -d= -f1 | sort | uniq -c
