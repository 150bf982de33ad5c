# gzip on a pipe whose first read brings one byte: detected after two
# bytes however they arrive, never printed as text
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf '分两次到达的压缩文本。\n' | gzip -c > "$d/s.gz"
{ head -c 1 "$d/s.gz"; sleep 0.3; tail -c +2 "$d/s.gz"; } | segment
echo "exit ${PIPESTATUS[1]}"
{ printf '\037'; sleep 0.3; printf 'x\n'; } | segment -p | od -c | sed -n 1p
