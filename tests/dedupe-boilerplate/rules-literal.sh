# a branch that begins with plain characters is tried only on lines that
# hold them; a character made optional or repeated by a quantifier, an
# escape or a class ends that leading literal, so these rules still match
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf 'opt\t关于我们?页面\nrep\t数{2}字表\nesc\t编号\\d+号|价格\\.元\nclass\t站点[一二]号|x|点评栏\n' > "$d/rules"
printf 'd\t这是关于我页面的说明\nd\t看数数字表\nd\t价格.元整\nd\t去站点二号吧\nd\t这是正文句子，写得很长，没有任何规则会命中这一行。\nd\t这里有点评栏目\n' |
	dedupe-boilerplate --rules "$d/rules" --mark | cut -f2
