# -k N: an article is the run of records sharing their first N key
# fields. By the first field, the two records are one article and 城关镇
# is the one of 永昌县 named before; by two, each record is an article
# of its own and 城关镇 alone stays ambiguous
in='d1\t1\t永昌县城关镇\nd1\t2\t城关镇的新闻\n'
for k in 1 2; do
	echo "== -k $k"
	printf "$in" | tag-region -k $k | cut -f2-
	printf "$in" | tag-region -k $k --doc
done
echo "== -k 0"
tag-region -k 0 < /dev/null
echo "status $?"
