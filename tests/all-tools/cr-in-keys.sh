# a CR inside a key field (not at the end of the line) never reaches the
# output, nor does one in the text: a field never holds TAB, CR or LF,
# in every tool
printf 'd\r1\tu\r2\t武威市民勤县\r新建水厂2座。\n' > "${TMPDIR:-/tmp}/cr.$$"
for t in "segment --format tsv" extract-num tag-region "tag-region -a" \
	"tag-region --doc" "dedupe-boilerplate --mark"; do
	$t "${TMPDIR:-/tmp}/cr.$$" > "${TMPDIR:-/tmp}/cr-out.$$"
	echo "$t: exit $?, $(wc -l < "${TMPDIR:-/tmp}/cr-out.$$") lines, $(tr -cd '\r' < "${TMPDIR:-/tmp}/cr-out.$$" | wc -c) CR"
done
rm -f "${TMPDIR:-/tmp}/cr.$$" "${TMPDIR:-/tmp}/cr-out.$$"
