# The usage line of each tool's --help (up to its first empty line)
# says what the SYNOPSIS of its man page says, spacing aside: drift
# between the two is reported with both texts.
root=../..
render() {	# page: the text of its SYNOPSIS, on one line
	if command -v mandoc >/dev/null 2>&1; then
		mandoc -Tascii -O width=300 "$1"
	else
		groff -mandoc -Tascii -P-c -rLL=300n "$1" 2>/dev/null
	fi | sed 's/.\x08//g' | awk '/^SYNOPSIS/ { on = 1; next }
		on && /^[A-Z]/ { exit } on { printf "%s ", $0 }'
}
norm() {	# one space between words, none around '|'
	tr -s ' \t\n' '   ' | sed 's/^ //; s/ $//; s/ *| */|/g'
}
for t in segment extract-num tag-region dedupe-boilerplate; do
	usage=$("$t" --help | sed '/^$/,$d; s/^usage: //' | norm)
	synopsis=$(render "$root/man/$t.1" | norm)
	if [ "$usage" = "$synopsis" ]; then
		echo "$t: usage and SYNOPSIS agree"
	else
		echo "$t: usage and SYNOPSIS differ"
		echo "  usage:    $usage"
		echo "  SYNOPSIS: $synopsis"
	fi
done
