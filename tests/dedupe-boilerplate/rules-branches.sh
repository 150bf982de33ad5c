# rules whose branches are anchored at the line start or not are tried the
# same (the prefilter splits them); (?i) keeps a pattern whole
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf 'twoways\t^栏目|尾巴$\ncase\tabc|(?i)xyz\n' > "$d/rules"
printf 'd\t栏目甲\nd\t一条小尾巴\nd\t正文的句子写在这里，栏目尾巴都不在两头。\nd\t看这里XYZ\nd\tABC大写\n' |
	dedupe-boilerplate --rules "$d/rules" --mark | cut -f2
