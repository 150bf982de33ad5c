# into a pipe, every tool asks for a pipe of 1 MB (as far as the system
# allows), so the stages of a pipeline wake each other less often; with
# --line-buffered it leaves the pipe as the system made it
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
max=$(cat /proc/sys/fs/pipe-max-size 2>/dev/null || echo 1048576)
want=$((max < 1048576 ? max : 1048576))
size='import fcntl, sys
sys.stdin.buffer.read()
print(fcntl.fcntl(0, 1032))'	# F_GETPIPE_SZ, after the writer is done
printf '第一句话。第二句话。\n' > "$d/in.txt"
printf 'a\t1\t1\t三个人在北京。\n' > "$d/in.tsv"
plain=$(cat "$d/in.tsv" | python3 -c "$size")
for t in "segment $d/in.txt" "extract-num $d/in.tsv" "tag-region $d/in.tsv" \
    "dedupe-boilerplate $d/in.tsv"; do
	got=$($t | python3 -c "$size")
	[ "$got" = "$want" ] && r=asked || r="got $got, want $want"
	got=$($t --line-buffered | python3 -c "$size")
	[ "$got" = "$plain" ] && l=left || l="got $got, want $plain"
	echo "${t%% *}: $r; --line-buffered: $l"
done
