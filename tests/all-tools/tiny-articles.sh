# a million tiny articles in JSON Lines, each with a text of its own:
# every one comes through every tool (memory is per article, not per dump)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
awk 'BEGIN {
	split("〇 一 二 三 四 五 六 七 八 九", cn, " ")
	for (i = 1; i <= 1000000; i++) {
		s = i ""; t = ""
		for (k = 1; k <= length(s); k++) t = t cn[substr(s, k, 1) + 1]
		printf "{\"id\":\"t%d\",\"url\":\"https://s%d.example.cn/%d\",\"text\":\"武威市新闻第%s条。\"}\n", i, i % 5, i, t
	}
}' > "$d/in.jsonl"
segment --format jsonl "$d/in.jsonl" > "$d/sent"
echo "segment: exit $?, $(wc -l < "$d/sent") sentences"
tag-region --doc "$d/sent" | cut -f2-4 | sort | uniq -c
echo "tag-region --doc: exit ${PIPESTATUS[0]}"
extract-num "$d/sent" | wc -l
dedupe-boilerplate --stats "$d/sent" 2>&1 > "$d/clean" | sed 's/^[a-z-]*: //'
echo "dedupe-boilerplate: $(wc -l < "$d/clean") records kept"
