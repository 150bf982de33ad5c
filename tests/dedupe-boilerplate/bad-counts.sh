# --counts: a count is 0 to 4294967295 documents; a negative, empty or
# larger count (or any other text) is refused with its line, and the
# counts of a key that add up past the maximum stop there, never wrap
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf 'a\t导航栏目 首页\na\t正文一句话写在这里。\n' > "$d/in"
key=$(printf 'a\t导航栏目 首页\n' | dedupe-boilerplate --emit-counts | cut -f1)
for v in -1 '' 4294967296 +3 '3 ' 0x3; do
	printf '%s\t%s\n' "$key" "$v" > "$d/c"
	echo "docs '$v':"
	dedupe-boilerplate --counts "$d/c" --mark "$d/in" 2>&1 | sed "s|$d|DIR|"
	echo "exit ${PIPESTATUS[0]}"
done
printf '0\t3\n' > "$d/c"
dedupe-boilerplate --counts "$d/c" "$d/in" 2>&1 | sed "s|$d|DIR|"
echo "key 0: exit ${PIPESTATUS[0]}"
printf '%s\t4294967295\n' "$key" > "$d/c1"
printf '# the same key again\n%s\t4294967295\n' "$key" > "$d/c2"
echo "4294967295 + 4294967295:"
dedupe-boilerplate --counts "$d/c1" --counts "$d/c2" --mark "$d/in" 2>&1 | sed "s|$d|DIR|"
echo "exit ${PIPESTATUS[0]}"
