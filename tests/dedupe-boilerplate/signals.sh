# SIGTERM and SIGINT in the middle of a stateful run leave the state as
# it was: nothing is committed before the end
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
for i in 1 2 3; do
	printf 'k%s\thttps://g.example.cn/%s\t导航栏目 首页\nk%s\thttps://g.example.cn/%s\t第%s篇正文。\n' $i $i $i $i $i
done > "$d/base"
dedupe-boilerplate --state "$d/s.db" --learn "$d/base"
before=$(sha256sum < "$d/s.db")
for i in $(seq 4 3000); do
	printf 'm%s\thttps://g.example.cn/%s\t导航栏目 首页\nm%s\thttps://g.example.cn/%s\t又一篇正文%s。\n' $i $i $i $i $i
done > "$d/more"
for sig in TERM INT; do
	# a background job of a script ignores SIGINT; give it the default
	{ cat "$d/more"; sleep 30; } | env --default-signal=INT \
		dedupe-boilerplate --state "$d/s.db" > /dev/null &
	pid=$!
	sleep 1
	kill -s $sig $pid
	wait $pid
	echo "SIG$sig: exit $?, state $([ "$(sha256sum < "$d/s.db")" = "$before" ] && echo unchanged || echo CHANGED)"
done
dedupe-boilerplate --state "$d/s.db" --learn "$d/more" && echo "a complete run afterwards: exit 0"
[ "$(sha256sum < "$d/s.db")" != "$before" ] && echo "and it changed the state"
