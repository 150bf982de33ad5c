# --line-buffered hands each record on while the input is still open
# (tail -f style): the first sentence comes out before the writer closes.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
mkfifo "$d/in"
segment --line-buffered < "$d/in" > "$d/out" &
pid=$!
exec 3> "$d/in"
printf '第一句。\n' >&3
for i in $(seq 200); do	# up to 20 s, normally at once
	[ -s "$d/out" ] && break
	sleep 0.1
done
echo "while the input is open:"
cat "$d/out"
printf '第二句。\n' >&3
exec 3>&-
wait $pid
echo "after it closed (exit $?):"
cat "$d/out"
