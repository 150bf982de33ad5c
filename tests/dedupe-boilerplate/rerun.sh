# a re-run with the same state (a retried cron job) gives the same output
# as the first run: a document already in the state is never its own
# duplicate, and its lines are not counted twice; a copy of a document
# later in one run is still a duplicate of the first
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
(cd ../.. && segment examples/*.txt) > "$d/ex.tsv"
dedupe-boilerplate --state "$d/s.db" --mark "$d/ex.tsv" > "$d/first"
dedupe-boilerplate --state "$d/s.db" --mark "$d/ex.tsv" > "$d/again"
echo "first run: $(grep -c '	body	' "$d/first") body records of $(wc -l < "$d/first")"
cmp -s "$d/first" "$d/again" && echo "a re-run gives the same"
dedupe-boilerplate --state "$d/s.db" --apply --mark "$d/ex.tsv" > "$d/applied"
cmp -s "$d/first" "$d/applied" && echo "and so does --apply"
echo "the input twice in one run, labels:"
cat "$d/ex.tsv" "$d/ex.tsv" | dedupe-boilerplate --state "$d/s.db" --mark 2> "$d/err" |
	cut -f4 | cut -d= -f1 | cut -d: -f1 | sort | uniq -c
sed "s|$d|DIR|" "$d/err"
