# bench/lib.sh - what the benchmarks share: the input text, one
# measurement per row, the table. Sourced by bench/segment and friends.
#
#   CORPUS=DIR      *.jsonl.gz or *.jsonl news dumps (text field);
#                   unset: the bundled examples/ repeated
#   BENCH_MB        cap on the input, in MB (default 40)
#   BENCH_SLOW_MB   what slow peers read, the first MB of it (default 8)
#   BENCH_SUMMARY   a file each row is also appended to (TAB-separated),
#                   for the one table make bench prints at the end
set -eu
BIN=${BIN:-$(cd "$(dirname "$0")/../build" && pwd)}
MB=${BENCH_MB:-40}
SLOW_MB=${BENCH_SLOW_MB:-8}
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
	printf '%-9s %-30s %9s %11s %10s\n' mode tool MB/s "peak RSS" "ours is"
}

# One measured run: input on stdin, output to /dev/null. The first row
# after base= is the reference for the ratio column.
base=
row() {	# mode label input command...
	local mode=$1 label=$2 in=$3 r secs rss st mbs ratio bytes
	shift 3
	bytes=$(wc -c < "$in")
	r=$("$BIN/measure" "$in" "$@") || { printf '%-9s %-30s failed\n' "$mode" "$label"; return; }
	read -r secs rss st <<< "$r"
	if [ "$st" != 0 ]; then
		printf '%-9s %-30s exit %s\n' "$mode" "$label" "$st"
		return
	fi
	mbs=$(echo "$bytes / 1048576 / $secs" | bc -l)
	if [ -z "$base" ]; then base=$mbs; ratio="-"; else
		ratio=$(printf '%.1fx' "$(echo "$base / $mbs" | bc -l)"); fi
	printf '%-9s %-30s %9.2f %8.1f MB %10s\n' "$mode" "$label" "$mbs" \
		"$(echo "$rss / 1024" | bc -l)" "$ratio"
	if [ -n "${BENCH_SUMMARY:-}" ]; then
		printf '%s\t%s\t%.2f\t%.1f\t%s\n' "$mode" "$label" "$mbs" \
			"$(echo "$rss / 1024" | bc -l)" "$ratio" >> "$BENCH_SUMMARY"
	fi
}
skip() {
	printf '%-9s %-30s skipped: %s\n' "$1" "$2" "$3"
	if [ -n "${BENCH_SUMMARY:-}" ]; then
		printf '%s\t%s\t-\t-\tskipped: %s\n' "$1" "$2" "$3" >> "$BENCH_SUMMARY"
	fi
}
