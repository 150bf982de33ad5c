#!/usr/bin/env bash
# tests/hadoop/readme.sh - run the README's Hadoop Streaming recipes, as
# printed, on Hadoop 3.3.4 in local mode, and compare with one process.
#
# The ```sh blocks of the README section "### Hadoop Streaming" run in
# order, in a folder holding the binaries and dumps/2026-11-21 (articles
# made by tests/spark/corpus.py, several files, one gzipped). `hadoop` is
# what the hadoop launcher script does, without the script: `hadoop jar`
# is org.apache.hadoop.util.RunJar and `hadoop fs` is
# org.apache.hadoop.fs.FsShell, on the Hadoop client jars that PySpark
# ships and hadoop-streaming-3.3.4.jar from Maven Central (both installed
# by make deps-scale under .venv-scale/). A core-site.xml selects the local
# file system and the local job runner: map tasks, the sort and shuffle and
# the reduce of Hadoop itself, in one JVM; no YARN, no HDFS.
#
# Prints "ok - NAME", "not ok - NAME" (the difference indented below) or
# "skipped - NAME: why". Usage: BIN=build bash tests/hadoop/readme.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$here")")
BIN=$(cd "${BIN:-$root/build}" && pwd)
venv=${SCALE_VENV:-$root/.venv-scale}
py=$venv/bin/python
jar=$venv/share/hadoop/tools/lib/hadoop-streaming-3.3.4.jar
if ! command -v java >/dev/null; then
	echo "skipped - hadoop streaming: no java (make deps-scale)"; exit 0
fi
if [ ! -x "$py" ] || [ ! -r "$jar" ]; then
	echo "skipped - hadoop streaming: $jar or $py missing (make deps-scale)"; exit 0
fi
jars=$("$py" -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "jars"))') || {
	echo "skipped - hadoop streaming: PySpark's jars not found (make deps-scale)"; exit 0; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zhpipe-hadoop.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/conf" "$tmp/run/dumps"
cat > "$tmp/conf/core-site.xml" <<XML
<?xml version="1.0"?>
<configuration>
  <property><name>fs.defaultFS</name><value>file:///</value></property>
  <property><name>mapreduce.framework.name</name><value>local</value></property>
  <property><name>hadoop.tmp.dir</name><value>$tmp/hadoop-tmp</value></property>
  <property><name>mapreduce.jobtracker.staging.root.dir</name><value>$tmp/hadoop-tmp/staging</value></property>
</configuration>
XML
cat > "$tmp/conf/log4j2.properties" <<'LOG'
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c: %m%n
LOG
export HADOOP_HOME=$venv HADOOP_CONF_DIR=$tmp/conf jars
hadoop() {
	local cls
	case $1 in
	jar) cls=org.apache.hadoop.util.RunJar ;;
	fs) cls=org.apache.hadoop.fs.FsShell ;;
	*) echo "hadoop: $1: not a command of this test" >&2; return 2 ;;
	esac
	shift
	java -Dlog4j.configurationFile="$HADOOP_CONF_DIR/log4j2.properties" \
		-cp "$HADOOP_CONF_DIR:$jars/*" "$cls" "$@"
}
export -f hadoop

"$py" "$root/tests/spark/corpus.py" "$tmp/run/dumps/2026-11-21" || exit 1
cp "$BIN/segment" "$BIN/tag-region" "$BIN/extract-num" "$BIN/dedupe-boilerplate" "$tmp/run/"
awk '/^### / { sec = ($0 == "### Hadoop Streaming") } 
	sec && /^```sh$/ { n++; f = dir "/block." n ".sh"; lit = 1; next }
	lit && /^```/ { lit = 0; next }
	lit { print > f }' dir="$tmp" "$root/README.md"
n=$(ls "$tmp"/block.*.sh 2>/dev/null | wc -l)
if [ "$n" -lt 2 ]; then
	echo "not ok - README.md has the Hadoop Streaming recipes"
	echo "    found $n \`\`\`sh blocks under ### Hadoop Streaming"
	exit 1
fi
fail=0
for i in $(seq 1 "$n"); do
	if ! (cd "$tmp/run" && bash -e "$tmp/block.$i.sh") > "$tmp/log" 2>&1; then
		echo "not ok - README.md ### Hadoop Streaming block $i runs"
		tail -n 20 "$tmp/log" | sed 's/^/    /'
		exit 1
	fi
done
echo "ok - README.md ### Hadoop Streaming: $n blocks ran on Hadoop 3.3.4 (local job runner)"

check() {	# name output-folder one-process-command
	local parts
	parts=$(for p in "$tmp/run/$2"/part-*; do [ -s "$p" ] && echo "$p"; done | wc -l)
	(cd "$tmp/run" && zcat -f dumps/2026-11-21/* | PATH=$BIN:$PATH sh -c "$3") |
		LC_ALL=C sort > "$tmp/want"
	cat "$tmp/run/$2"/part-* | LC_ALL=C sort > "$tmp/got"
	if [ ! -s "$tmp/want" ]; then
		echo "not ok - $1"; echo "    the one-process run gave nothing"; fail=1
	elif [ "$parts" -lt 2 ]; then
		echo "not ok - $1"; echo "    output of $parts map task(s), not several"; fail=1
	elif cmp -s "$tmp/want" "$tmp/got"; then
		echo "ok - $1: $(wc -l < "$tmp/got") lines from $parts map tasks equal one process"
	else
		echo "not ok - $1"
		diff -u "$tmp/want" "$tmp/got" | head -n 30 | sed 's/^/    /'
		fail=1
	fi
}
check "hadoop places" zhpipe/places 'segment --format jsonl | tag-region'
check "hadoop boilerplate labels" zhpipe/clean 'segment --format jsonl | dedupe-boilerplate --mark'
exit $fail
