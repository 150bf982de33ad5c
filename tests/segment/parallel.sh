# GNU parallel: input cut into blocks at line ends, one segment per
# block, output kept in order, is byte-identical to one process (a JSON
# Lines article is one line, so no article is split)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
bash ../fixtures/articles.sh 4000 > "$d/in.jsonl"
segment --format jsonl "$d/in.jsonl" > "$d/one"
parallel --will-cite -j 2 --pipe --keep-order --block 100k \
	segment --format jsonl < "$d/in.jsonl" > "$d/many"
cmp "$d/one" "$d/many" && echo "one process and parallel blocks agree: $(wc -l < "$d/one") records"
