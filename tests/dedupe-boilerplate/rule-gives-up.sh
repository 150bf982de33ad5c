# a user's rule that backtracks beyond PCRE2's limits on a long line:
# one warning, the line taken as not matching, the run goes on
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf 'slow\t^(a|aa)+$\n' > "$d/slow.rules"
{
	printf 'd\t%s\n' "$(head -c 30000 /dev/zero | tr '\0' a)b"
	printf 'd\t版权所有 某某网\n'
	printf 'd\taab\n'
} | dedupe-boilerplate --mark --rules "$d/slow.rules" 2>&1 | cut -c1-60
echo "exit ${PIPESTATUS[1]}"
