# counting on many machines: --emit-counts per shard (here with GNU
# parallel), the counts summed by sort and awk as a reducer would, then
# --counts to filter each shard: the same labels as one run over all
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
# 40 articles on 3 sites, each with a body of its own (a fixed
# pseudo-random draw), a menu and a footer that recur
awk 'BEGIN {
	cs = "天地人和山水日月星辰风雨雷电春夏秋冬东南西北金木水火土江河湖海城乡村镇花草树木"
	n = length(cs) / 3	# three bytes a character (LC_ALL=C)
	for (k = 0; k < n; k++)
		ch[k + 1] = substr(cs, 3 * k + 1, 3)
	seed = 7
	for (i = 1; i <= 40; i++) {
		site = "https://site" (i % 3) ".example.cn/" i
		body = ""
		for (k = 0; k < 60; k++) {
			seed = (seed * 1103515245 + 12345) % 2147483648
			body = body ch[1 + int(seed / 65536) % n]
		}
		printf "d%d\t%s\t导航 首页 新闻 图片\n", i, site
		printf "d%d\t%s\t%s。\n", i, site, body
		printf "d%d\t%s\t本站信息由编辑部整理发布\n", i, site
	}
}' > "$d/all"
dedupe-boilerplate --mark "$d/all" > "$d/one"
split -l 30 "$d/all" "$d/shard."
parallel --will-cite -j 2 --keep-order dedupe-boilerplate --emit-counts ::: "$d"/shard.* |
	sort | awk -F'\t' '$1 != k { if (k != "") print k "\t" n; k = $1; n = 0 } { n += $2 }
	    END { if (k != "") print k "\t" n }' > "$d/counts"
parallel --will-cite -j 2 --keep-order dedupe-boilerplate --mark --counts "$d/counts" ::: "$d"/shard.* > "$d/many"
cmp "$d/one" "$d/many" && echo "one run and the sharded runs agree: $(wc -l < "$d/one") records"
cut -f3 "$d/one" | sort | uniq -c
