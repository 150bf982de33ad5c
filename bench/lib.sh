# bench/lib.sh - what the benchmarks share: the input text, one
# measurement per row, the table. Sourced by bench/segment and friends.
#
#   CORPUS=DIR      *.jsonl.gz or *.jsonl news dumps (text field);
#                   unset: the bundled examples/ repeated
#   BENCH_MB        cap on the input, in MB (default 40)
#   BENCH_SLOW_MB   what slow peers read, the first MB of it (default 8)
#   BENCH_SLOWER_MB what the slowest peers read (default 1)
#   EVAL            labelled sets (see make eval): accuracy where they exist
#   BENCH_SUMMARY   a file each row is also appended to (TAB-separated),
#                   for the one table make bench prints at the end
#   BENCH_RUNS      time each command this many times and keep the
#                   fastest (default 1): other jobs on a shared machine
#                   only ever slow a run down
#
# Each row is two runs of the same command: on empty input (start-up: the
# process, imports, dictionaries and models it loads before the first
# record) and on the input; MB/s is the input over the second run's time
# less the start-up, so that a peer that loads a model for seconds is
# timed on its steady speed, and the start-up is shown beside it. Time is
# processor time (user and system, of every process of the command), so
# that other jobs on a shared machine do not change the figures; with
# BENCH_CLOCK=wall it is elapsed time.
set -eu
BIN=${BIN:-$(cd "$(dirname "$0")/../build" && pwd)}
MB=${BENCH_MB:-40}
SLOW_MB=${BENCH_SLOW_MB:-8}
SLOWER_MB=${BENCH_SLOWER_MB:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
# the peers' virtualenv and node packages (make bench-deps)
PEER_PY=$root/.venv-bench/bin/python
PEER_NODE=$root/.venv-bench/node
peer_has() {	# python module: can the peers' python import it?
	[ -x "$PEER_PY" ] && "$PEER_PY" -c "import $1" >/dev/null 2>&1
}
work=$(mktemp -d "${TMPDIR:-/tmp}/zhpipe-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# first N bytes of a file, cut at a line end
head_mb() {	# MB file
	awk -v lim=$(($1 * 1024 * 1024)) '{ n += length($0) + 1; print; if (n >= lim) exit }' "$2"
}

# $work/text: news text, one paragraph a line
bench_text() {
	src="examples/*.txt repeated"
	[ -n "${CORPUS:-}" ] && src="CORPUS=$CORPUS"
	if [ -n "${CORPUS:-}" ]; then
		for f in "$CORPUS"/*.jsonl.gz "$CORPUS"/*.jsonl; do
			[ -e "$f" ] || continue
			"$BIN/segment" -p --format jsonl "$f" | cut -f4-
		done
	else
		while cat "$(dirname "$0")"/../examples/*.txt; do :; done
	fi | awk -v lim=$((MB * 1024 * 1024)) '{ n += length($0) + 1; print; if (n >= lim) exit }' \
		> "$work/text" 2>/dev/null || true
}

mb_of() { echo "$(wc -c < "$1") / 1048576" | bc -l; }

header() {	# title
	printf '%s\n' "$1"
	printf '%-9s %-36s %9s %11s %9s %-22s %8s\n' mode tool MB/s "peak RSS" start-up accuracy "ours is"
}

# "secs rss status cpu" of the fastest of BENCH_RUNS runs of a command
best_run() {	# input command...
	local k r s rss st cpu t best= bt=
	for k in $(seq "${BENCH_RUNS:-1}"); do
		r=$("$BIN/measure" "$@" 2>> "$work/stderr") || return 1
		read -r s rss st cpu <<< "$r"
		t=$s
		[ "${BENCH_CLOCK:-cpu}" = wall ] || t=${cpu:-$s}
		if [ -z "$bt" ] || [ "$(echo "$t < $bt" | bc -l)" = 1 ]; then
			bt=$t
			best=$r
		fi
		[ "$st" = 0 ] || break
	done
	echo "$best"
}

# One measured row: input on stdin, output to /dev/null, stderr to
# $work/stderr. The first row after base= is the reference for the ratio
# column; acc= before a row sets its accuracy column (then cleared).
base=
acc=
row() {	# mode label input command...
	local mode=$1 label=$2 in=$3 r secs rss st mbs ratio bytes s0 net a=${acc:--}
	acc=
	shift 3
	bytes=$(wc -c < "$in")
	: > "$work/empty"
	r=$(best_run "$work/empty" "$@") || r="0 0 1"
	read -r s0 rss st cpu <<< "$r"
	[ "${BENCH_CLOCK:-cpu}" = wall ] || s0=${cpu:-$s0}
	r=$(best_run "$in" "$@") ||
		{ printf '%-9s %-36s failed\n' "$mode" "$label"; return; }
	read -r secs rss st cpu <<< "$r"
	[ "${BENCH_CLOCK:-cpu}" = wall ] || secs=$cpu
	if [ "$st" != 0 ]; then
		printf '%-9s %-36s exit %s (see %s)\n' "$mode" "$label" "$st" "$work/stderr"
		tail -n 5 "$work/stderr" >&2
		return
	fi
	net=$(echo "if ($secs - $s0 > 0.001) $secs - $s0 else 0.001" | bc -l)
	mbs=$(echo "$bytes / 1048576 / $net" | bc -l)
	if [ -z "$base" ]; then base=$mbs; ratio="-"; else
		ratio=$(printf '%.1fx' "$(echo "$base / $mbs" | bc -l)"); fi
	printf '%-9s %-36s %9.2f %8.1f MB %6.0f ms %-22s %8s\n' "$mode" "$label" "$mbs" \
		"$(echo "$rss / 1024" | bc -l)" "$(echo "$s0 * 1000" | bc -l)" "$a" "$ratio"
	if [ -n "${BENCH_SUMMARY:-}" ]; then
		printf '%s\t%s\t%.2f\t%.1f\t%s\t%.0f ms\t%s\t%.2f\n' "$mode" "$label" "$mbs" \
			"$(echo "$rss / 1024" | bc -l)" "$ratio" "$(echo "$s0 * 1000" | bc -l)" "$a" \
			"$(echo "$bytes / 1048576" | bc -l)" >> "$BENCH_SUMMARY"
	fi
}
skip() {	# mode label why
	acc=
	printf '%-9s %-36s skipped: %s\n' "$1" "$2" "$3"
	if [ -n "${BENCH_SUMMARY:-}" ]; then
		printf '%s\t%s\t-\t-\tskipped: %s\t-\t-\t-\n' "$1" "$2" "$3" >> "$BENCH_SUMMARY"
	fi
}
# the first folder under EVAL (or EVAL itself) that holds FILE
eval_dir() {	# file
	local d
	[ -n "${EVAL:-}" ] || return 1
	for d in "$EVAL" "$EVAL"/*/; do
		[ -e "$d/$1" ] && { echo "${d%/}"; return 0; }
	done
	return 1
}
