# a 50 MB line of digits is one code, not a count, and is not printed by
# default; with --all it is one line with an empty value
{ printf 'a\t'; head -c 50000000 /dev/zero | tr '\0' '7'; printf '个\n'; } > "${TMPDIR:-/tmp}/zh-digits.$$"
extract-num "${TMPDIR:-/tmp}/zh-digits.$$" | wc -l
extract-num --all "${TMPDIR:-/tmp}/zh-digits.$$" | cut -f2-7
rm -f "${TMPDIR:-/tmp}/zh-digits.$$"
