#!/usr/bin/env bash
# The pipeline of `make demo`, on the sample articles in this folder.
# Each command is printed, then run with the binaries of the build.
set -eu
cd "$(dirname "$0")/.."
export PATH="${1:-build}:$PATH" LC_ALL=C
run() {
	printf '$ %s\n' "$1"
	bash -o pipefail -c "$1"
	echo
}
run 'segment examples/*.txt | head -n 8'
run 'segment -w examples/wuwei-party.txt | sed -n 5,6p'
run "segment -t examples/fuzhou-service.txt | awk -F'\\t' '\$5 == \"num\"' | cut -f2- | head -n 6"
run "segment examples/*.txt | cut -f1 | uniq -c"
