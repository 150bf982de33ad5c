#!/usr/bin/env python3
"""corpus.py [--copies] DIR [ARTICLES] [FILES] - a JSON Lines corpus for the scale-out
tests, made only from text in this repository: the sample articles of
examples/ and the articles of tests/tag-region/gold, each as itself, and
ARTICLES more (default 400) made of their lines (a fixed pseudo-random
draw; see below), spread over FILES files (default 4) DIR/part-N.jsonl.
The last file is gzipped (DIR/part-N.jsonl.gz), as dumps often are. The
articles are on seven sites, so that menus and footers recur on a site.

With --copies, near duplicates are planted among them, each in a file of
its own: an exact copy of an article (another id, another site); a chain
A, B, C, where B is A with one character in 67 changed and C is B with
as many more changed (B is a near copy of A, C of B but not of A); and
two reports in one wording with other figures (no copies).
"""
import glob
import gzip
import json
import os
import random
import re
import sys


NUMERALS = set("0123456789〇零一二三四五六七八九十百千万亿两")


def changed(text, start, step, by):
    """text with every step-th character from start on replaced by `by`,
    leaving digits, numerals, punctuation and line ends alone (the next
    character that is none of them is taken instead)."""
    chars = list(text)
    i = start
    while i < len(chars):
        j = i
        while j < len(chars) and (chars[j] in NUMERALS or
                                  not ("\u4e00" <= chars[j] <= "\u9fff")):
            j += 1
        if j < len(chars):
            chars[j] = by
        i += step
    return "".join(chars)


def plant(articles, body, rnd):
    """The planted near duplicates, at fixed places of the list."""
    frame = articles[-1]["text"].split("\n")

    # paragraphs of characters drawn from the bodies: their sentences are
    # in no other article, so that the counts leave them all body
    han = sorted({ch for p in body for ch in p
                  if "\u4e00" <= ch <= "\u9fff" and ch not in NUMERALS})

    def paragraph():
        return "".join("".join(rnd.choice(han) for _ in range(rnd.randint(20, 40)))
                       + "。" for _ in range(2))
    a = "\n".join([frame[0]] + [paragraph() for _ in range(10)] + frame[-2:])
    b = changed(a, 20, 67, "某")
    c = changed(b, 53, 67, "另")
    f1 = "\n".join([frame[0]] + [paragraph() for _ in range(8)] +
                   ["全年共新建学校1286所，比上年增长3.8%。"] + frame[-2:])
    f2 = f1.replace("1286所", "1307所").replace("3.8%", "4.1%")
    plants = [(50, "chain-a", a), (60, "figures-1", f1), (150, "chain-b", b),
              (250, "chain-c", c), (300, "figures-2", f2),
              (380, "copy-of-a10", next(x["text"] for x in articles
                                        if x["id"] == "a10"))]
    for at, name, text in plants:
        articles.insert(at, {"id": name,
                             "url": "https://s%d.example.cn/%s.html" % (at % 7, name),
                             "text": text})


def main():
    copies = "--copies" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--copies"]
    out = args[0]
    n = int(args[1]) if len(args) > 1 else 400
    nfiles = int(args[2]) if len(args) > 2 else 4
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sources = sorted(glob.glob(os.path.join(root, "examples", "*.txt")) +
                     glob.glob(os.path.join(root, "tests", "tag-region", "gold", "*.txt")))
    articles = []
    paragraphs = []
    for path in sources:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        name = os.path.splitext(os.path.basename(path))[0]
        articles.append({"id": "src-" + name,
                         "url": "https://src.example.cn/%s.html" % name,
                         "text": text})
        paragraphs += [p for p in text.split("\n") if p.strip()]
    # frame lines (menus, bylines, footers: no sentence end) recur on
    # the pages of a site; each body sentence is two paragraphs spliced at
    # random points, so that bodies differ from article to article
    frame = [p for p in paragraphs if not re.search("[。！？!?]", p)]
    body = [p for p in paragraphs if re.search("[。！？!?]", p)]
    rnd = random.Random(11)
    for i in range(1, n + 1):
        site = i % 7
        lines = [frame[(3 * site) % len(frame)]]
        for _ in range(rnd.randint(3, 8)):
            p, q = rnd.choice(body), rnd.choice(body)
            lines.append(p[:rnd.randint(4, len(p) - 1)] + q[rnd.randint(1, len(q) - 4):])
        lines.append(frame[(3 * site + 1) % len(frame)])
        lines.append(frame[(3 * site + 2) % len(frame)])
        articles.append({"id": "a%d" % i,
                         "url": "https://s%d.example.cn/%d.html" % (site, i),
                         "text": "\n".join(lines)})
    if copies:
        plant(articles, body, rnd)
    os.makedirs(out, exist_ok=True)
    per = (len(articles) + nfiles - 1) // nfiles
    for f in range(nfiles):
        part = articles[f * per:(f + 1) * per]
        lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in part)
        path = os.path.join(out, "part-%d.jsonl" % f)
        if f == nfiles - 1:
            with gzip.open(path + ".gz", "wt", encoding="utf-8") as g:
                g.write(lines)
        else:
            with open(path, "w", encoding="utf-8") as g:
                g.write(lines)


if __name__ == "__main__":
    main()
