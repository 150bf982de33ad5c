# lines of many short pieces: time grows linearly with the line. A
# piece without a letter joins the next ("1." "(2)"), and the search for
# a letter does not start again at the sentence's start for each; the
# letters and dots before a period are read back only as far as the
# longest abbreviation; the e-mail alternative of the token pattern does
# not run to the end of a line of characters an address may hold
for p in '1！' '1. ' 'a.'; do
	python3 ../lib/scale.py "segment, a line of '$p'" "yes '$p' | tr -d '\n' | head -c" 50000 segment
done
python3 ../lib/scale.py "segment -t, a line of 'a-%'" "yes 'a-%' | tr -d '\n' | head -c" 50000 "segment -t"
