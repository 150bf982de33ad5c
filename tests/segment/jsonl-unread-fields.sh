# fields that are not read never decide whether an article is read: a
# number too big for a machine integer or double, a duplicate key, a
# NUL escape in a key, nesting deeper than a JSON library allows; a big
# number as the doc key is kept as written
{
	printf '{"id":"a","views":18446744073709551615,"text":"一。"}\n'
	printf '{"id":"b","v":1e400,"w":-1e400,"x":-99999999999999999999,"text":"二。"}\n'
	printf '{"id":"c","x":1,"x":2,"text":"三。"}\n'
	printf '{"id":"d","k\\u0000ey":true,"text":"四。"}\n'
	printf '{"id":"e","n":'; head -c 5000 /dev/zero | tr '\0' '['
	head -c 5000 /dev/zero | tr '\0' ']'; printf ',"text":"五。"}\n'
	printf '{"id":123456789012345678901234567890,"text":"六。"}\n'
	printf '{"id":1.5e999,"text":"七。"}\n'
	printf '{"id":[1,{"a":null}],"text":"八。"}\n'
} | segment --format jsonl
echo "exit $?"
