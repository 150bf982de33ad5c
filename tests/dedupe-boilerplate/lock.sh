# two runs on one state: the second waits (--wait), then fails clearly
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
mkfifo "$d/in"
dedupe-boilerplate --state "$d/s.db" < "$d/in" > /dev/null &
pid=$!
exec 3> "$d/in"
printf 'a\thttps://l.example.cn/a\t正文一句话。\n' >&3
sleep 1
printf 'b\thttps://l.example.cn/b\t另一句话。\n' |
	dedupe-boilerplate --state "$d/s.db" --wait 1 2>&1 | sed "s|$d|DIR|"
echo "second run: exit ${PIPESTATUS[1]}"
exec 3>&-
wait $pid
echo "first run: exit $?"
