# Common Crawl's .wet.gz are concatenated gzip members, one per record
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
for i in 1 2; do
	body="记录${i}的正文。"
	printf 'WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://example.cn/%s\r\nContent-Length: %s\r\n\r\n%s\n\r\n\r\n' \
	    "$i" "$(printf '%s\n' "$body" | wc -c)" "$body" | gzip -c >> "$d/x.wet.gz"
done
segment --format wet "$d/x.wet.gz" | cut -f1,4
