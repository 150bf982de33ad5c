# Traditional renderings of Simplified articles (OpenCC's s2t, s2hk and
# s2tw, made once: ../fixtures/traditional/make.sh) give the same words,
# tokens, numbers and places as the Simplified text, offsets included;
# every surface string is the rendering's own text at its offsets. The
# Taiwan forms write 著 for 着, which is kept as 著 (a Simplified
# character too): there some words are cut otherwise, and the count says
# how many sentences or records were the same
f=../fixtures/traditional
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
run() {	# name file: each tool's output on the file, read as one article "-"
	segment -w < "$2" > "$d/$1.words"
	segment -t < "$2" > "$d/$1.tokens"
	segment < "$2" > "$d/$1.sent"
	extract-num < "$d/$1.sent" > "$d/$1.num"
	tag-region < "$d/$1.sent" > "$d/$1.place"
}
for src in "$f"/dawan-tourism.txt ../../examples/*.txt; do
	b=$(basename "$src" .txt)
	run "$b" "$src"
	for r in s2t s2hk s2tw; do
		run "$b.$r" "$f/$b.$r.txt"
	done
done
python3 - "$d" <<'PY'
import glob, os, sys
from collections import Counter
d = sys.argv[1]
def lines(p):
    with open(p, encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f]
def words(rows):    # the lengths of the words of each sentence
    return [[len(w) for w in r[-1].split(" ")] for r in rows]
def tokens(rows):   # keys, type and length of each token
    return [r[:-1] + [len(r[-1])] for r in rows]
def nums(rows, sent):   # the columns of each number but its subject and mention
    text = {tuple(s[:3]): s[3] for s in sent}
    out = []
    for r in rows:
        t, (b, e) = text[tuple(r[:3])], (int(r[3]), int(r[4]))
        if t[b:e] != r[10] or r[9] not in t:
            sys.exit(f"extract-num: {r}: the mention or subject is not the text's")
        out.append(r[:9])
    return out
def places(rows, sent):     # keys, span, code, level, path and role
    text = {tuple(s[:3]): s[3] for s in sent}
    for r in rows:
        if text[tuple(r[:3])][int(r[3]):int(r[4])] != r[9]:
            sys.exit(f"tag-region: {r}: the mention is not the text's")
    return [r[:9] for r in rows]
total = {"segment -w": 0, "segment -t": 0, "extract-num": 0, "tag-region": 0}
same = {(k, r): 0 for k in total for r in ("s2t", "s2hk", "s2tw")}
for src in sorted(glob.glob(f"{d}/*.words")):
    b = os.path.basename(src)[:-len(".words")]
    if "." in b:
        continue
    base = {"segment -w": words(lines(f"{d}/{b}.words")),
            "segment -t": tokens(lines(f"{d}/{b}.tokens")),
            "extract-num": nums(lines(f"{d}/{b}.num"), lines(f"{d}/{b}.sent")),
            "tag-region": places(lines(f"{d}/{b}.place"), lines(f"{d}/{b}.sent"))}
    for k, v in base.items():
        total[k] += sum(len(x) for x in v) if k == "segment -w" else len(v)
    for r in ("s2t", "s2hk", "s2tw"):
        got = {"segment -w": words(lines(f"{d}/{b}.{r}.words")),
               "segment -t": tokens(lines(f"{d}/{b}.{r}.tokens")),
               "extract-num": nums(lines(f"{d}/{b}.{r}.num"), lines(f"{d}/{b}.{r}.sent")),
               "tag-region": places(lines(f"{d}/{b}.{r}.place"), lines(f"{d}/{b}.{r}.sent"))}
        for k in base:
            if got[k] == base[k]:
                same[(k, r)] += sum(len(x) for x in base[k]) if k == "segment -w" else len(base[k])
            elif r != "s2tw":
                print(f"{k} {r} {b}: differs")
                for x, y in zip(base[k], got[k]):
                    if x != y:
                        print("  ", x, "\n  ", y)
                        break
            else:   # the words of sentences, and records, that are the same
                both = Counter(map(tuple, base[k])) & Counter(map(tuple, got[k]))
                same[(k, r)] += sum(len(x) * n for x, n in both.items()) \
                    if k == "segment -w" else sum(both.values())
for k in total:
    print(f"{k}: {total[k]} in the Simplified text;",
          ", ".join(f"{r} {same[(k, r)]} the same" for r in ("s2t", "s2hk", "s2tw")))
PY
