# --counts filters with counts summed elsewhere; a run that only counts
# (--learn, --emit-counts) refuses it rather than write records and
# leave the state as it was, or fall over
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf 'a\t一行字\nb\t另一行字\n' > "$d/in.tsv"
dedupe-boilerplate --emit-counts "$d/in.tsv" > "$d/counts.tsv"
dedupe-boilerplate --learn --state "$d/s.db" "$d/in.tsv"
dedupe-boilerplate --learn --state "$d/s.db" --counts "$d/counts.tsv" "$d/in.tsv"
echo "--learn: status $?"
dedupe-boilerplate --emit-counts --counts "$d/counts.tsv" "$d/in.tsv"
echo "--emit-counts: status $?"
