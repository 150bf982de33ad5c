# An article over --max-article is resolved in parts of that size, with
# one warning, each part on its own: --doc gives one line a part
awk 'BEGIN { for (i = 1; i <= 60; i++) print "d1\t" i "\t甘肃省武威市凉州区的新闻。"
	print "d2\t1\t福州市鼓楼区" }' |
	tag-region --doc --max-article 2K 2>&1
echo "== -a, the same article in parts: every record is written"
awk 'BEGIN { for (i = 1; i <= 60; i++) print "d1\t" i "\t甘肃省武威市凉州区的新闻。" }' |
	tag-region -a --max-article 2K 2>/dev/null | wc -l
echo "== a bad size"
tag-region --max-article 0 < /dev/null
echo "status $?"
