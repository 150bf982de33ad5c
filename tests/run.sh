#!/usr/bin/env bash
# The test runner: C unit tests of common/, golden cases of every tool,
# the man pages' EXAMPLES, the README's shell sessions and the man page
# lint. Ends with one line
# "N passed, N failed".
#
#   BIN=build bash tests/run.sh            run everything
#   BIN=build bash tests/run.sh --golden   rewrite the expected files of
#                                          golden cases from current output
#   ... tests/run.sh PATTERN               only cases whose name matches
#
# A golden case is tests/TOOL/NAME.args (arguments, shell-quoted) or
# tests/TOOL/NAME.sh (a bash script, for pipes and generated input), with
# optional NAME.in (stdin), and the expected NAME.out, NAME.err (absent:
# empty) and NAME.status (absent: 0). Cases run in tests/TOOL/ with
# LC_ALL=C and TZ=UTC, and compare byte for byte. Each case has a TMPDIR
# of its own, removed after it; a session of the man pages or the README
# that writes to /tmp/ writes to a private directory instead, so a run
# leaves nothing in /tmp.
set -u
export LC_ALL=C TZ=UTC
golden=0
pattern=
for a in "$@"; do
	case $a in
	--golden) golden=1 ;;
	*) pattern=$a ;;
	esac
done
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
: "${BIN:=$root/build}"
BIN=$(cd "$BIN" && pwd)
export BIN PATH="$BIN:$PATH"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zhpipe-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
# failures also go to $BIN/test-failures.log, so that a run whose output
# was cut (make check | tail) can still be read
faillog=$BIN/test-failures.log
: > "$faillog"
not_ok() {
	fail=$((fail + 1))
	{
		printf 'FAIL: %s\n' "$1"
		[ $# -gt 1 ] && printf '%s\n' "$2" | head -n 40 | sed 's/^/    /'
	} | tee -a "$faillog"
}

# 1. unit tests of common/ (TAP-like "ok"/"not ok" lines)
if [ -z "$pattern" ] || [[ unit == *$pattern* ]]; then
	if [ -x "$BIN/test_common" ]; then
		(cd "$here/unit" && "$BIN/test_common") > "$tmp/unit" 2>&1
		st=$?
		while IFS= read -r line; do
			case $line in
			"ok "*) ok ;;
			"not ok "*) not_ok "unit: ${line#not ok }" ;;
			esac
		done < "$tmp/unit"
		if [ $st -ne 0 ] && ! grep -q '^not ok' "$tmp/unit"; then
			not_ok "unit: test_common exited $st" "$(tail -n 20 "$tmp/unit")"
		fi
	else
		not_ok "unit: $BIN/test_common not built"
	fi
fi

# 2. golden cases
compare() {	# name kind expected-file actual-file
	local want=$3
	[ -e "$want" ] || want=/dev/null
	if cmp -s "$want" "$4"; then
		return 0
	fi
	printf '%s\n' "$1: $2 differs" >> "$tmp/why"
	{ diff -u "$want" "$4" | head -n 30; } >> "$tmp/why" 2>&1
	return 1
}

for dir in "$here"/*/; do
	tool=$(basename "$dir")
	case $tool in unit|fixtures|lib|spark|hadoop|hosts) continue ;; esac
	for spec in "$dir"*.args "$dir"*.sh; do
		[ -e "$spec" ] || continue
		name=${spec##*/}
		name=${name%.*}
		id="$tool/$name"
		if [ -n "$pattern" ] && [[ $id != *$pattern* ]]; then
			continue
		fi
		input=/dev/null
		[ -e "$dir$name.in" ] && input=$dir$name.in
		rm -rf "$tmp/case"
		mkdir "$tmp/case"
		(
			cd "$dir" || exit 99
			export TMPDIR="$tmp/case"
			if [ "${spec%.sh}" != "$spec" ]; then
				exec bash "$spec" < "$input"
			else
				eval "set -- $(cat "$spec")"
				exec "$BIN/$tool" "$@" < "$input"
			fi
		) > "$tmp/out" 2> "$tmp/err"
		echo $? > "$tmp/status"
		if [ $golden = 1 ]; then
			cp "$tmp/out" "$dir$name.out"
			if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir$name.err"
			else rm -f "$dir$name.err"; fi
			if [ "$(cat "$tmp/status")" != 0 ]; then
				cp "$tmp/status" "$dir$name.status"
			else rm -f "$dir$name.status"; fi
			ok
			continue
		fi
		: > "$tmp/why"
		if [ -e "$dir$name.status" ]; then
			want_status=$(cat "$dir$name.status")
		else
			want_status=0
		fi
		good=1
		compare "$id" stdout "$dir$name.out" "$tmp/out" || good=0
		compare "$id" stderr "$dir$name.err" "$tmp/err" || good=0
		if [ "$(cat "$tmp/status")" != "$want_status" ]; then
			echo "$id: exit status $(cat "$tmp/status"), expected $want_status" >> "$tmp/why"
			good=0
		fi
		if [ $good = 1 ]; then ok; else not_ok "$id" "$(cat "$tmp/why")"; fi
	done
done

