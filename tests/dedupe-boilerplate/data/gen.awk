# gen.awk - inputs of many different Chinese sentences for the tests,
# written for them (LC_ALL=C: a character is three bytes here)
#   awk -v what=sentences -v n=N -f data/gen.awk
#	N records of one article '-', each sentence naming its number in
#	characters (digits fold to 0 in the normal form, characters not)
#   awk -v what=pages -v n=N -f data/gen.awk
#	N pages of a site, each a body of its own (a fixed pseudo-random
#	draw) and a footer; pages N-99 to N-90 repeat the bodies of pages
#	N-199 to N-190
#   awk -v what=template -v n=N -f data/gen.awk
#	N pages of a site made from one template: each fills eight words
#	and two numbers of it (a fixed pseudo-random draw), so that pages
#	are alike in most of their text, not near duplicates of each other
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
		if (what == "template") {
			u = "https://t.example.cn/" i
			printf "t%d\t%s\t今年以来,%s县围绕%s产业发展目标,新建%s基地%d个,带动%s农户增收%d万元。\n", i, u, draw(2), draw(2), draw(2), seed % 1000, draw(2), seed % 10000
			printf "t%d\t%s\t%s合作社的负责人说,这些年%s的变化大家都看得见,今后还要在%s和%s两方面下更大的功夫,让乡亲们的日子越过越红火。\n", i, u, draw(2), draw(2), draw(2), draw(2)
			printf "t%d\t%s\t本站信息由编辑部整理发布\n", i, u
			continue
		}
		b[i] = draw(60)
		u = "https://p.example.cn/" i
		body = i > n - 100 && i <= n - 90 ? b[i - 100] : b[i]
		printf "p%d\t%s\t%s。\n", i, u, body
		printf "p%d\t%s\t本站信息由编辑部整理发布\n", i, u
	}
}
