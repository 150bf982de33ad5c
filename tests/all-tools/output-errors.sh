# output errors: a full disk is reported with status 2; a reader that
# goes away in the middle of a large run ends the tool quietly, status 0
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
bash ../fixtures/articles.sh 3000 > "$d/in.jsonl"
segment --format jsonl "$d/in.jsonl" > "$d/sent"
for t in "segment --format jsonl" "segment -w --format jsonl"; do
	$t "$d/in.jsonl" > /dev/full 2> "$d/err"
	echo "$t > /dev/full: exit $?: $(sed 's/^[a-z-]*: //' "$d/err")"
	$t "$d/in.jsonl" 2> "$d/err" | head -n 1 > /dev/null
	echo "$t | head -n 1: exit ${PIPESTATUS[0]}, $(wc -c < "$d/err") bytes on stderr"
done
for t in extract-num tag-region "tag-region --doc" "dedupe-boilerplate --mark"; do
	$t "$d/sent" > /dev/full 2> "$d/err"
	echo "$t > /dev/full: exit $?: $(sed 's/^[a-z-]*: //' "$d/err")"
	$t "$d/sent" 2> "$d/err" | head -n 1 > /dev/null
	echo "$t | head -n 1: exit ${PIPESTATUS[0]}, $(wc -c < "$d/err") bytes on stderr"
done
