# a 54 MB line of 3,000,000 sentences and one of 50 MB without any
# sentence end: all of it comes out, nothing is cut
yes '这是一句话。' | head -n 3000000 | tr -d '\n' | segment | awk -F'\t' '
	{ n++; if ($4 != "这是一句话。") bad++ } END { print n " sentences, " bad + 0 " wrong" }'
yes '没有句号的长行' | head -n 2380953 | tr -d '\n' | segment | awk -F'\t' '
	{ n++; b += length($4) } END { print n " sentence, " b " bytes" }'
