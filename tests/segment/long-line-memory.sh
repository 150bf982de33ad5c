# one line of 16 MB of Chinese without a sentence end: segment holds the
# line and 8 bytes for each character of a Han run (about 3.7 times the
# line; there is no white space to fold, so no folded copy). zhpipe(7)
# promises five times the line, seven with --nfkc or --simplified (which
# may rewrite the line); the test asks for 4.5 and six, so that one more
# copy of the line shows. The word list is mapped,
# not built, at start: the pages of it that the text reads come in with
# the text, so start-up is measured on the line's text once (some KB).
# (a sanitizer build keeps freed blocks in quarantine: not here)
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat ../../examples/*.txt | python3 -c '
import sys
han = "".join(c for c in sys.stdin.read() if "\u4e00" <= c <= "\u9fff")
open(sys.argv[1], "w").write(han)
sys.stdout.write((han * (16000000 // (3 * len(han)) + 1))[:16000000 // 3])
' "$d/once" > "$d/line"
size=$(wc -c < "$d/line")
for m in "" -p -w -t "-w --nfkc" "-t --simplified"; do
	base=$(measure "$d/once" segment $m | cut -d' ' -f2)
	set -- $(measure "$d/line" segment $m)
	case $m in *--nfkc*|*--simplified*) max=6 ;; *) max=4.5 ;; esac
	awk -v m="segment${m:+ }$m" -v base="$base" -v peak="$2" -v st="$3" \
	    -v size="$size" -v max="$max" 'BEGIN {
		x = (peak - base) * 1024 / size
		if (st == 0 && x <= max)
			print m ": within " max " times the line"
		else
			printf "%s: exit %d, %.1f times the line\n", m, st, x
	}'
done
