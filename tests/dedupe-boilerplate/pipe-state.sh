# the reader of the output goes away (| head -n 1): the counts, complete
# before the first record is written, and the signatures of what was
# decided are saved, and the run ends quietly with status 0; run again,
# it gives what one complete run gives
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
# 5,000 pages of a site: a footer, and a body of its own, except that
# pages 4901 to 4910 repeat the bodies of pages 4801 to 4810
awk -v what=pages -v n=5000 -f data/gen.awk > "$d/in"
dedupe-boilerplate --state "$d/s.db" --mark "$d/in" | head -n 1
echo "exit ${PIPESTATUS[0]}"
printf 'q\thttps://p.example.cn/q\t本站信息由编辑部整理发布\n' > "$d/probe"
echo "saved: $(dedupe-boilerplate --state "$d/s.db" --apply --mark "$d/probe" 2>&1 | cut -f3)"
dedupe-boilerplate --state "$d/s.db" --mark "$d/in" > "$d/again"
dedupe-boilerplate --state "$d/fresh.db" --mark "$d/in" > "$d/one"
cmp -s "$d/again" "$d/one" && echo "run again: the same as one complete run"
cut -f3 "$d/again" | cut -d= -f1 | cut -d: -f1 | sort | uniq -c
