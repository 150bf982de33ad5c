# GNU parallel: records grouped by article (--group-by 1 keeps an
# article's records in one block, for context), one tag-region per
# block, output kept in order, is byte-identical to one process
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
bash ../fixtures/articles.sh 4000 | segment --format jsonl > "$d/in"
for mode in "" --doc -a; do
	tag-region $mode "$d/in" > "$d/one"
	parallel --will-cite -j 2 --pipe --keep-order --block 100k \
		--colsep '\t' --group-by 1 tag-region $mode < "$d/in" > "$d/many"
	cmp "$d/one" "$d/many" && echo "tag-region ${mode:-(names)}: one process and parallel blocks agree: $(wc -l < "$d/one") lines"
done
