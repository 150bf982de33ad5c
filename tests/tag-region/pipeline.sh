# articles per region, from segment's records (the README pipeline)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf '武威市新闻\n民勤县和凉州区的消息。\n' > "$d/a.txt"
printf '福州新闻\n鼓楼区的消息。\n' > "$d/b.txt"
printf '又一篇武威新闻\n古浪县。\n' > "$d/c.txt"
segment "$d"/*.txt | tag-region --doc | cut -f2,4 | sort | uniq -c
