# --features: one row a line (a paragraph's sentence records are one
# line), its keys and as many numbers as the line model reads
printf 'd\t1\t1\t首页\nd\t2\t1\t一句话。\nd\t2\t2\t又一句话。\nd\t3\t1\t版权所有\n' |
	dedupe-boilerplate --features | awk -F'\t' '{ print $1, $2, NF - 3 }'
dedupe-boilerplate --features --mark < /dev/null 2>&1; echo "exit $?"
