# a line of 200 MB without a newline, after a normal record: every tool
# reports it with its number and skips it, reading it through without
# keeping it (default --max-line 64M), processes the rest, exits 1, and
# its memory stays far below the line's size
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
{ printf 'd\t武威市民勤县的新闻第一句。\nd\t'; head -c 200000000 /dev/zero | tr '\0' a; } > "$d/in"
for t in segment extract-num tag-region dedupe-boilerplate; do
	"$t" < "$d/in" > "$d/out" 2> "$d/err" &
	pid=$! peak=0
	while kill -0 $pid 2>/dev/null; do
		kb=$(awk '/^VmHWM/ { print $2 }' /proc/$pid/status 2>/dev/null)
		[ -n "$kb" ] && [ "$kb" -gt "$peak" ] && peak=$kb
		sleep 0.05
	done
	wait $pid
	st=$?
	echo "$t: exit $st, $(wc -l < "$d/out") lines out, peak under 256 MB: $([ "$peak" -lt 262144 ] && echo yes || echo "no ($peak kB)")"
	sed 's/^[a-z-]*: //' "$d/err"
done
