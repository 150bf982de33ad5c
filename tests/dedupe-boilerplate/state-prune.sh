# --prune-after: a line a new document has not had for that many runs,
# still below --min-docs, is forgotten; one at --min-docs or above is
# kept, and --prune-after 0 keeps everything
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
site=https://news.example.cn
what=(x 春耕 夏收 秋播 冬藏)
day() {	# n: two pages of day n, one with the footer, one with another line
	printf 'p%da\t%s/%da.html\t本站信息由区融媒体中心统一发布\np%da\t%s/%da.html\t头条讲的是社区里%s的新鲜事。\n' \
		"$1" $site "$1" "$1" $site "$1" "${what[$1]}"
	printf 'p%db\t%s/%db.html\t本网页面由区信息中心维护更新\np%db\t%s/%db.html\t次条讲的是学校里%s的新鲜事。\n' \
		"$1" $site "$1" "$1" $site "$1" "${what[$1]}"
}
for keep in 2 0; do
	echo "--prune-after $keep:"
	s=$d/s$keep.db
	# day 1: the footer on one page, the other line on both; days 2
	# and 3 without the footer, each with the other line; day 4 the
	# footer once more
	day 1 | sed 's/本网页面由区信息中心维护更新/本站信息由区融媒体中心统一发布/' > "$d/d1"
	printf 'p1c\t%s/1c.html\t本网页面由区信息中心维护更新\np1c\t%s/1c.html\t第三条讲的是医院里的新鲜事。\n' $site $site >> "$d/d1"
	dedupe-boilerplate --state "$s" --prune-after "$keep" "$d/d1" > /dev/null
	for n in 2 3; do
		day $n | grep -v 本站信息 > "$d/d$n"
		dedupe-boilerplate --state "$s" --prune-after "$keep" "$d/d$n" > /dev/null
	done
	day 4 > "$d/d4"
	dedupe-boilerplate --state "$s" --prune-after "$keep" --mark "$d/d4" | cut -f1,3
done
