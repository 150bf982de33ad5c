# --learn counts only; --apply filters a stream with the stored counts
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
for i in 1 2 3; do
	printf 'y%s\thttps://s.example.cn/%s\t栏目导航 首页 新闻\ny%s\thttps://s.example.cn/%s\t正文%s,各不相同的内容写在这里。\n' $i $i $i $i "$(echo 甲乙丙 | cut -c$((i * 3 - 2))-$((i * 3)))"
done > "$d/old"
dedupe-boilerplate --state "$d/s.db" --learn "$d/old" > "$d/out"
echo "learn: exit $?, $(wc -c < "$d/out") bytes written"
printf 'z1\thttps://s.example.cn/9\t栏目导航 首页 新闻\nz1\thttps://s.example.cn/9\t今天的新文章,说的是另一件事情。\n' |
	dedupe-boilerplate --state "$d/s.db" --apply --mark | cut -f1,3,4
