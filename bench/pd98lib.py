"""What bench/num-pd98 and bench/region-pd98 share.

The People's Daily corpus of January 1998 as segmented and tagged by PKU
(the "PFR" corpus): one paragraph a line, tokens separated by two spaces,
the first token the paragraph id (19980101-01-001-006/m: date, page,
article, paragraph), every other token word/tag, compounds written
[w/t w/t]tag. The paragraph's text is its words concatenated; every word
and compound keeps its code-point span in that text.

The split: a paragraph belongs to "held" when the SHA-1 of its id (the
ASCII id without "/m", e.g. 19980101-01-001-006) read as a big-endian
number is 0 mod 5, to "tune" otherwise. Tuners look at "tune" only;
"held" is for reporting.
"""
import argparse
import gzip
import hashlib
import os
import re
import subprocess
import sys

DATA = "199801-dev.txt.gz"
PARTS = ("tune", "held")


def part_of(pid):
    """'held' for one paragraph id in five, 'tune' for the others."""
    return "held" if int(hashlib.sha1(pid.encode()).hexdigest(), 16) % 5 == 0 else "tune"


class Word:
    __slots__ = ("text", "tag", "start", "end", "comp", "idx")

    def __init__(self, text, tag, start, idx):
        self.text, self.tag, self.start, self.idx = text, tag, start, idx
        self.end = start + len(text)
        self.comp = None        # the compound holding it, if any


class Comp:
    __slots__ = ("tag", "start", "end", "first", "last", "text")

    def __init__(self, tag, start, end, first, last, text):
        self.tag, self.start, self.end = tag, start, end
        self.first, self.last, self.text = first, last, text   # words [first, last)


class Para:
    __slots__ = ("id", "article", "part", "text", "words", "comps")


TOKEN = re.compile(r"^(.+)/([A-Za-z]+)(?:\]([A-Za-z]+))?$")


def parse_line(line, where):
    toks = [t for t in line.rstrip("\n").split("  ") if t]
    if not toks or not toks[0].endswith("/m"):
        raise ValueError(f"{where}: no paragraph id at the start")
    p = Para()
    p.id = toks[0][:-2]
    if not re.fullmatch(r"\d{8}-\d+-\d+-\d+", p.id):
        raise ValueError(f"{where}: paragraph id {p.id!r} is not DATE-PAGE-ARTICLE-PARA")
    p.article = p.id.rsplit("-", 1)[0]
    p.part = part_of(p.id)
    p.words, p.comps = [], []
    pos, open_at = 0, None
    for t in toks[1:]:
        m = TOKEN.match(t)
        if t.startswith("[") and len(t) > 1:
            m2 = TOKEN.match(t[1:])
            if m2 and not m2.group(3):
                if open_at is not None:
                    raise ValueError(f"{where}: compound inside a compound at {t!r}")
                open_at = (pos, len(p.words))
                m = m2
        if not m:
            raise ValueError(f"{where}: token {t!r} is not word/tag")
        w = Word(m.group(1), m.group(2), pos, len(p.words))
        p.words.append(w)
        pos = w.end
        if m.group(3):
            if open_at is None:
                raise ValueError(f"{where}: compound closed at {t!r} was not opened")
            c = Comp(m.group(3), open_at[0], pos, open_at[1], len(p.words),
                     "".join(x.text for x in p.words[open_at[1]:]))
            for x in p.words[c.first:c.last]:
                x.comp = c
            p.comps.append(c)
            open_at = None
    if open_at is not None:
        raise ValueError(f"{where}: compound not closed")
    p.text = "".join(w.text for w in p.words)
    if "\t" in p.text or "\r" in p.text:
        raise ValueError(f"{where}: TAB or CR in the text")
    return p


def read(path):
    """All paragraphs of the file, in order."""
    paras = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                paras.append(parse_line(line, f"{path}:{n}"))
    if not paras:
        raise ValueError(f"{path}: no paragraphs")
    return paras


def find_data(arg):
    """The corpus file: ARG itself, ARG/199801-dev.txt.gz or ARG/pd98/199801-dev.txt.gz."""
    for p in (arg, os.path.join(arg, DATA), os.path.join(arg, "pd98", DATA)):
        if os.path.isfile(p):
            return p
    sys.exit(f"{os.path.basename(sys.argv[0])}: no {DATA} at {arg} or {arg}/pd98")


def options(description):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("data", help=f"{DATA}, or a folder holding it (or holding pd98/ with it)")
    ap.add_argument("--part", choices=("tune", "held", "all"), default="all",
                    help="which paragraphs to score (default all: tune and held side by side)")
    ap.add_argument("--verbose", action="store_true",
                    help="also print examples of misses and false hits (tune part only)")
    ap.add_argument("--summary", action="store_true", help="print one line only")
    ap.add_argument("--examples", type=int, default=4, metavar="N",
                    help="examples per class with --verbose (default 4)")
    ap.add_argument("--classes", type=int, default=15, metavar="N",
                    help="classes of misses and false hits listed (default 15)")
    a = ap.parse_args()
    if a.verbose and a.part == "held":
        ap.error("--verbose shows the tune part only; the held part stays unseen")
    a.data = find_data(a.data)
    a.bin = os.environ.get("BIN") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build")
    a.parts = PARTS if a.part == "all" else (a.part,)
    return a


def run(cmd, lines):
    """Run a tool on the given input lines; its output lines split on TAB."""
    r = subprocess.run(cmd, input="".join(lines).encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.stderr.write(r.stderr.decode(errors="replace"))
        sys.exit(f"{os.path.basename(sys.argv[0])}: {' '.join(cmd)} exited {r.returncode}")
    if r.stderr:
        sys.stderr.write(r.stderr.decode(errors="replace"))
    return [l.split("\t") for l in r.stdout.decode().split("\n") if l]


def overlaps(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


# Coarse shapes for classes: digit runs become D, Chinese numeral runs N
# (万 and 亿 right after digits stay as they are), full-width signs their
# ASCII twins; other characters stay.
_FW = str.maketrans("０１２３４５６７８９．％／∶：，－＋ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ",
                    "0123456789.%/::,-+ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
CN_DIGITS = "零〇○一二三四五六七八九十百千万亿两廿卅壹贰叁肆伍陆柒捌玖拾佰仟"


def shape(s):
    s = re.sub(r"[A-Za-z]+", "\0", s.translate(_FW))
    s = re.sub(r"[0-9]+(?:[.,][0-9]+)*", "D", s)
    s = re.sub(r"(?<=D)([万亿]+)", lambda m: m.group(1)[0], s)
    s = re.sub(f"[{CN_DIGITS}几]+", "N", s)
    return s.replace("\0", "a")


def context(text, s, e, width=12):
    """The text around [s, e) with the span in brackets."""
    return text[max(0, s - width):s] + "【" + text[s:e] + "】" + text[e:e + width]


def pct(a, b):
    return f"{100 * a / b:6.2f}%" if b else "     -"


def cell(a, b):
    return f"{pct(a, b)} {a:>6}/{b:<6}"
