# input that is not text at all (compressed bytes with the gzip header
# cut off): repaired to U+FFFD with one warning, no crash, status 0
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
seq 1 200000 | gzip -9 -n | tail -c +3 > "$d/bin"
for t in segment "segment -w" extract-num tag-region dedupe-boilerplate; do
	$t < "$d/bin" > "$d/out" 2> "$d/err"
	echo "$t: exit $?, $(wc -l < "$d/out") lines out"
	sed 's/^[a-z-]*: //' "$d/err"
done
