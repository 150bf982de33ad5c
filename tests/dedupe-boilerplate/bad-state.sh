# corrupt, foreign and unwritable state files are refused, unchanged
d=$(mktemp -d)
trap 'chmod -R u+w "$d"; rm -rf "$d"' EXIT
cp data/corrupt.db data/foreign.db "$d/"
printf 'a\t正文。\n' | dedupe-boilerplate --state "$d/corrupt.db" 2>&1 | sed "s|$d|DIR|"
echo "exit ${PIPESTATUS[1]}"
printf 'a\t正文。\n' | dedupe-boilerplate --state "$d/foreign.db" 2>&1 | sed "s|$d|DIR|"
echo "exit ${PIPESTATUS[1]}"
cmp -s data/foreign.db "$d/foreign.db" && echo "the foreign file is untouched"
mkdir "$d/ro" && chmod a-w "$d/ro"
if [ "$(id -u)" = 0 ]; then
	echo "(root writes anywhere: the read-only case is not testable as root)"
else
	printf 'a\t正文。\n' | dedupe-boilerplate --state "$d/ro/s.db" 2>&1 | sed "s|$d|DIR|"
fi
printf 'a\t正文。\n' | dedupe-boilerplate --state "$d/nosuchdir/s.db" 2>&1 | sed "s|$d|DIR|"
echo "exit ${PIPESTATUS[1]}"
