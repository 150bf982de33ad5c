# statistics across runs: a menu line seen on two pages of a site in one
# run is recognised on the site's single new page the next day
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
site=https://news.example.cn
printf 'x1\t%s/1.html\t本网站由市信息中心维护运营\nx1\t%s/1.html\t第一篇文章的正文,讲的是春耕生产的事情。\nx2\t%s/2.html\t本网站由市信息中心维护运营\nx2\t%s/2.html\t第二篇文章的正文,讲的是夏季防汛的安排。\n' $site $site $site $site > "$d/day1"
printf 'x3\t%s/3.html\t本网站由市信息中心维护运营\nx3\t%s/3.html\t第三篇文章的正文,讲的是秋粮收购的进度。\n' $site $site > "$d/day2"
echo "day 1:"
dedupe-boilerplate --state "$d/s.db" --mark "$d/day1" | cut -f1,3,4
echo "day 2 (one new page):"
dedupe-boilerplate --state "$d/s.db" --mark "$d/day2" | cut -f1,3,4
echo "day 2 again (already counted, not twice):"
dedupe-boilerplate --state "$d/s.db" --mark "$d/day2" | cut -f1,3,4
