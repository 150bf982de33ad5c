# make deps on a fresh machine, with apt-get and dpkg stood in for:
# as root it installs what is missing, running apt-get update when the
# package lists were never downloaded; without root or sudo it prints
# the exact command and fails
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
make=$(command -v make)
cat > "$d/dpkg" <<'EOS'
#!/bin/sh
case $2 in mandoc|parallel) exit 1 ;; esac
exit 0
EOS
cat > "$d/apt-get" <<'EOS'
#!/bin/sh
echo "apt-get $*" >> "$LOG"
case $1 in
update) : > "$LISTS" ;;
install) [ -e "$LISTS" ] || { echo "E: Unable to locate package" >&2; exit 100; } ;;
esac
EOS
printf '#!/bin/sh\necho "$UID_FAKE"\n' > "$d/id"
chmod +x "$d/dpkg" "$d/apt-get" "$d/id"
run() {	# uid
	rm -f "$d/lists" "$d/log"
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL UID_FAKE="$1" LOG="$d/log" \
		LISTS="$d/lists" PATH="$d" "$make" --no-print-directory -C ../.. deps 2>&1 |
		grep -v '^make\(\[[0-9]*\]\)\{0,1\}: \*\*\*'
	echo "exit ${PIPESTATUS[0]}"
	if [ -e "$d/log" ]; then sed 's/^/  ran: /' "$d/log"; fi
}
echo "== root, package lists never downloaded"
run 0
echo "== no root, no sudo"
run 1000
