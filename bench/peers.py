#!/usr/bin/env python3
"""peers.py JOB PEER - run a peer of a zhpipe tool over zhpipe records and
write what it finds in that tool's output format, so that the scorers and
benchmarks written for the tool score and time the peer the same way.

Input: TSV records on standard input, keys first, text last (segment's
output). Output, after the record's keys:
  words    segment -w --format tsv:  sent words (space-separated)
  numbers  extract-num:  start end kind value qual unit subject mention
  regions  tag-region:   start end code level path role mention
  dups     dedupe-boilerplate --mark: every record, label before the text
           (body, or dup:DOC for the records of a later copy)
Offsets are code points into the text, [start, end).

  JOB      PEER         what the adapter calls, and what it derives
  words    jieba        jieba.cut(text, HMM=False), one record a call
  words    jieba-hmm    jieba.cut(text, HMM=True)
  words    thulac       thulac(seg_only=True).cut(text, text=True)
  numbers  cn2an        cn2an.transform(text, "cn2an"), which rewrites
                        Chinese numerals as Arabic ones and gives no spans:
                        the adapter aligns input and output (difflib) and
                        reports each Arabic number of the output at the
                        input span it came from; kind percent when it ends
                        in %, else count; qual =; no unit, no subject
  numbers  jionlp       jionlp.ner.extract_money(text, with_parsing=True),
                        jionlp's only numeric extractor: kind money, its
                        num and case as value and unit, its definition
                        (accurate, blur, blur+, blur-) as qual = ~ > <
  regions  cpca         cpca.transform_text_with_addrs(text,
                        pos_sensitive=True): province, city and county
                        with the start of each and the adcode of the
                        deepest; the end is where the official name, or
                        the longest prefix of it the text has there, ends;
                        the code of a higher level is the adcode cut to it
                        (620602 -> 620600 -> 620000)
  regions  jionlp       jionlp.recognize_location(text): the divisions a
                        text names, with no spans: every occurrence in the
                        text of each one's full name or alias is reported,
                        with its code from jionlp.china_location_loader()
  dups     datasketch   MinHash (128 permutations) of each document's
                        5-character shingles, MinHashLSH (threshold 0.8):
                        a document with an earlier one among its candidates
                        is a copy of the earliest; documents are the runs
                        of records sharing the first key, text joined by
                        newlines
  dups     text-dedup   text_dedup.minhash (its own virtualenv, TEXT_DEDUP_PY)
                        over the same documents: 128 permutations, threshold
                        0.8, its own tokens (the text split at non-word
                        characters: for Chinese, clauses), one-clause
                        n-grams; it joins every band collision into a
                        cluster; a document whose cluster has an earlier
                        one is a copy of the earliest

usage: peers.py JOB PEER [-k N] < records > output
"""
import contextlib
import difflib
import re
import sys
import warnings


def quietly(module):
    """Import a module that prints a banner on standard output."""
    import importlib
    with contextlib.redirect_stdout(sys.stderr):
        return importlib.import_module(module)


def records(stdin):
    for line in stdin:
        line = line.rstrip("\n")
        i = line.rfind("\t")
        yield (line[:i + 1], line[i + 1:]) if i >= 0 else ("", line)


def clean(s):
    return re.sub(r"[\t\r\n]", " ", str(s))


# ---------------------------------------------------------------- words
def words(peer, inp, out):
    if peer in ("jieba", "jieba-hmm"):
        import jieba
        jieba.setLogLevel(60)
        jieba.initialize()
        hmm = peer == "jieba-hmm"
        cut = lambda t: jieba.cut(t, HMM=hmm)
    elif peer == "thulac":
        import thulac
        with contextlib.redirect_stdout(sys.stderr):	# it reports loading
            th = thulac.thulac(seg_only=True)
        cut = lambda t: th.cut(t, text=True).split(" ")
    else:
        sys.exit("peers.py: words: no peer %s" % peer)
    for keys, text in inp:
        ws = [w for w in cut(text) if w.strip()]
        out.write("%s1\t%s\n" % (keys, " ".join(clean(w) for w in ws)))


# -------------------------------------------------------------- numbers
NUM = re.compile(r"(?:(?<!\d)-)?\d+(?:\.\d+)?(?:/\d+)?%?")	# 1-2: no minus


def plain(v):
    v = str(v)
    if "." in v:
        v = v.rstrip("0").rstrip(".")
    return v or "0"


def cn2an_spans(text, conv):
    """(start, end, number) of each Arabic number of conv, on text."""
    sm = difflib.SequenceMatcher(None, text, conv, autojunk=False)
    starts = [0] * (len(conv) + 1)
    ends = [0] * (len(conv) + 1)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        for j in range(j1, j2):
            if op == "equal":
                starts[j], ends[j + 1] = i1 + j - j1, i1 + j - j1 + 1
            else:	# a replaced run maps to the whole input run
                starts[j], ends[j + 1] = i1, i2
    for m in NUM.finditer(conv):
        yield starts[m.start()], ends[m.end()], m.group()


