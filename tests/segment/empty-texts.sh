# an article whose text is empty (JSON "" and a WET record of length 0)
# gives no records and no error, in every mode
for m in "" -p -w -t; do
	printf '{"id":"a","text":""}\n{"id":"b","text":"乙。"}\n' | segment --format jsonl $m
	printf 'WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://a.cn/\r\nContent-Length: 0\r\n\r\n\r\n\r\n' |
		segment --format wet $m
	echo "mode ${m:-sentences}: exit $?"
done
