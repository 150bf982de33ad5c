# an article republished in Traditional characters (OpenCC's Hong Kong
# forms) is a near-duplicate of the Simplified one: the normal forms the
# signatures are made of read both as Simplified
f=../fixtures/traditional
segment "$f/dawan-tourism.txt" "$f/dawan-tourism.s2hk.txt" |
	dedupe-boilerplate --mark | cut -f1,4 | sed 's|\.\./fixtures/traditional/||g' | sort | uniq -c
