#!/usr/bin/env python3
"""readme.py - run the README's Spark recipes, as printed, on PySpark in
local mode (local[2]) and compare each result with one process.

The ```python blocks of the README section "### Spark" are executed in
order, in one namespace that holds what the README takes as given:
  sc       a SparkContext (local[2])
  bin_dir  the folder of the binaries (BIN)
  dumps    a folder of JSON Lines files (tests/spark/corpus.py --copies:
           several files, one of them gzipped, near duplicates planted)
  out      a folder for the results (absent; the recipes save under it)
  work     a folder on the driver for the summed counts
The binaries reach the tasks only through sc.addFile, as on a cluster.
Then:
  places    the union of the partitions' output, sorted, equals
            segment --format jsonl | tag-region over all files, sorted;
  numbers   the same for extract-num;
  labelled  the two-phase boilerplate labels (--emit-counts per
            partition, reduceByKey, --counts) equal the labels of one
            dedupe-boilerplate --mark over everything, sorted, but for
            the articles that run labels near duplicates (--counts alone
            finds none);
  deduped   the near-duplicate steps (--emit-signatures per partition,
            --reduce-signatures in one task, --dups) give the labels of
            one dedupe-boilerplate --mark over everything, sorted, and
            those are the planted ones: the copy and B of the chain A~B~C
            are duplicates, C and the report with other figures are not.
Prints "ok - NAME" or "not ok - NAME" and the difference, one line a
check; exit status 1 when a check failed.

usage: BIN=build python readme.py    (PySpark importable, java on PATH)
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
BIN = os.path.abspath(os.environ.get("BIN", os.path.join(root, "build")))
failed = 0


def ok(name):
    print("ok - " + name, flush=True)


def not_ok(name, why):
    global failed
    failed += 1
    print("not ok - " + name, flush=True)
    for line in why.splitlines()[:40]:
        print("    " + line, flush=True)


def readme_blocks(section):
    """The ```python blocks of a ### section of README.md, in order."""
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^### " + re.escape(section) + r"\n(.*?)(?=^#{1,3} )", text,
                  re.S | re.M)
    if not m:
        return []
    return re.findall(r"^```python\n(.*?)^```", m.group(1), re.S | re.M)


def one_process(corpus, command):
    """The lines of COMMAND run once over every file of the corpus."""
    files = sorted(glob.glob(os.path.join(corpus, "*")))
    cmd = "zcat -f %s | %s" % (" ".join(files), command)
    r = subprocess.run(["sh", "-c", cmd], capture_output=True,
                       env=dict(os.environ, PATH=BIN + ":" + os.environ["PATH"]))
    if r.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (command, r.returncode,
                                                r.stderr.decode()))
    return r.stdout.decode("utf-8").splitlines()


def saved(path):
    """The lines of a saveAsTextFile folder and its non-empty parts."""
    lines, parts = [], 0
    for p in sorted(glob.glob(os.path.join(path, "part-*"))):
        with open(p, encoding="utf-8") as f:
            got = f.read().splitlines()
        parts += bool(got)
        lines += got
    return lines, parts


def compare(name, got, want, parts):
    if not want:
        not_ok(name, "the one-process run gave nothing: the check would be empty")
        return
    if parts < 2:
        not_ok(name, "output came from %d partition(s), not several" % parts)
        return
    got, want = sorted(got), sorted(want)
    if got == want:
        ok("%s: %d lines from %d partitions equal one process" %
           (name, len(got), parts))
        return
    import difflib
    not_ok(name, "\n".join(difflib.unified_diff(want, got, "one process",
                                                 "spark", lineterm="", n=0)))


def main():
    blocks = readme_blocks("Spark")
    if len(blocks) < 2:
        not_ok("README.md has the Spark recipes",
               "found %d ```python blocks under ### Spark" % len(blocks))
        return
    tmp = tempfile.mkdtemp(prefix="zhpipe-spark.")
    try:
        run(blocks, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(blocks, tmp):
    corpus = os.path.join(tmp, "dumps")
    subprocess.run([sys.executable, os.path.join(here, "corpus.py"), "--copies",
                    corpus], check=True)
    os.makedirs(os.path.join(tmp, "work"))
    # the workers run this python, whichever python3 is first on PATH
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import SparkConf, SparkContext
    conf = (SparkConf().setMaster("local[2]").setAppName("zhpipe-readme")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        ns = {"sc": sc, "bin_dir": BIN, "dumps": corpus,
              "out": os.path.join(tmp, "out"), "work": os.path.join(tmp, "work")}
        for i, code in enumerate(blocks, 1):
            try:
                exec(compile(code, "README.md ### Spark block %d" % i, "exec"), ns)
            except Exception as e:	# report, then check what was saved
                not_ok("README.md ### Spark block %d runs" % i,
                       "%s: %s" % (type(e).__name__, str(e)[:2000]))
                return
        ok("README.md ### Spark: %d blocks ran on %s over %d partitions" %
           (len(blocks), sc.master, sc.textFile(corpus).getNumPartitions()))
    finally:
        sc.stop()
    out = os.path.join(tmp, "out")
    for name, command in (
            ("places", "segment --format jsonl | tag-region"),
            ("numbers", "segment --format jsonl | extract-num"),
            ("labelled", "segment --format jsonl | dedupe-boilerplate --mark"),
            ("deduped", "segment --format jsonl | dedupe-boilerplate --mark")):
        want = one_process(corpus, command)
        got, parts = saved(os.path.join(out, name))
        if name == "labelled":
            kinds = {l.split("\t")[4].split("=")[0] for l in want}
            for k in ("body", "boiler:df", "boiler:rule"):
                if k not in kinds:
                    not_ok(name, "no %s label in the one-process run: the "
                           "corpus does not test the counts" % k)
            copies = {l.split("\t")[0] for l in want
                      if l.split("\t")[4].startswith("dup:")}
            want = [l for l in want if l.split("\t")[0] not in copies]
            got = [l for l in got if l.split("\t")[0] not in copies]
        if name == "deduped":
            planted(want)
        compare(name, got, want, parts)


def planted(want):
    """The one-process labels of the planted articles are the planted
    ones: else the near-duplicate check would test nothing."""
    label = {}
    for l in want:
        f = l.split("\t")
        label.setdefault(f[0], set()).add(f[4])
    expect = {"copy-of-a10": "dup:a10", "chain-b": "dup:chain-a",
              "chain-a": None, "chain-c": None, "figures-1": None,
              "figures-2": None}
    wrong = []
    for doc, dup in sorted(expect.items()):
        got = label.get(doc, set())
        dups = {x for x in got if x.startswith("dup:")}
        if (dup is None and (dups or "body" not in got)) or \
                (dup is not None and got != {dup}):
            wrong.append("%s: %s, expected %s" % (doc, sorted(got),
                                                  dup or "body, no dup"))
    if wrong:
        not_ok("planted near duplicates", "\n".join(wrong))
    else:
        ok("planted near duplicates: the copy and B of A~B~C found, "
           "C and other figures kept")


if __name__ == "__main__":
    main()
    sys.exit(1 if failed else 0)
