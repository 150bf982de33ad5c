# words without a frequency cost about what words with one cost to load
# (each gets the lowest frequency that keeps it whole from the words
# along its own path, not from the whole dictionary)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
python3 -c '
import sys
for i in range(20000):
    print(chr(0x4e00 + i % 20000) + chr(0x4e00 + (i * 7) % 20000) + chr(0x5000 + i % 977))
' > "$d/plain.dict"
sed 's/$/ 3/' "$d/plain.dict" > "$d/freq.dict"
TIMEFORMAT='%U %S'
{ time segment -w -u "$d/freq.dict" /dev/null; } 2> "$d/t.freq"
{ time segment -w -u "$d/plain.dict" /dev/null; } 2> "$d/t.plain"
awk '{ t[FILENAME] = $1 + $2 } END {
	f = t[ARGV[1]]; p = t[ARGV[2]]
	if (f < 0.2)
		f = 0.2
	if (p <= 5 * f)
		print "20000 words without frequencies load about as fast as with them"
	else
		print "without frequencies: " p " s, with: " f " s"
}' "$d/t.freq" "$d/t.plain"