def numbers(peer, inp, out):
    if peer == "cn2an":
        import cn2an
        warnings.simplefilter("ignore")
        for keys, text in inp:
            try:
                conv = cn2an.transform(text, "cn2an")
            except Exception:	# cn2an refuses some texts: keep its digits
                conv = text
            for s, e, num in cn2an_spans(text, conv):
                kind, unit = ("percent", "%") if num.endswith("%") else ("count", "")
                num = num.rstrip("%")
                if "/" in num:
                    a, b = num.split("/")
                    num = "%.6f" % (float(a) / float(b)) if float(b) else num
                out.write("%s%d\t%d\t%s\t%s\t=\t%s\t\t%s\n" % (
                    keys, s, e, kind, plain(num), unit, clean(text[s:e])))
    elif peer == "jionlp":
        jionlp = quietly("jionlp")
        qual = {"accurate": "=", "blur": "~", "blur+": ">", "blur-": "<"}
        for keys, text in inp:
            try:
                found = jionlp.ner.extract_money(text, with_parsing=True)
            except Exception:
                found = []
            for m in found:
                d = m.get("detail") or {}
                num = d.get("num", "")
                if isinstance(num, list):
                    num = "..".join(plain(x) for x in num)
                    kind = "range"
                else:
                    num, kind = plain(num), "money"
                s, e = m["offset"]
                out.write("%s%d\t%d\t%s\t%s\t%s\t%s\t\t%s\n" % (
                    keys, s, e, kind, num, qual.get(d.get("definition"), "="),
                    clean(d.get("case", "")), clean(m["text"])))
    else:
        sys.exit("peers.py: numbers: no peer %s" % peer)


# -------------------------------------------------------------- regions
SUFFIX = re.compile(r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|"
                    r"省|市|地区|盟|县|区|旗)$")


def mention_at(text, pos, name):
    """The end of the mention of name that starts at pos: the full name,
    else the longest prefix of it (two characters at least) found there."""
    if text.startswith(name, pos):
        return pos + len(name)
    for k in range(len(name) - 1, 1, -1):
        if text.startswith(name[:k], pos):
            return pos + k
    return -1


def regions(peer, inp, out):
    if peer == "cpca":
        import cpca
        warnings.simplefilter("ignore")
        levels = (("省", "province", 2), ("市", "city", 4), ("区", "county", 6))
        for keys, text in inp:
            try:
                df = cpca.transform_text_with_addrs(text, pos_sensitive=True)
            except Exception:
                continue
            seen = set()
            for _, row in df.iterrows():
                code = str(row.get("adcode") or "")
                path = []
                for col, level, digits in levels:
                    name = row.get(col)
                    if not isinstance(name, str) or not name:
                        continue
                    path.append(name)
                    pos = int(row.get(col + "_pos", -1))
                    if pos < 0 or not code or code == "nan":
                        continue
                    end = mention_at(text, pos, name)
                    if end < 0 or (pos, end) in seen:
                        continue
                    seen.add((pos, end))
                    c = (code[:digits] + "0" * 6)[:6]
                    out.write("%s%d\t%d\t%s\t%s\t%s\tplace\t%s\n" % (
                        keys, pos, end, c, level, "/".join(path), text[pos:end]))
    elif peer == "jionlp":
        jionlp = quietly("jionlp")
        loc = jionlp.china_location_loader()
        index = {}	# (province, city, county) -> (code, [names])

        def names(node):
            a = node.get("_alias") or []
            a = [a] if isinstance(a, str) else list(a)
            return [node["_full_name"]] + [x for x in a if len(x) >= 2]
        for p, pn in loc.items():
            index[(p, None, None)] = (pn["_admin_code"], names(pn))
            for c, cn in pn.items():
                if c.startswith("_"):
                    continue
                index[(p, c, None)] = (cn["_admin_code"], names(cn))
                for d, dn in cn.items():
                    if not d.startswith("_"):
                        index[(p, c, d)] = (dn["_admin_code"], names(dn))
        for keys, text in inp:
            try:
                r = jionlp.recognize_location(text)
            except Exception:
                continue
            seen = set()
            for item, _count in r.get("domestic") or []:
                p, c, d = item.get("province"), item.get("city"), item.get("county")
                for level, key, name in (("province", (p, None, None), p),
                                         ("city", (p, c, None), c),
                                         ("county", (p, c, d), d)):
                    if name is None or key not in index:
                        continue
                    code, ns = index[key]
                    path = "/".join(x for x in key if x)
                    for n in sorted(ns, key=len, reverse=True):
                        for m in re.finditer(re.escape(n), text):
                            span = (m.start(), m.end())
                            if any(s <= span[0] < e for s, e in seen):
                                continue
                            seen.add(span)
                            out.write("%s%d\t%d\t%s\t%s\t%s\tplace\t%s\n" % (
                                keys, span[0], span[1], code, level, path, n))
    else:
        sys.exit("peers.py: regions: no peer %s" % peer)


