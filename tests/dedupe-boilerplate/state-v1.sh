# a state of format 1 (zhpipe 0.1.0 knew documents by their key alone):
# --apply reads it as it is; the first run that writes it upgrades it,
# and its documents, fed again, are not their own duplicates
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp data/v1.db "$d/"
printf 'v3\thttps://v.example.cn/3\t导航栏目 首页 新闻\nv3\thttps://v.example.cn/3\t第三篇文章的正文写在这里,讲的是秋粮收购的进度,和前两篇说的都不一样,收购点已经开了十几个,农民卖粮排起了长队。\n' > "$d/new"
printf 'v1\thttps://v.example.cn/1\t导航栏目 首页 新闻\nv1\thttps://v.example.cn/1\t第一篇文章的正文写在这里,讲的是春耕生产的事情,内容比较长,一共有六十多个字,足够计算签名了,再多写几句也无妨,总之要够长才行。\n' > "$d/old"
echo "--apply, format 1:"
dedupe-boilerplate --state "$d/v1.db" --apply --mark --min-docs 2 "$d/new" | cut -f1,3
cmp -s data/v1.db "$d/v1.db" && echo "the file is unchanged"
echo "a run that writes it:"
dedupe-boilerplate --state "$d/v1.db" --mark "$d/new" | cut -f1,3
echo "a document of the old state again:"
dedupe-boilerplate --state "$d/v1.db" --mark "$d/old" | cut -f1,3
echo "and a copy of it in the same run:"
cat "$d/old" "$d/new" "$d/old" | dedupe-boilerplate --state "$d/v1.db" --mark 2>/dev/null | cut -f1,3
