# gen.awk - inputs of many different Chinese sentences for the tests,
# written for them (LC_ALL=C: a character is three bytes here)
#   awk -v what=sentences -v n=N -f data/gen.awk
#	N records of one article '-', each sentence naming its number in
#	characters (digits fold to 0 in the normal form, characters not)
#   awk -v what=pages -v n=N -f data/gen.awk
#	N pages of a site, each a body of its own (a fixed pseudo-random
#	draw) and a footer; pages N-99 to N-90 repeat the bodies of pages
#	N-199 to N-190
function spell(v,   w) {
	for (w = ""; v > 0; v = int(v / 34))
		w = w ch[v % 34]
	return w
}
function draw(k,   s) {
	for (s = ""; k > 0; k--) {
		seed = (seed * 16807) % 2147483647
		s = s ch[seed % 34]
	}
	return s
}
BEGIN {
	cs = "天地人和山水日月星辰风雨雷电春夏秋冬东南西北金木江河湖海花草城乡村镇"
	for (k = 0; k < 34; k++)
		ch[k] = substr(cs, 3 * k + 1, 3)
	seed = 11
	for (i = 1; i <= n; i++) {
		if (what == "sentences") {
			printf "-\t%d\t这一段正文说的是%s这件事情,写得长一些好占地方。\n",
			    i, spell(i)
			continue
		}
		b[i] = draw(60)
		u = "https://p.example.cn/" i
		body = i > n - 100 && i <= n - 90 ? b[i - 100] : b[i]
		printf "p%d\t%s\t%s。\n", i, u, body
		printf "p%d\t%s\t本站信息由编辑部整理发布\n", i, u
	}
}
