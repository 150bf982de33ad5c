# counting and labelling on threads change nothing: records, labels,
# --stats, the counts rows, the warnings (of the input, as it is read,
# and of rules that gave up: the first line each gave up on, in input
# order) and the state are those of the one thread that reads and
# writes, in two passes, with a state, learning, emitting counts and
# streaming (--apply, --counts); whatever the number of threads
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
LC_ALL=C awk -v what=pages -v n=300 -f data/gen.awk > "$d/pages"
# two slow rules that give up on long lines, first on different pages
# of different lengths, so that a warning says which line it came from
printf 'slow-a\t^(a|aa)+$\nslow-b\t^(b|bb)+$\n' > "$d/slow.rules"
{
	cat "$d/pages" web-*.in
	for i in 1 2 3 4 5 6 7 8 9; do
		printf 'g%d\t%s\n' "$i" "$(head -c $((20000 + 1000 * i)) /dev/zero | tr '\0' a)c"
		printf 'g%d\t第%d篇的正文讲一件事情。\n' "$i" "$i"
		printf 'h%d\t%s\n' "$i" "$(head -c $((20000 + 100 * i)) /dev/zero | tr '\0' b)c"
	done
	# a key used again (a warning as it is read), then a bad byte
	printf 'g1\t第一篇又来了,换了内容。\n'
	printf 'z1\t坏的\377字节\n'
} > "$d/in"
run() {	# run [-s] NAME ARGS...: output and standard error of each
	# thread count; with -s the warnings are compared as sets (streaming
	# reads ahead of the labelling, so the input's warnings may come
	# before those of rules on earlier articles)
	local name t sorted=cat
	[ "$1" = -s ] && { sorted="sort"; shift; }
	name=$1
	shift
	for t in 0 1 3 8; do
		rm -f "$d/s$t.db"
		[ -e "$d/state" ] && cp "$d/state" "$d/s$t.db"
		dedupe-boilerplate --threads $t "${@//STATE/$d/s$t.db}" \
			> "$d/$name.$t" 2> "$d/$name.$t.err"
		echo "status $?" >> "$d/$name.$t.err"
		[ -e "$d/s$t.db" ] && sqlite3 "$d/s$t.db" .dump > "$d/$name.$t.db"
	done
	for t in 1 3 8; do
		cmp -s "$d/$name.0" "$d/$name.$t" &&
		cmp -s <($sorted "$d/$name.0.err") <($sorted "$d/$name.$t.err") &&
		{ [ ! -e "$d/$name.0.db" ] || cmp -s "$d/$name.0.db" "$d/$name.$t.db"; } ||
			echo "$name: --threads $t differs from --threads 0"
	done
	echo "$name: $(wc -l < "$d/$name.0") lines out"
	sed "s|$d|DIR|" "$d/$name.0.err" | cut -c1-70
}
run mark --mark --stats --rules "$d/slow.rules" "$d/in"
run emit --emit-counts "$d/in"
run learn --state STATE --learn "$d/in"
run state --state STATE --rules "$d/slow.rules" "$d/in"
dedupe-boilerplate --state "$d/state" --learn "$d/pages"
run apply --state STATE --apply --mark --stats "$d/in"
rm -f "$d/state"
dedupe-boilerplate --emit-counts "$d/in" > "$d/counts" 2>/dev/null
run -s counts --counts "$d/counts" --stats --rules "$d/slow.rules" "$d/in"
# --line-buffered labels on the thread that reads: an article's records
# come out once the next article begins, not with a batch
mkfifo "$d/fifo"
dedupe-boilerplate --counts /dev/null --line-buffered --threads 4 \
	< "$d/fifo" > "$d/live" &
exec 3> "$d/fifo"
printf 'a1\thttp://x.cn/1\t第一篇文章的正文句子。\na2\thttp://x.cn/2\t第二篇。\n' >&3
for i in $(seq 100); do [ -s "$d/live" ] && break; sleep 0.1; done
echo "--line-buffered: the first article out before the input ends: $([ -s "$d/live" ] && echo yes || echo no)"
exec 3>&-
wait
cut -f1 "$d/live"
# near duplicates whatever the threads: a copy of a document of a state
# of format 1 is found by the signature of its folded text, and an
# article republished in Traditional characters by its Simplified
# reading, as on the one thread
printf 'v9\thttps://v.example.cn/9\t导航栏目 首页 新闻\nv9\thttps://v.example.cn/9\t第一篇文章的正文写在这里,讲的是春耕生产的事情,内容比较长,一共有六十多个字,足够计算签名了,再多写几句也无妨,总之要够长才行。\n' > "$d/copy"
cp data/v1.db "$d/state"
run format-1 --state STATE --apply --mark --min-docs 2 "$d/copy"
rm -f "$d/state"
segment ../fixtures/traditional/dawan-tourism.txt \
	../fixtures/traditional/dawan-tourism.s2hk.txt > "$d/trad"
run traditional --mark "$d/trad"
cut -f1,3 "$d/format-1.0"
cut -f1,4 "$d/traditional.0" | sed 's|\.\./fixtures/traditional/||g' | sort | uniq -c
