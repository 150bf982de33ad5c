# a document in the state is known by its key and its content: text read
# from standard input has the key '-' every day (JSON Lines without id:
# the line number), yet each day's new article counts, so the footer of
# all three days is boilerplate on the third; a key used again by a
# later, not adjacent, document of a run is reported once
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
n=0
for topic in 春耕生产 夏季防汛 秋粮收购; do
	n=$((n + 1))
	printf -- '-\t1\t本网站由市信息中心维护运营\n-\t2\t今天这篇文章的正文讲的是%s的安排。\n' "$topic" > "$d/day$n"
	echo "day $n:"
	dedupe-boilerplate --state "$d/s.db" --mark < "$d/day$n" | cut -f2,3
done
echo "day 3 again:"
dedupe-boilerplate --state "$d/s.db" --mark < "$d/day3" | cut -f2,3
printf 'a\t正文甲。\nb\t正文乙。\na\t正文丙。\nb\t正文丁。\n' |
	dedupe-boilerplate --mark
