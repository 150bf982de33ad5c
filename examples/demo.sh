#!/usr/bin/env bash
# The pipeline of `make demo`, on the sample articles in this folder: the
# daily job of zhpipe(7) — sentences, boilerplate and duplicates dropped,
# numbers and places extracted. Each command is printed, then run.
set -eu
cd "$(dirname "$0")/.."
export PATH="${1:-build}:$PATH" LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() {
	printf '$ %s\n' "$1"
	bash -o pipefail -c "$1"
	echo
}
run "segment examples/*.txt | dedupe-boilerplate --state $tmp/boiler.db --stats > $tmp/clean.tsv"
run "head -n 5 $tmp/clean.tsv"
run "extract-num $tmp/clean.tsv | awk -F'\\t' '\$(NF-5) == \"money\" || \$(NF-5) == \"percent\"' | cut -f1,6- | head -n 6"
run "tag-region --doc $tmp/clean.tsv"
run "segment -w examples/wuwei-party.txt | sed -n 5,6p"
