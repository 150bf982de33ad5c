# GNU parallel: sentence records cut into blocks, one extract-num per
# block, output kept in order, is byte-identical to one process
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
bash ../fixtures/articles.sh 4000 | segment --format jsonl > "$d/in"
extract-num "$d/in" > "$d/one"
parallel --will-cite -j 2 --pipe --keep-order --block 100k \
	extract-num < "$d/in" > "$d/many"
cmp "$d/one" "$d/many" && echo "one process and parallel blocks agree: $(wc -l < "$d/one") expressions"