# ----------------------------------------------------------------- dups
TEXT_DEDUP = r"""
import json, os, pickle, subprocess, sys
d = sys.argv[1]
r = subprocess.run([sys.executable, "-m", "text_dedup.minhash", "--path", "json",
    "--data_files", os.path.join(d, "docs.jsonl"), "--split", "train",
    "--cache_dir", os.path.join(d, "cache"), "--output", os.path.join(d, "out"),
    "--column", "text", "--idx_column", "n", "--num_perm", "128",
    "--threshold", "0.8", "--ngram", "1", "--min_length", "1", "--debug"],
    stdout=sys.stderr)
if r.returncode:
    sys.exit(r.returncode)
with open(os.path.join(d, "out", "uf.pkl"), "rb") as f:
    uf = pickle.load(f)
for i in list(uf.parent):
    print("%d\t%d" % (i, uf.find(i)))
"""


def text_dedup(inp, out, k):
    import json
    import os
    import subprocess
    import tempfile
    py = os.environ.get("TEXT_DEDUP_PY") or os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
        ".venv-bench", "td", "bin", "python")
    docs = []	# (doc, records)
    for keys, text in inp:
        d = "\t".join(keys.split("\t")[:k])
        if not docs or docs[-1][0] != d:
            docs.append((d, []))
        docs[-1][1].append((keys, text))
    if not docs:
        return
    with tempfile.TemporaryDirectory(prefix="zhpipe-td.") as tmp:
        with open(os.path.join(tmp, "docs.jsonl"), "w", encoding="utf-8") as f:
            for n, (d, recs) in enumerate(docs):
                f.write(json.dumps({"n": n, "text": "\n".join(t for _, t in recs)},
                                   ensure_ascii=False) + "\n")
        r = subprocess.run([py, "-c", TEXT_DEDUP, tmp], capture_output=True,
                           text=True, env=dict(os.environ, HF_DATASETS_OFFLINE="1",
                                               HF_HUB_OFFLINE="1"))
        if r.returncode:
            sys.stderr.write(r.stderr)
            sys.exit("peers.py: text-dedup failed")
    root = {}
    for line in r.stdout.splitlines():
        i, c = line.split("\t")
        root[int(i)] = int(c)
    first = {}	# cluster -> its earliest document
    for n in sorted(root):
        first.setdefault(root[n], n)
    for n, (d, recs) in enumerate(docs):
        e = first.get(root.get(n, n), n)
        label = "dup:" + docs[e][0] if e != n else "body"
        for keys, t in recs:
            out.write("%s%s\t%s\n" % (keys, label, t))


def dups(peer, inp, out, k=1):
    if peer == "text-dedup":
        return text_dedup(inp, out, k)
    if peer != "datasketch":
        sys.exit("peers.py: dups: no peer %s" % peer)
    from datasketch import MinHash, MinHashLSH
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    order = {}

    def flush(doc, recs):
        text = "\n".join(t for _, t in recs)
        sh = {text[i:i + 5] for i in range(max(1, len(text) - 4))}
        m = MinHash(num_perm=128)
        m.update_batch([s.encode("utf-8") for s in sh])
        hits = [d for d in lsh.query(m) if d in order]
        label = "body"
        if hits:
            label = "dup:" + min(hits, key=order.get)
        elif doc not in order:
            lsh.insert(doc, m)
        order.setdefault(doc, len(order))
        for keys, t in recs:
            out.write("%s%s\t%s\n" % (keys, label, t))
    doc, recs = None, []
    for keys, text in inp:
        d = "\t".join(keys.split("\t")[:k])
        if recs and d != doc:
            flush(doc, recs)
            recs = []
        doc = d
        recs.append((keys, text))
    if recs:
        flush(doc, recs)


WARM = "甘肃省武威市凉州区今年投资约2.15亿元,新建高标准农田十二万亩。"


def main():
    args = sys.argv[1:]
    k = 1
    if "-k" in args:
        i = args.index("-k")
        k = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    job, peer = args
    # every peer reads one record first, out of the timing of the input:
    # what it loads on first use (dictionaries, models) is start-up
    import io
    jobs = {"words": words, "numbers": numbers, "regions": regions, "dups": dups}
    if job not in jobs:
        sys.exit("peers.py: no job %s (words, numbers, regions, dups)" % job)
    jobs[job](peer, records(io.StringIO("warm\t" + WARM + "\n")), io.StringIO())
    inp = records(sys.stdin)
    out = sys.stdout
    if job == "dups":
        dups(peer, inp, out, k)
    else:
        jobs[job](peer, inp, out)


if __name__ == "__main__":
    sys.stdin.reconfigure(encoding="utf-8", errors="replace")
    sys.stdout.reconfigure(encoding="utf-8")
    main()
