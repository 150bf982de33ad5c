# --apply keeps the counts it looked up only up to a bound: on four
# times the distinct lines its peak memory stays that of the shorter
# input, where the memory of a run that counts (no --apply) grows
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
gen() {	# n: articles of 100 different sentences
	awk -v what=sentences -v n="$1" -f data/gen.awk |
	awk -F'\t' '{ print "d" int($2 / 100) "\t" $2 "\t" $3 }'
}
gen 1000 > "$d/learn"
gen 100000 > "$d/short"
gen 400000 > "$d/long"
dedupe-boilerplate --state "$d/s.db" --learn "$d/learn"
echo "learn: exit $?"
python3 -c '
import os, subprocess, sys
# under AddressSanitizer the memory freed waits in its quarantine
os.environ["ASAN_OPTIONS"] = (os.environ.get("ASAN_OPTIONS", "") +
                              ":quarantine_size_mb=0").lstrip(":")
def peak(*args):
    with open(os.devnull, "wb") as o:
        p = subprocess.Popen(["dedupe-boilerplate"] + list(args), stdout=o)
        _, st, ru = os.wait4(p.pid, 0)
    return os.waitstatus_to_exitcode(st), ru.ru_maxrss
s, short = peak("--state", sys.argv[1], "--apply", sys.argv[2])
l, long = peak("--state", sys.argv[1], "--apply", sys.argv[3])
print("--apply: exit %d %d, the same peak on four times the lines: %s" % (s, l,
      "yes" if long <= short * 1.15 + 2048 else "no (%d kB, %d kB)" % (long, short)))
s, short = peak(sys.argv[2])
l, long = peak(sys.argv[3])
print("counting: exit %d %d, a higher peak on four times the lines: %s" % (s, l,
      "yes" if long > short * 1.15 + 2048 else "no (%d kB, %d kB)" % (long, short)))
' "$d/s.db" "$d/short" "$d/long"
