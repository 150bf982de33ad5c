# a state of format 2 (signatures of text with the digits folded, no
# numbers): --apply reads it as it is; the first run that writes it
# upgrades it to format 3, and its signatures are still compared, with
# the same kind of signature of the new article: a copy of a stored
# article is found; new articles are signed with their digits and
# numbers, so this year's figures in last year's words are no copy
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp data/v2.db "$d/"
version() {
	python3 -c 'import sqlite3, sys; print("format", sqlite3.connect(sys.argv[1]).execute("pragma user_version").fetchone()[0])' "$1"
}
body1='2023年全市新建公园12座、口袋公园38处，新增绿地面积56公顷，城市绿化覆盖率达到42.6%，比上年提高0.8个百分点，市民出门见绿的愿望正在变成现实。'
body4='2023年全县新建农村公路85公里，改造危桥6座，新增通客车的行政村14个，群众出行更加方便，农产品运出去的路也更顺畅了，乡亲们都说是件大好事。'
body5='2024年全县新建农村公路92公里，改造危桥4座，新增通客车的行政村11个，群众出行更加方便，农产品运出去的路也更顺畅了，乡亲们都说是件大好事。'
printf 'w3\thttps://x.example.cn/3\t导航栏目 首页 新闻\nw3\thttps://x.example.cn/3\t%s\n' "$body1" > "$d/copy"
printf 'w4\thttps://x.example.cn/4\t%s\nw5\thttps://x.example.cn/5\t%s\nw6\thttps://y.example.cn/6\t%s\n' "$body4" "$body5" "$body4" > "$d/new"
version "$d/v2.db"
echo "--apply, a copy of an article of the state:"
dedupe-boilerplate --state "$d/v2.db" --apply --mark "$d/copy" | cut -f1,3
cmp -s data/v2.db "$d/v2.db" && echo "the file is unchanged"
echo "a run that writes it:"
dedupe-boilerplate --state "$d/v2.db" --mark "$d/copy" "$d/new" | cut -f1,3
version "$d/v2.db"
echo "again (the state's articles are not their own copies):"
dedupe-boilerplate --state "$d/v2.db" --mark "$d/copy" "$d/new" | cut -f1,3
# the limit of a signature stored in format 2: it knows no figures, so this
# year's article in the words of one it holds is still taken for a copy
echo "other figures in the words of an article of format 2:"
printf 'w7\thttps://x.example.cn/7\t导航栏目 首页 新闻\nw7\thttps://x.example.cn/7\t%s\n' \
	"$(printf '%s' "$body1" | sed 's/2023/2024/; s/12座/15座/; s/38处/41处/; s/56/63/')" |
	dedupe-boilerplate --state "$d/v2.db" --mark | cut -f1,3
