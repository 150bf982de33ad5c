# ten million empty lines: nothing to find, nothing lost, status 0
# (dedupe-boilerplate passes empty records on, as it does any body)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
yes '' | head -n 10000000 > "$d/in"
for t in segment "segment -w" extract-num tag-region "tag-region --doc" dedupe-boilerplate; do
	$t < "$d/in" > "$d/out"
	echo "$t: exit $?, $(wc -l < "$d/out") lines out"
done
