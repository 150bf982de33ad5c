# a numeral of 100,000 characters: one code line with --all, linear time,
# and the sentence around it still read
{ printf 'd\t共计'; yes 一 | head -n 100000 | tr -d '\n'; printf '元，另有三百五十人。\n'; } |
	extract-num --all | LC_ALL=C awk -F'\t' '{ print $2, $3, $(NF-5), length($NF) }' | head -n 5
