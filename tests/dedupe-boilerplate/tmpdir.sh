# the buffer between the two passes goes to $TMPDIR, a directory name of
# any length; one that cannot be used is an error naming it, never a
# silent fall-back to /tmp
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
long=$d/$(printf 'd%.0s' $(seq 150))
mkdir "$long"
printf 'a\t正文一句话写在这里。\na\t责任编辑:王某\n' > "$d/in"
TMPDIR=$long dedupe-boilerplate --mark "$d/in"
echo "a long TMPDIR: exit $?"
: > "$d/file"
TMPDIR=$d/file/$(printf 'e%.0s' $(seq 40)) dedupe-boilerplate "$d/in" 2>&1 |
	sed "s|$d|DIR|; s|/eeee*|/E...|"
echo "an unusable TMPDIR: exit ${PIPESTATUS[0]}"
