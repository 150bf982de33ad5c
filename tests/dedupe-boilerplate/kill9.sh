# a run killed with SIGKILL at any moment leaves the state as it was
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
probe() { printf 'p\thttps://k.example.cn/p\t导航栏目 首页\np\thttps://k.example.cn/p\t探针文章的正文,用来读出状态。\n' |
	dedupe-boilerplate --state "$d/s.db" --apply --mark | cut -f3; }
for i in 1 2; do
	printf 'k%s\thttps://k.example.cn/%s\t导航栏目 首页\nk%s\thttps://k.example.cn/%s\t第%s篇不同的正文内容在这里。\n' $i $i $i $i $i
done > "$d/base"
dedupe-boilerplate --state "$d/s.db" --learn "$d/base"
before=$(probe)
for i in $(seq 3 5000); do
	printf 'm%s\thttps://k.example.cn/%s\t导航栏目 首页\nm%s\thttps://k.example.cn/%s\t又一篇不同的正文%s。\n' $i $i $i $i $i
done > "$d/more"
{ cat "$d/more"; sleep 30; } | dedupe-boilerplate --state "$d/s.db" --learn &
pid=$!
sleep 1
kill -9 $pid
wait $pid 2>/dev/null
after=$(probe)
echo "before: $before"
echo "after:  $after"
[ "$before" = "$after" ] && echo "state unchanged by the killed run"
dedupe-boilerplate --state "$d/s.db" --learn "$d/more" && echo "a complete run afterwards: exit $?"
echo "now: $(probe)"
