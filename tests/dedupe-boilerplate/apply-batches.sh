# --apply looks the lines of many articles up at once (more keys than
# one batch holds here: 2000 articles of 20 lines of their own and a
# menu); its records and labels are those of the run article by article
# (--line-buffered), in the input's order
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
awk 'BEGIN {
	split("甲 乙 丙 丁 戊 己 庚 辛 壬 癸", c, " ")
	for (a = 1; a <= 2000; a++) {
		printf "k%d\thttps://s.example.cn/%d\t栏目导航 首页 新闻\n", a, a
		for (l = 1; l <= 20; l++) {
			n = a * 100 + l; t = ""
			while (n > 0) { t = t c[n % 10 + 1]; n = int(n / 10) }
			printf "k%d\thttps://s.example.cn/%d\t第%s条消息说的是城里的一件小事情。\n", a, a, t
		}
	}
}' > "$d/in"
dedupe-boilerplate --state "$d/s.db" --learn "$d/in"
echo "learn: exit $?"
dedupe-boilerplate --state "$d/s.db" --apply --mark "$d/in" > "$d/batched"
echo "apply: exit $?, $(wc -l < "$d/batched") records"
dedupe-boilerplate --state "$d/s.db" --apply --mark --line-buffered "$d/in" > "$d/each"
echo "article by article: exit $?"
cmp "$d/batched" "$d/each" && echo "the same records and labels"
# on threads, a batch is labelled with the counts it looked up while the
# next is read and looked up
dedupe-boilerplate --state "$d/s.db" --apply --mark --threads 2 "$d/in" > "$d/threads"
echo "on threads: exit $?"
cmp "$d/batched" "$d/threads" && echo "the same records and labels"
cut -f1,3 "$d/in" | cmp - <(cut -f1,4 "$d/batched") && echo "in the input's order"
cut -f3 "$d/batched" | sed 's/=.*//' | sort | uniq -c
