# a run reads from the state the lines of its own input, not the whole
# history: a small run's peak memory is the same with a state of 20,000
# lines as with one of 400,000 (each line counted once, on a site of its
# own), and --apply decides the same with either
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
gen() {	# documents first..last: four lines each, none like another
	awk -v a="$1" -v b="$2" '
	function enc(n,   s) { s = ""; do { s = substr("abcdefghij", n % 10 + 1, 1) s; n = int(n / 10) } while (n); return s }
	BEGIN { for (i = a; i <= b; i++) for (j = 1; j <= 4; j++)
		printf "d%d\thttps://s%d.example.cn/%d.html\t第%s段的文字,编号%s,写在这里。\n", i, i % 97, i, enc(j), enc(i * 7 + j) }'
}
gen 1 5000 > "$d/small"
gen 1 100000 > "$d/big"
dedupe-boilerplate --state "$d/small.db" --learn "$d/small"
dedupe-boilerplate --state "$d/big.db" --learn "$d/big"
# the day's input: 50 records, one of them a line both states hold
{ gen 200001 200012; sed -n 5p "$d/small"; } | head -n 50 > "$d/day"
for s in small big; do
	cp "$d/$s.db" "$d/run.db"
	read -r _ rss st _ <<< "$(measure "$d/day" dedupe-boilerplate --state "$d/run.db")"
	echo "$s $rss $st"
	dedupe-boilerplate --state "$d/$s.db" --apply --mark "$d/day" > "$d/$s.out"
done > "$d/rss"
awk '{ rss[$1] = $2; st = st $3 } END {
	print "exit status:", st == "00" ? "0" : st
	d = rss["big"] - rss["small"]
	print "peak memory with 20 times the history:", d < 4096 ? "the same (within 4 MB)" : "grows by " d " KiB" }' "$d/rss"
cmp -s "$d/small.out" "$d/big.out" && echo "--apply decides the same with either state"