# Run PREFIX.N.cmd, from the top of the tree, and compare what it prints
# with PREFIX.N.want; an exit status up to MAX is fine, and so is 141 (a
# command before "| head" stopped by the closed pipe, as it should be).
run_sessions() {	# prefix label max
	local cmd want st
	rm -rf "$tmp/session"
	mkdir "$tmp/session"	# the /tmp/ of one page's sessions
	for cmd in "$1".*.cmd; do
		[ -e "$cmd" ] || continue
		want=${cmd%.cmd}.want
		(cd "$root" && TMPDIR="$tmp/session" bash -o pipefail -c \
		    "$(sed "s|/tmp/|$tmp/session/|g" "$cmd")") > "$tmp/got" 2>&1
		st=$?
		if { [ $st -le "$3" ] || [ $st -eq 141 ]; } && cmp -s "$want" "$tmp/got"; then
			ok
		else
			not_ok "$2: $(cat "$cmd") (exit $st)" "$(diff -u "$want" "$tmp/got")"
		fi
		rm -f "$cmd" "$want"
	done
}

# 3. the EXAMPLES of every man page: in a .Bd -literal display, a line
# "$ command" is run from the top of the tree and the lines after it,
# up to the next "$ " or .Ed, are its expected output.
if [ $golden = 0 ] && { [ -z "$pattern" ] || [[ man == *$pattern* ]]; }; then
	for page in "$root"/man/*.[1-9]; do
		awk -v page="${page##*/}" -v dir="$tmp" '
			function unesc(s) {
				gsub(/\\e/, "\\", s); gsub(/\\&/, "", s)
				gsub(/\\\(aq/, "'"'"'", s); gsub(/\\\(dq/, "\"", s)
				return s
			}
			/^\.Sh / { inex = ($0 == ".Sh EXAMPLES") }
			inex && /^\.Bd -literal/ { lit = 1; next }
			inex && /^\.Ed/ { lit = 0; next }
			lit && /^\$ / {
				n++; f = dir "/ex." page "." n
				print unesc(substr($0, 3)) > (f ".cmd")
				printf "" > (f ".want"); next
			}
			lit && n { print unesc($0) >> (f ".want") }
		' "$page"
		run_sessions "$tmp/ex.${page##*/}" "man ${page##*/} EXAMPLES" 0
	done
	# 4. the shell sessions in README.md: in a ```console block, a line
	# "$ command" is run and the lines after it are its expected output
	awk -v dir="$tmp" '
		/^```console/ { lit = 1; next }
		/^```/ { lit = 0; next }
		lit && /^\$ / {
			n++; f = dir "/readme." n
			print substr($0, 3) > (f ".cmd"); printf "" > (f ".want"); next
		}
		lit && n { print >> (f ".want") }
	' "$root/README.md"
	# a README session may show a failing command (exit 1) on purpose
	run_sessions "$tmp/readme" "README.md" 1
	# 5. every man page lints clean
	for page in "$root"/man/*.[1-9]; do
		if command -v mandoc >/dev/null 2>&1; then
			lint=$(mandoc -Tlint -W warning "$page" 2>&1)
		else
			lint=$(groff -mandoc -ww -z "$page" 2>&1)
		fi
		if [ -z "$lint" ]; then ok; else not_ok "lint ${page##*/}" "$lint"; fi
	done
fi

# 6. the README's scale-out recipes on real engines: Spark (tests/spark),
# Hadoop Streaming (tests/hadoop) and GNU parallel over ssh between two
# network namespaces (tests/hosts). Each prints "ok - NAME", "not ok -
# NAME" with the reason indented below, or "skipped - NAME: why" when
# what it needs is not installed (make deps-scale) or cannot be set up.
skip=0
engine() {	# name command...
	local name=$1 line title= body= st
	shift
	if [ -n "$pattern" ] && [[ $name != *$pattern* ]]; then
		return
	fi
	"$@" > "$tmp/engine" 2> "$tmp/engine.err"
	st=$?
	while IFS= read -r line; do
		case $line in
		"    "*) body="$body${line#    }"$'\n'; continue ;;
		esac
		[ -z "$title" ] || not_ok "$name: $title" "$body"
		title= body=
		case $line in
		"ok - "*) ok ;;
		"not ok - "*) title=${line#not ok - } ;;
		"skipped - "*) skip=$((skip + 1)); echo "skipped: $name: ${line#skipped - }" ;;
		esac
	done < "$tmp/engine"
	[ -z "$title" ] || not_ok "$name: $title" "$body"
	if [ $st -ne 0 ] && ! grep -q '^not ok - ' "$tmp/engine"; then
		not_ok "$name: exit $st" "$(tail -n 20 "$tmp/engine.err")"
	fi
}
if [ $golden = 0 ] && { [ -z "$pattern" ] || [[ spark == *$pattern* ]]; }; then
	py=$root/.venv-scale/bin/python
	[ -x "$py" ] || py=python3
	if ! command -v java >/dev/null 2>&1; then
		skip=$((skip + 1)); echo "skipped: spark: no java (make deps-scale)"
	elif ! "$py" -c 'import pyspark' 2>/dev/null; then
		skip=$((skip + 1)); echo "skipped: spark: PySpark not installed (make deps-scale)"
	else
		LC_ALL=C.UTF-8 engine spark "$py" "$here/spark/readme.py"
	fi
fi
if [ $golden = 0 ]; then
	engine hadoop bash "$here/hadoop/readme.sh"
	engine hosts bash "$here/hosts/parallel-ssh.sh"
fi

if [ $skip -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ $fail -eq 0 ]
