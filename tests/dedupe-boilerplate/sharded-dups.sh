# near duplicates on many machines: each shard writes the signatures of
# its articles (--emit-signatures, with the summed counts), one reducer
# reads them all, in any order, and lists the duplicates
# (--reduce-signatures), and each shard drops those (--dups): the same
# labels as one run over all. An article's order is a key field
# (--order-field 2), as an engine numbers the lines of its input.
# Planted: an exact copy, a chain A~B~C over three shards (B is a copy of
# A; C resembles B but not A, and B is not kept, so C is kept), two
# reports in one wording with other figures (no copies), and a key that
# comes again with the same text.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
LC_ALL=C awk 'BEGIN {
	cs = "天地人和山水日月星辰风雨雷电春夏秋冬东南西北金木水火土江河湖海城乡村镇花草树木"
	n = length(cs) / 3
	for (k = 0; k < n; k++)
		ch[k + 1] = substr(cs, 3 * k + 1, 3)
	seed = 5
	for (i = 1; i <= 30; i++) {
		b[i] = ""
		for (k = 0; k < 150; k++) {
			seed = (seed * 1103515245 + 12345) % 2147483648
			b[i] = b[i] ch[1 + int(seed / 65536) % n]
		}
	}
	# the chain: B is A with 3 characters changed, C is B with 3 more
	b[12] = b[5]
	for (k = 0; k < 3; k++)
		b[12] = substr(b[12], 1, 3 * (20 + 45 * k)) "爱" substr(b[12], 3 * (21 + 45 * k) + 1)
	b[20] = b[12]
	for (k = 0; k < 3; k++)
		b[20] = substr(b[20], 1, 3 * (40 + 45 * k)) "美" substr(b[20], 3 * (41 + 45 * k) + 1)
	b[25] = b[3]	# an exact copy
	b[8] = b[8] "共计1286个，增长3.8%"
	b[17] = b[8]
	sub(/1286个，增长3.8%/, "1307个，增长4.1%", b[17])
	for (i = 1; i <= 30; i++) {
		doc = "d" i
		if (i == 28)
			doc = "d9"	# d9 again
		t = i == 28 ? b[9] : b[i]
		printf "%s\t%d\t导航 首页 新闻 图片\n", doc, i
		printf "%s\t%d\t%s。\n", doc, i, t
		printf "%s\t%d\t本站信息由编辑部整理发布\n", doc, i
	}
}' > "$d/all"
cd "$d" || exit 1
dedupe-boilerplate --mark all > "$d/one"
split -l 30 "$d/all" "$d/shard."
for s in "$d"/shard.*; do dedupe-boilerplate --emit-counts "$s"; done |
	sort | awk -F'\t' '$1 != k { if (k != "") print k "\t" n; k = $1; n = 0 } { n += $2 }
	    END { if (k != "") print k "\t" n }' > "$d/counts"
for s in "$d"/shard.*; do
	dedupe-boilerplate --emit-signatures --counts "$d/counts" --order-field 2 "$s"
done > "$d/sigs"
echo "signature lines: $(wc -l < "$d/sigs"), fields: $(awk -F'\t' '{ print NF }' "$d/sigs" | sort -u)"
sort -r "$d/sigs" | dedupe-boilerplate --reduce-signatures > "$d/dups"
echo "the duplicates (order, part, original):"
cat "$d/dups"
for s in "$d"/shard.*; do
	dedupe-boilerplate --mark --counts "$d/counts" --dups "$d/dups" --order-field 2 "$s"
done > "$d/many"
cmp "$d/one" "$d/many" && echo "one run and the sharded runs agree: $(wc -l < "$d/one") records"
echo "the labels of the planted articles:"
awk -F'\t' '$2 ~ /^(3|25|5|12|20|8|17|9|28)$/ && $3 !~ /^boiler/ { print $1, $2, $3 }' "$d/one"
echo "a signature line of another program is refused:"
printf '1\t0\tzz\t00\t\tx\n' | dedupe-boilerplate --reduce-signatures 2>&1; echo "exit $?"
echo "two articles of one order are refused:"
head -1 "$d/sigs" | cat - "$d/sigs" | dedupe-boilerplate --reduce-signatures 2>&1; echo "exit $?"
echo "an order field that holds no number is refused:"
dedupe-boilerplate --emit-signatures --counts counts --order-field 1 all 2>&1; echo "exit $?"
