# gzip-compressed files are read transparently; a truncated one is
# reported, and every line read before the cut is still written
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
gzip -c data/a.txt > "$d/a.txt.gz"
cat data/b.txt data/b.txt | gzip -c > "$d/b.gz"
cd "$d" && segment a.txt.gz b.gz
seq 1 200000 | sed 's/$/号。/' | gzip -c | head -c 20000 > cut.gz
segment cut.gz | tail -n 2
echo "exit: ${PIPESTATUS[0]}"
