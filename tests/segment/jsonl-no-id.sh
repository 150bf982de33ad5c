# JSON Lines without an id: the doc key is made from the object's bytes,
# so it is the same whichever block of the input a line falls in (GNU
# parallel --pipe), and different articles get different keys
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
bash ../fixtures/articles.sh 3000 | sed 's/"id":"a[0-9]*",//' > "$d/in.jsonl"
segment --format jsonl "$d/in.jsonl" > "$d/one"
parallel --will-cite -j 2 --pipe --keep-order --block 50k \
	segment --format jsonl < "$d/in.jsonl" > "$d/many"
cmp "$d/one" "$d/many" && echo "one process and parallel blocks agree"
echo "$(cut -f1 "$d/one" | uniq | sort -u | wc -l) keys for $(wc -l < "$d/in.jsonl") articles"
printf '{"text":"甲。"}\n{"text":"乙。"}\n{"text":"甲。"}\n' | segment --format jsonl
