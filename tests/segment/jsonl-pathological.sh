# JSON Lines that are hostile: nesting 100,000 deep, a 21 MB string,
# invalid escapes, a line cut in the middle: each bad line is reported
# and skipped, the good ones are read; lone surrogates become U+FFFD
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
{
	printf '{"id":"ok1","text":"第一篇。"}\n'
	printf '{"id":"deep","text":"x","n":'; head -c 100000 /dev/zero | tr '\0' '['; printf '\n'
	printf '{"id":"big","text":"'; yes 长 | head -n 7000000 | tr -d '\n'; printf '。"}\n'
	printf '{"id":"esc","text":"bad \\q escape"}\n'
	printf '{"id":"sur","text":"lone \\udc00 low and \\ud800 high"}\n'
	printf '{"id":"cut","text":"never ends\n'
	printf '{"id":"ok2","text":"第二篇。"}\n'
} > "$d/in.jsonl"
cd "$d" && segment --format jsonl in.jsonl | LC_ALL=C awk -F'\t' '{ print $1, $3, length($NF) }'
echo "exit ${PIPESTATUS[0]}"
