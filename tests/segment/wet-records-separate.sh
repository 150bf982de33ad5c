# WET records stay separate whatever their content: a record longer than
# --max-line, a Content-Length that is not a number or is too short, a
# line "WARC/1.0" inside a text, a record of length 0. Each bad record
# gives one error; the records after it are read as they are.
rec() {	# uri body [length]
	printf 'WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: %s\r\n' "$1"
	printf 'Content-Length: %s\r\n\r\n%s\r\n\r\n' "${3:-$(printf '%s' "$2" | wc -c)}" "$2"
}
long=$(head -c 3000 /dev/zero | tr '\0' x)
{
	rec http://a.cn/1 "$(printf '第一篇。\n%s\n还是第一篇。' "$long")"
	rec http://a.cn/2 "第二篇。"
	rec http://a.cn/3 "$(printf '第三篇。\n第二行。\n第三行。')" 12abc
	rec http://a.cn/4 "第四篇。"
	rec http://a.cn/5 "$(printf '第五篇。\n多出的一行。\n又一行。')" 13
	rec http://a.cn/6 "$(printf '第六篇。\nWARC/1.0\nContent-Length: 3\n')"
	rec http://a.cn/7 ""
	rec http://a.cn/8 "第八篇。"
} | segment --format wet --max-line 2K
echo "exit $?"
