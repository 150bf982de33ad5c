#!/usr/bin/env python3
"""corpus.py DIR [ARTICLES] [FILES] - a JSON Lines corpus for the scale-out
tests, made only from text in this repository: the sample articles of
examples/ and the articles of tests/tag-region/gold, each as itself, and
ARTICLES more (default 400) made of their lines (a fixed pseudo-random
draw; see below), spread over FILES files (default 4) DIR/part-N.jsonl.
The last file is gzipped (DIR/part-N.jsonl.gz), as dumps often are. The
articles are on seven sites, so that menus and footers recur on a site.
"""
import glob
import gzip
import json
import os
import random
import re
import sys


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    nfiles = int(sys.argv[3]) if len(sys.argv) > 3 else 4
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
