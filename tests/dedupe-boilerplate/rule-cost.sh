# a --rules pattern that backtracks exponentially (nested repeats) costs
# little on each line: its match limit grows with the line's length, not
# ten million steps whatever the length; after it first gave up it is
# tried once a line (not in the one-pass alternation and then again);
# the records it gave up on are counted in --stats
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf 'slow\t^(a|aa)+$\n' > "$d/slow.rules"
awk 'BEGIN { for (i = 1; i <= 200; i++) printf "d%d\t%s\n", i, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" }' > "$d/in"
TIMEFORMAT=%U
{ time dedupe-boilerplate --stats --min-docs 1000 --rules "$d/slow.rules" "$d/in" > "$d/out" 2> "$d/err"; } 2> "$d/time"
cat "$d/err"
echo "records out: $(wc -l < "$d/out")"
awk '{ print "under 2 s of CPU for 200 such lines:", ($1 < 2 ? "yes" : "no (" $1 " s)") }' "$d/time"
# and the cost grows with the input, not faster: lines of 30 to 1030
# bytes, N of them and then 4N
cat > "$d/gen" <<'GEN'
awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) {
	s = sprintf("%*s", 30 + i % 1000, ""); gsub(/ /, "a", s)
	printf "d%d\t%sb\n", i, s } }'
GEN
python3 ../lib/scale.py "a backtracking rule" "bash $d/gen" 200 \
	"dedupe-boilerplate --min-docs 1000000 --rules $d/slow.rules"
