# the reader of the output goes away (| head -n 1): the counts, complete
# before the first record is written, and the signatures of what was
# decided are saved, and the run ends quietly with status 0; run again,
# it gives what one complete run gives
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
# 5,000 pages of a site: a footer, and a body of its own (a fixed
# pseudo-random draw), except that pages 4901 to 4910 repeat the bodies
# of pages 4801 to 4810
awk 'BEGIN {
	cs = "天地人和山水日月星辰风雨雷电春夏秋冬东南西北金木江河湖海花草城乡村镇"
	for (k = 0; k < 34; k++)
		ch[k] = substr(cs, 3 * k + 1, 3)
	seed = 11
	for (i = 1; i <= 5000; i++) {
		body = ""
		for (k = 0; k < 60; k++) {
			seed = (seed * 16807) % 2147483647
			body = body ch[seed % 34]
		}
		b[i] = body
		if (i > 4900 && i <= 4910)
			body = b[i - 100]
		u = "https://p.example.cn/" i
		printf "p%d\t%s\t%s。\n", i, u, body
		printf "p%d\t%s\t本站信息由编辑部整理发布\n", i, u
	}
}' > "$d/in"
dedupe-boilerplate --state "$d/s.db" --mark "$d/in" | head -n 1
echo "exit ${PIPESTATUS[0]}"
printf 'q\thttps://p.example.cn/q\t本站信息由编辑部整理发布\n' > "$d/probe"
echo "saved: $(dedupe-boilerplate --state "$d/s.db" --apply --mark "$d/probe" 2>&1 | cut -f3)"
dedupe-boilerplate --state "$d/s.db" --mark "$d/in" > "$d/again"
dedupe-boilerplate --state "$d/fresh.db" --mark "$d/in" > "$d/one"
cmp -s "$d/again" "$d/one" && echo "run again: the same as one complete run"
cut -f3 "$d/again" | cut -d= -f1 | cut -d: -f1 | sort | uniq -c
