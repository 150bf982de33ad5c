# the test runner leaves nothing in /tmp: a case's temporary files go to
# a directory of its own, removed after it, and the man pages' and the
# README's sessions, which write to /tmp/, write to a private directory
# instead. Run on the man pages' examples with a /tmp of its own (a
# mount namespace; where there is none, the files those sessions write
# are looked for in /tmp).
runner=$(cd .. && pwd)/run.sh
bins='mkdir "$1" && for b in "$0"/*; do if [ -f "$b" ] && [ -x "$b" ]; then ln -s "$b" "$1/"; fi; done'
# (a checkout under /tmp is hidden by that /tmp: it takes the other way)
case $runner in /tmp/*) ns= ;; *) ns=1 ;; esac
if [ -n "$ns" ] && unshare -rm true 2>/dev/null; then
	env -u TMPDIR unshare -rm sh -c "mount -t tmpfs none /tmp && $bins &&
		BIN=/tmp/bin bash '$runner' man > /dev/null; rm -rf /tmp/bin; ls -A /tmp" \
		"$BIN" /tmp/bin
else
	d=$(mktemp -d)
	trap 'rm -rf "$d"' EXIT
	sh -c "$bins" "$BIN" "$d/bin"
	touch "$d/start"
	BIN="$d/bin" bash "$runner" man > /dev/null
	find /tmp -maxdepth 1 -newer "$d/start" -name 'zh-*' | sed 's|^/tmp/||'
fi
echo "end of what is left"
