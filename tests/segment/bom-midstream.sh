# files that each start with a byte-order mark, joined with cat: the
# mark at the start of the second file is dropped like the first one,
# in every format (no article lost, no key with a mark in it)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
bom=$(printf '\357\273\277')
printf '%s{"id":"a","text":"一。"}\n' "$bom" > "$d/a.jsonl"
printf '%s{"id":"b","text":"二。"}\n' "$bom" > "$d/b.jsonl"
cat "$d/a.jsonl" "$d/b.jsonl" | segment --format jsonl
printf '%sk1\t三。\n' "$bom" > "$d/a.tsv"
printf '%sk2\t四。\n' "$bom" > "$d/b.tsv"
cat "$d/a.tsv" "$d/b.tsv" | segment --format tsv | od -c | sed -n 1p
printf '%s五。\n' "$bom" > "$d/a.txt"
cat "$d/a.txt" "$d/a.txt" | segment -p | od -c | sed -n 1,3p
echo "exit $?"
