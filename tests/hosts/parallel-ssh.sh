#!/usr/bin/env bash
# tests/hosts/parallel-ssh.sh - run the README's GNU parallel recipe for
# many hosts, as printed, against two hosts made on this machine, and
# compare with one process.
#
# Each host is a network namespace (ip netns) joined to this one by a veth
# pair, with its own address and an sshd (openssh-server) listening on it,
# in a mount namespace of its own where /root and /run are empty tmpfs: a
# remote home that starts empty and that the local side cannot see, so the
# binaries and the input must really travel by ssh (--basefile,
# --transferfile) and the results come back the same way (--return). The
# names host1 and host2 of the recipe resolve through an ssh config handed
# to parallel in PARALLEL_SSH, with a throw-away key pair. Namespaces,
# links and sshd processes are removed on exit, whatever happens.
#
# Needs root, ip netns, sshd, ssh, unshare, GNU parallel (make deps-scale);
# prints "skipped - NAME: why" where it cannot set up, else "ok - NAME" or
# "not ok - NAME" (the reason indented below).
# Usage: BIN=build bash tests/hosts/parallel-ssh.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$here")")
BIN=$(cd "${BIN:-$root/build}" && pwd)
name="parallel --sshlogin"
sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ "$(id -u)" = 0 ] || { echo "skipped - $name: needs root for ip netns"; exit 0; }
for c in ip ssh ssh-keygen unshare parallel "$sshd"; do
	command -v "$c" >/dev/null || { echo "skipped - $name: no $c (make deps-scale)"; exit 0; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zhpipe-hosts.XXXXXX")
chmod 755 "$tmp"
id=$$
pids=
nss=
links=
cleanup() {
	local p n l
	for p in $pids; do kill "$p" 2>/dev/null; done
	for p in $pids; do wait "$p" 2>/dev/null; done
	for n in $nss; do ip netns del "$n" 2>/dev/null; done
	for l in $links; do ip link del "$l" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
	echo "not ok - $name: $1"
	shift
	[ $# -eq 0 ] || printf '%s\n' "$@" | sed 's/^/    /'
	exit 1
}

ssh-keygen -q -t ed25519 -N '' -C zhpipe-test -f "$tmp/id" || fail "ssh-keygen"
ssh-keygen -q -t ed25519 -N '' -C zhpipe-test -f "$tmp/hostkey" || fail "ssh-keygen"
cp "$tmp/id.pub" "$tmp/authorized_keys"
oct=$((id % 200 + 20))
: > "$tmp/ssh_config"
for h in 1 2; do
	ns=zhpipe-$id-h$h
	ip netns add "$ns" 2>"$tmp/err" ||
		{ echo "skipped - $name: ip netns add: $(head -n 1 "$tmp/err")"; exit 0; }
	nss="$nss $ns"
	here_if=zha$id$h there_if=zhb$id$h
	ip link add "$here_if" type veth peer name "$there_if" 2>"$tmp/err" ||
		{ echo "skipped - $name: ip link add veth: $(head -n 1 "$tmp/err")"; exit 0; }
	links="$links $here_if"
	local_ip=10.251.$oct.$((4 * h + 1)) host_ip=10.251.$oct.$((4 * h + 2))
	ip link set "$there_if" netns "$ns" &&
	ip addr add "$local_ip/30" dev "$here_if" &&
	ip link set "$here_if" up &&
	ip -n "$ns" addr add "$host_ip/30" dev "$there_if" &&
	ip -n "$ns" link set "$there_if" up &&
	ip -n "$ns" link set lo up || fail "setting up the link to $ns"
	cat > "$tmp/sshd_config.$h" <<CFG
ListenAddress $host_ip
Port 22
HostKey $tmp/hostkey
AuthorizedKeysFile $tmp/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PidFile none
LogLevel ERROR
CFG
	ip netns exec "$ns" unshare -m --propagation private sh -c '
		mount -t tmpfs tmpfs /root && mount -t tmpfs tmpfs /run &&
		mkdir -m 755 /run/sshd && exec "$0" -D -e -f "$1"' \
		"$sshd" "$tmp/sshd_config.$h" 2> "$tmp/sshd.$h.log" &
	pids="$pids $!"
	cat >> "$tmp/ssh_config" <<CFG
Host host$h
	HostName $host_ip
	User root
	IdentityFile $tmp/id
	IdentitiesOnly yes
	BatchMode yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	LogLevel ERROR
	ConnectTimeout 5
CFG
done
export PARALLEL_SSH="ssh -F $tmp/ssh_config"
for h in 1 2; do
	up=0
	for _ in $(seq 50); do
		if $PARALLEL_SSH host$h 'test ! -e segment && hostname >/dev/null' 2>/dev/null; then
			up=1; break
		fi
		sleep 0.2
	done
	[ $up = 1 ] || fail "sshd on host$h does not answer" "$(cat "$tmp/sshd.$h.log")"
done
# the hosts are others: this side's home is not theirs
ls -A /root | LC_ALL=C sort > "$tmp/here.ls"
$PARALLEL_SSH host1 'ls -A ~ | LC_ALL=C sort' > "$tmp/there.ls"
cmp -s "$tmp/here.ls" "$tmp/there.ls" && fail "host1 sees this side's home"

mkdir -p "$tmp/run/dumps"
(cd "$root/tests/segment" && bash ../fixtures/articles.sh 600) > "$tmp/all.jsonl"
(cd "$tmp/run/dumps" && split -d -l 150 --additional-suffix=.jsonl "$tmp/all.jsonl" part-)
cp "$BIN/segment" "$BIN/tag-region" "$BIN/extract-num" "$BIN/dedupe-boilerplate" "$tmp/run/"
awk '/^### / { sec = ($0 == "### GNU parallel, many hosts") }
	sec && /^```sh$/ { n++; f = dir "/block." n ".sh"; lit = 1; next }
	lit && /^```/ { lit = 0; next }
	lit { print > f }' dir="$tmp" "$root/README.md"
[ -e "$tmp/block.1.sh" ] || fail "README.md has no \`\`\`sh block under ### GNU parallel, many hosts"
for b in "$tmp"/block.*.sh; do
	(cd "$tmp/run" && PARALLEL="--joblog $tmp/joblog" bash -e "$b") > "$tmp/log" 2>&1 ||
		fail "README.md block ${b##*/} exits $?" "$(tail -n 20 "$tmp/log")"
done
echo "ok - README.md ### GNU parallel, many hosts: the recipe ran"

hosts=$(awk -F'\t' 'NR > 1 { print $2 }' "$tmp/joblog" | sort -u | tr '\n' ' ')
jobs=$(awk -F'\t' 'NR > 1 && $7 == 0' "$tmp/joblog" | wc -l)
if [ "$hosts" = "host1 host2 " ] && [ "$jobs" = 4 ]; then
	echo "ok - $name: 4 jobs, all exit 0, ran on host1 and host2"
else
	echo "not ok - $name: jobs on both hosts"
	sed 's/^/    /' "$tmp/joblog"
	exit 1
fi
(cd "$tmp/run" && "$BIN/segment" --format jsonl dumps/*.jsonl | "$BIN/tag-region") > "$tmp/want"
if [ ! -s "$tmp/want" ]; then
	fail "the one-process run gave nothing"
elif cmp -s "$tmp/want" "$tmp/run/places.tsv"; then
	echo "ok - $name: places.tsv, $(wc -l < "$tmp/want") lines, is byte-identical to one process"
else
	echo "not ok - $name: places.tsv differs from one process"
	diff -u "$tmp/want" "$tmp/run/places.tsv" | head -n 30 | sed 's/^/    /'
	exit 1
fi
left=$($PARALLEL_SSH host2 'ls -A ~' 2>&1)
if [ -z "$left" ] || [ "$left" = .parallel ]; then
	echo "ok - $name: --cleanup left nothing on host2"
else
	fail "--cleanup left files on host2" "$left"
fi
