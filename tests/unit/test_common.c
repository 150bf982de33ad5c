/* test_common.c - unit tests of the common/ library; prints "ok N - name"
 * or "not ok N - name" per check (read by tests/run.sh) */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <zlib.h>
#include <sqlite3.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "article.h"
#include "boiler.h"
#include "boilerclass.h"
#include "boilerrun.h"
#include "counts.h"
#include "buf.h"
#include "diag.h"
#include "docid.h"
#include "docsig.h"
#include "fields.h"
#include "gazetteer.h"
#include "hash.h"
#include "input.h"
#include "jsonl.h"
#include "lineshape.h"
#include "minhash.h"
#include "neardup.h"
#include "numerals.h"
#include "numex.h"
#include "numunit.h"
#include "opts.h"
#include "orghead.h"
#include "output.h"
#include "parmap.h"
#include "placetag.h"
#include "prebuilt.h"
#include "punct.h"
#include "regex.h"
#include "rows.h"
#include "sentence.h"
#include "simplify.h"
#include "splitter.h"
#include "spool.h"
#include "statedb.h"
#include "textnorm.h"
#include "trie.h"
#include "utf8.h"
#include "warc.h"
#include "words.h"

static int ntest, nfail;

#define CHECK(name, cond) check((cond), (name), __LINE__)

static void
check(int cond, const char *name, int line)
{
	ntest++;
	if (cond)
		printf("ok %d - %s\n", ntest, name);
	else {
		nfail++;
		printf("not ok %d - %s (line %d)\n", ntest, name, line);
	}
}

static void
test_utf8(void)
{
	struct buf b = { 0 };
	size_t bad;

	CHECK("utf8_clean ascii", utf8_clean("abc", 3));
	CHECK("utf8_clean cjk", utf8_clean("\xe4\xb8\xad\xe6\x96\x87", 6));
	CHECK("utf8_clean 4-byte", utf8_clean("\xf0\x9f\x98\x80", 4));
	CHECK("utf8_clean rejects 0xFF", !utf8_clean("a\xff", 2));
	CHECK("utf8_clean rejects NUL", !utf8_clean("a\0b", 3));
	CHECK("utf8_clean rejects overlong", !utf8_clean("\xc0\xaf", 2));
	CHECK("utf8_clean rejects surrogate", !utf8_clean("\xed\xa0\x80", 3));
	CHECK("utf8_clean rejects truncated", !utf8_clean("\xe4\xb8", 2));
	/* past the first eight bytes, where runs are checked a word at a time */
	CHECK("utf8_clean long ASCII", utf8_clean("abcdefghijklmnopq", 17));
	CHECK("utf8_clean rejects NUL in a long ASCII run",
	    !utf8_clean("abcdefghij\0klmnopq", 18));
	CHECK("utf8_clean rejects 0x80 in a long ASCII run",
	    !utf8_clean("abcdefghij\x80klmnopq", 18));
	CHECK("utf8_clean long CJK", utf8_clean("\xe4\xb8\xad\xe6\x96\x87"
	    "\xe4\xb8\xad\xe6\x96\x87\xef\xbc\x8c", 15));
	CHECK("utf8_clean rejects a surrogate after CJK",
	    !utf8_clean("\xe4\xb8\xad\xe6\x96\x87\xed\xa0\x80", 9));
	CHECK("utf8_clean rejects an overlong E0 after CJK",
	    !utf8_clean("\xe4\xb8\xad\xe6\x96\x87\xe0\x80\xaf", 9));
	CHECK("utf8_clean rejects a bad continuation after CJK",
	    !utf8_clean("\xe4\xb8\xad\xe6\x96\x87\xe4\xb8" "a", 9));
	CHECK("utf8_clean rejects CJK cut at the end",
	    !utf8_clean("\xe4\xb8\xad\xe6\x96\x87\xe4\xb8", 8));
	CHECK("utf8_clean U+D7FF and U+E000",
	    utf8_clean("\xed\x9f\xbf\xee\x80\x80" "abcdefgh", 14));

	bad = utf8_repair("a\xff" "b", 3, &b);
	CHECK("utf8_repair one byte", bad == 1 && b.len == 5 &&
	    memcmp(b.p, "a\xef\xbf\xbd" "b", 5) == 0);
	b.len = 0;
	bad = utf8_repair("x\xe4\xb8", 3, &b);
	CHECK("utf8_repair truncated sequence is one U+FFFD", bad == 1 &&
	    b.len == 4 && memcmp(b.p, "x\xef\xbf\xbd", 4) == 0);
	b.len = 0;
	bad = utf8_repair("\xed\xa0\x80", 3, &b);
	CHECK("utf8_repair surrogate, maximal subparts", bad == 3 && b.len == 9);
	b.len = 0;
	bad = utf8_repair("a\0b", 3, &b);
	CHECK("utf8_repair NUL", bad == 1 &&
	    memcmp(b.p, "a\xef\xbf\xbd" "b", 5) == 0);
	b.len = 0;
	bad = utf8_repair("\xe4\xb8\xad", 3, &b);
	CHECK("utf8_repair leaves good text", bad == 0 && b.len == 3);
	buf_free(&b);

	CHECK("utf8_count", utf8_count("a\xe4\xb8\xad" "b", 5) == 3);
	CHECK("utf8_count long", utf8_count("abc\xe4\xb8\xad\xe6\x96\x87"
	    "\xf0\x9f\x98\x80\xc2\xa0xyz", 18) == 10);
	CHECK("uc_is_space U+2028 U+200B U+FEFF U+1680", uc_is_space(0x2028) &&
	    uc_is_space(0x200B) && uc_is_space(0xFEFF) && uc_is_space(0x1680));
	CHECK("uc_is_space not U+3001 nor U+00B7", !uc_is_space(0x3001) &&
	    !uc_is_space(0xB7));
	CHECK("uc_is_space U+3000", uc_is_space(0x3000));
	CHECK("uc_is_space NBSP", uc_is_space(0xA0));
	CHECK("uc_is_space not Han", !uc_is_space(0x4E2D));
	CHECK("uc_is_han", uc_is_han(0x4E2D) && uc_is_han(0x3007) &&
	    !uc_is_han(0x3002));
}

static void
test_fold(void)
{
	struct buf b = { 0 };
	const char *in = "  a \xc2\xa0 b\t\xe3\x80\x80";

	const char *t;
	size_t n;

	t = ws_fold(in, strlen(in), &b, &n);
	CHECK("ws_fold trims and folds", n == 3 && memcmp(t, "a b", 3) == 0);
	t = ws_fold("", 0, &b, &n);
	CHECK("ws_fold empty", n == 0 && t != NULL);
	in = "a b \xe4\xb8\x80";
	t = ws_fold(in, strlen(in), &b, &n);
	CHECK("ws_fold: nothing to fold, no copy", t == in && n == strlen(in));
	in = "a  b";
	t = ws_fold(in, strlen(in), &b, &n);
	CHECK("ws_fold: two spaces", n == 3 && memcmp(t, "a b", 3) == 0);
	in = "a b\tc ";
	t = ws_fold(in, strlen(in), &b, &n);
	CHECK("ws_fold: a change after kept spaces",
	    n == 5 && memcmp(t, "a b c", 5) == 0);
	in = " a";
	t = ws_fold(in, strlen(in), &b, &n);
	CHECK("ws_fold: a space first", n == 1 && *t == 'a');
	buf_free(&b);
}

static void
test_fields(void)
{
	struct fields f = { 0 };

	fields_split(&f, "a\tb\t\tc", 6);
	CHECK("fields_split count", f.n == 4);
	CHECK("fields_split empty field", f.b[2] == f.e[2]);
	CHECK("fields_text last", fields_text(&f, 0) == 3);
	CHECK("fields_text -f 2", fields_text(&f, 2) == 1);
	CHECK("fields_text beyond", fields_text(&f, 5) == -1);
	fields_split(&f, "", 0);
	CHECK("fields_split empty record", f.n == 1);
	fields_free(&f);
	/* the keys as one field: the same text field as fields_split's
	 * last, on a fresh struct and on one that held more fields */
	fields_split_last(&f, "a\tb\t\tc", 6);
	CHECK("fields_split_last keys and text", f.n == 2 && f.b[0] == 0 &&
	    f.e[0] == 4 && f.b[1] == 5 && f.e[1] == 6);
	fields_split(&f, "a\tb\tc\td\te\tf\tg\th\ti\tj\tk\tl\tm\tn\to\tp\tq",
	    33);
	fields_split_last(&f, "k\t", 2);
	CHECK("fields_split_last empty text", f.n == 2 && f.e[0] == 1 &&
	    f.b[1] == 2 && f.e[1] == 2);
	fields_split_last(&f, "text", 4);
	CHECK("fields_split_last no TAB", f.n == 1 && f.b[0] == 0 &&
	    f.e[0] == 4 && fields_text(&f, 0) == 0);
	fields_free(&f);
}

static char *
tmpfile_with(const char *data, size_t n, int gz)
{
	static char path[64];
	int fd;

	strcpy(path, "/tmp/zhpipe-unit.XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	if (gz) {
		gzFile g = gzdopen(fd, "wb");

		gzwrite(g, data, (unsigned)n);
		gzclose(g);
	} else {
		if (write(fd, data, n) != (ssize_t)n)
			return NULL;
		close(fd);
	}
	return path;
}

struct seen_articles {
	char got[512];
	size_t len;
};

/* Each article as "key|part|cut|text,text;" */
static void
on_article_seen(void *arg, const struct article *a)
{
	struct seen_articles *sa = arg;
	size_t i, n;
	const char *t;

	sa->len += (size_t)snprintf(sa->got + sa->len, sizeof sa->got - sa->len,
	    "%.*s|%u|%d|", (int)a->key.len, a->key.p, a->part, a->cut);
	for (i = 0; i < a->n && sa->len < sizeof sa->got - 64; i++) {
		t = art_text(a, i, &n);
		sa->len += (size_t)snprintf(sa->got + sa->len, sizeof sa->got -
		    sa->len, "%s%.*s", i ? "," : "", (int)n, t);
	}
	if (sa->len < sizeof sa->got - 2)
		sa->got[sa->len++] = ';';
	sa->got[sa->len] = '\0';
}

static const char *
group(const char *data, unsigned field, unsigned keys)
{
	static struct seen_articles sa;
	char *p = tmpfile_with(data, strlen(data), 0);
	char *files[2] = { p, NULL };

	memset(&sa, 0, sizeof sa);
	if (p == NULL)
		return "";
	articles_each(files, 0, field, 0, keys, NULL, on_article_seen, &sa);
	unlink(p);
	return sa.got;
}

static void
on_keys_seen(void *arg, const struct article *a)
{
	struct buf *b = arg;
	size_t i;

	for (i = 0; i < a->n; i++) {
		art_keys(a, i, b);
		buf_addc(b, '|');
	}
}

static void
test_article(void)
{
	struct buf b = { 0 };
	char *p, *files[2];

	CHECK("article: consecutive records of a key", strcmp(group(
	    "a\t1\tx\na\t2\ty\nb\t1\tz\na\t3\tw\n", 0, 1),
	    "a|0|0|x,y;b|0|0|z;a|0|0|w;") == 0);
	CHECK("article: -k 2", strcmp(group(
	    "a\t1\tx\na\t1\ty\na\t2\tz\n", 0, 2),
	    "a\t1|0|0|x,y;a\t2|0|0|z;") == 0);
	CHECK("article: the text field is not a key (-f 1)", strcmp(group(
	    "x\ta\ny\ta\nz\tb\n", 1, 1), "a|0|0|x,y;b|0|0|z;") == 0);
	CHECK("article: a record without keys is its own article", strcmp(
	    group("x\nx\n", 0, 1), "|0|0|x;|0|0|x;") == 0);
	CHECK("article: fewer key fields than -k", strcmp(group(
	    "a\tx\na\ty\n", 0, 3), "a|0|0|x,y;") == 0 && exit_status == 0);
	art_max_bytes = 2 * ART_REC_COST + 10;
	CHECK("article: cut at the bound, in parts", strcmp(group(
	    "a\tx\na\ty\na\tz\nb\tw\n", 0, 1),
	    "a|0|1|x,y;a|1|0|z;b|0|0|w;") == 0);
	art_max_bytes = ART_MAX_BYTES;

	p = tmpfile_with("k1\tu\tone\nk1\tu\ttwo\n", 18, 0);
	files[0] = p;
	files[1] = NULL;
	articles_each(files, 0, 2, 0, 1, NULL, on_keys_seen, &b);
	CHECK("article: keys around a text field in the middle", b.len ==
	    16 && memcmp(b.p, "k1\tone\t|k1\ttwo\t|", 16) == 0);
	unlink(p);
	buf_free(&b);
}

static void
test_counts(void)
{
	struct counts *c = counts_new();
	struct rows r;
	struct count_kv *v;
	size_t n, i;
	int ok = 1;

	counts_prefetch(c, 7);	/* no table yet: nothing to ask */
	counts_load(c, 7, 2);
	counts_add(c, 7, 1);
	counts_add(c, 3, 1);
	counts_load(c, 5, 4);
	counts_prefetch(c, 9);
	counts_prefetch(c, 0);
	CHECK("counts: add and load", counts_get(c, 7) == 3 &&
	    counts_get(c, 3) == 1 && counts_get(c, 5) == 4 &&
	    counts_get(c, 9) == 0 && counts_size(c) == 3);
	v = counts_changed(c, &n);
	CHECK("counts: changed since loaded, in key order", n == 2 &&
	    v[0].key == 3 && v[0].docs == 1 && v[1].key == 7 && v[1].docs == 3);
	free(v);
	counts_add(c, 11, 2);
	counts_load(c, 11, 5);
	counts_touch(c, 13);
	v = counts_changed(c, &n);
	CHECK("counts: loaded after this run's counts, still a change",
	    counts_get(c, 11) == 7 && n == 3 && v[2].key == 11 &&
	    v[2].docs == 7);
	free(v);
	CHECK("counts: load where there is a slot only",
	    counts_load_present(c, 13, 0) == 1 &&
	    counts_load_present(c, 17, 4) == 0 && !counts_has(c, 17));
	CHECK("counts: a touched key has a slot of 0, no change",
	    counts_has(c, 13) && counts_get(c, 13) == 0 && !counts_has(c, 17));
	v = counts_all(c, &n);
	CHECK("counts: all keys, in key order", n == 5 && v[0].key == 3 &&
	    v[4].key == 13);
	free(v);
	counts_load(c, 5, COUNTS_MAX - 1);
	CHECK("counts: stop at the maximum", counts_get(c, 5) == COUNTS_MAX &&
	    counts_add(c, 5, 1) == COUNTS_MAX);
	for (i = 1; i <= 100000; i++)
		counts_add(c, i * 0x10001, 1);
	for (i = 1; i <= 100000; i++)
		ok &= counts_get(c, i * 0x10001) == 1 + (i * 0x10001 == 7);
	CHECK("counts: growing keeps every count", ok);
	/* keys that differ in their low bytes only, and in their top byte
	 * only: every byte's pass, and the passes left out */
	for (i = 1; i <= 200; i++)
		counts_add(c, (uint64_t)i << 56 | 0x10001, 1);
	v = counts_all(c, &n);
	for (ok = n == 100000 + 5 + 200, i = 1; i < n; i++)
		ok &= v[i - 1].key < v[i].key;
	CHECK("counts: all keys in key order, over every byte", ok &&
	    v[n - 1].key == ((uint64_t)200 << 56 | 0x10001) &&
	    v[0].key == 3);
	free(v);
	counts_free(c);

	/* keys counted in every table before any is loaded, then loads */
	c = counts_new();
	for (i = 1; i <= 50000; i++)
		counts_add(c, i * 0x9E3779B1ULL, 1);
	for (i = 1; i <= 50000; i += 2)
		counts_load(c, i * 0x9E3779B1ULL, 2);
	for (i = 50001; i <= 60000; i++)
		counts_load(c, i * 0x9E3779B1ULL, 1);
	for (ok = 1, i = 1; i <= 60000; i++)
		ok &= counts_get(c, i * 0x9E3779B1ULL) == (i > 50000 ? 1 :
		    i & 1 ? 3 : 1) && counts_loaded(c, i * 0x9E3779B1ULL) ==
		    (i > 50000 ? 1 : i & 1 ? 2 : 0);
	for (i = 1; i <= 60000; i += 4)	/* loads of present keys */
		ok &= counts_load_present(c, i * 0x9E3779B1ULL, 0) == 1;
	ok &= counts_load_present(c, 60001 * 0x9E3779B1ULL, 1) == 0;
	v = counts_changed(c, &n);
	for (i = 1; i < n; i++)
		ok &= v[i - 1].key < v[i].key;
	CHECK("counts: loads after counts, over every table", ok &&
	    counts_size(c) == 60000 && n == 50000);
	free(v);
	counts_clear(c);
	ok = counts_size(c) == 0 && !counts_has(c, 0x9E3779B1ULL) &&
	    counts_get(c, 0x9E3779B1ULL) == 0;
	for (i = 1; i <= 1000; i++)
		counts_add(c, i * 0x9E3779B1ULL, 1);
	v = counts_changed(c, &n);
	CHECK("counts_clear: nothing left, and counted again from nothing",
	    ok && counts_size(c) == 1000 && n == 1000 &&
	    counts_loaded(c, 0x9E3779B1ULL) == 0 &&
	    counts_get(c, 2 * 0x9E3779B1ULL) == 1);
	free(v);
	counts_free(c);

	c = counts_new();
	rows_buf(&r, "t", "# c\n00ab\t2\nAB\t4294967295\n", 25, 0);
	CHECK("counts_read: rows add up, to the maximum", counts_read(c, &r) ==
	    0 && counts_get(c, 0xab) == COUNTS_MAX);
	rows_close(&r);
	rows_buf(&r, "t", "ab\t1\nab\t-1\nab\t1\n", 17, 0);
	CHECK("counts_read: a bad row stops the reading", counts_read(c, &r) <
	    0 && r.lineno == 2);
	rows_close(&r);
	exit_status = 0;
	counts_free(c);
}

static void
test_spool(void)
{
	char dir[] = "/tmp/zhpipe-unit-spool.XXXXXX";
	struct buf long_dir = { 0 }, big = { 0 };
	const char *old = getenv("TMPDIR");
	char *saved = old ? xstrdup(old) : NULL;
	struct spool *sp;
	char small[8];
	size_t i;
	int ok;

	if (mkdtemp(dir) == NULL)
		return;
	buf_add(&long_dir, dir, strlen(dir));
	buf_addc(&long_dir, '/');
	for (i = 0; i < 200; i++)
		buf_addc(&long_dir, 'd');
	setenv("TMPDIR", buf_cstr(&long_dir), 1);
	CHECK("spool: a missing $TMPDIR is an error",
	    spool_new() == NULL && errno == ENOENT);
	mkdir(long_dir.p, 0700);
	sp = spool_new();
	CHECK("spool: in a $TMPDIR of 200 characters", sp != NULL &&
	    strcmp(spool_dir(), long_dir.p) == 0);
	for (i = 0; i < 300000; i++)
		buf_addc(&big, (char)('a' + i % 26));
	ok = sp && spool_write(sp, "head", 4) == 0 &&
	    spool_write(sp, big.p, big.len) == 0 &&
	    spool_write(sp, "tail", 4) == 0 && spool_rewind(sp) == 0;
	if (ok) {
		struct buf back = { 0 };

		buf_reserve(&back, big.len + 1);
		ok = spool_read(sp, small, 4) == 1 && memcmp(small, "head", 4) == 0 &&
		    spool_read(sp, back.p, big.len) == 1 &&
		    memcmp(back.p, big.p, big.len) == 0 &&
		    spool_read(sp, small, 3) == 1 && spool_read(sp, small, 2) < 0;
		buf_free(&back);
	}
	CHECK("spool: written and read back, a block over the buffer", ok);
	CHECK("spool: names", sp && spool_name(sp, "a") == 0 &&
	    spool_name(sp, "b") == 1 && spool_name(sp, "a") == 0 &&
	    strcmp(spool_name_at(sp, 1), "b") == 0);
	spool_free(sp);
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	rmdir(long_dir.p);
	rmdir(dir);
	buf_free(&long_dir);
	buf_free(&big);
}

static void
on_article_spool(void *arg, const struct article *a)
{
	if (art_spool(a, arg) < 0)
		abort();
}

static void
test_art_spool(void)
{
	static const char in[] = "a\tu\tone\na\tu\ttwo\nb\tv\tthree\n";
	char *p = tmpfile_with(in, sizeof in - 1, 0), *files[2] = { p, NULL };
	struct spool *sp = spool_new();
	struct article a;
	struct buf got = { 0 };
	size_t i, n;
	const char *t;

	memset(&a, 0, sizeof a);
	if (p == NULL || sp == NULL)
		return;
	articles_each(files, 0, 0, 0, 1, NULL, on_article_spool, sp);
	unlink(p);
	spool_rewind(sp);
	while (art_unspool(&a, sp) > 0) {
		buf_add(&got, a.key.p, a.key.len);
		for (i = 0; i < a.n; i++) {
			t = art_text(&a, i, &n);
			buf_addc(&got, i ? ',' : ':');
			buf_add(&got, t, n);
			buf_addc(&got, a.r[i].lineno == i + 1 + (a.key.p[0] == 'b' ?
			    2 : 0) && strcmp(a.r[i].file, p) == 0 ? '+' : '?');
		}
		buf_addc(&got, ';');
	}
	CHECK("art_spool: articles back from a spool", got.len > 0 &&
	    strcmp(buf_cstr(&got), "a:one+,two+;b:three+;") == 0);
	art_release(&a);
	spool_free(sp);
	buf_free(&got);
}

/* The folded form of a line (norm_folded) against the rule written out
 * character by character: the line in NFKC and read as Simplified,
 * digits of any script to 0, ASCII letters lowered, other letters and
 * Han kept, the rest dropped. Lines of characters from many blocks. */
/* Lines of characters drawn from nr ranges from[k]..from[k] + span[k]
 * - 1: the number whose folded form differs from the rule's; counted
 * too, the digits above ASCII, and the lines NFKC or the simplification
 * change (in seen[0], seen[1]), and those folded in one pass (seen[2]). */
static size_t
norm_fold_bad(const uint32_t *from, const uint32_t *span, size_t nr,
    size_t lines, size_t *digits, size_t seen[3])
{
	struct normaliser *nm = norm_new();
	struct textnorm *tn = tn_new(TN_NFKC);
	struct simplify *sp = simp_new();
	struct buf line = { 0 }, nf = { 0 }, want = { 0 };
	unsigned long seed = 7;
	const char *f;
	size_t fl, k, bad = 0;

	for (k = 0; k < lines; k++) {
		size_t m = 1 + k % 23, j, i, tl;
		const char *t;
		uint64_t h, h0 = 0;
		int pass;

		line.len = 0;
		for (j = 0; j < m; j++) {
			unsigned long r;
			uint32_t c;

			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			r = seed >> 20;
			c = from[r % nr] + (uint32_t)((r >> 8) % span[r % nr]);
			utf8_put(&line, c);
		}
		tn_apply(tn, line.p, line.len, &nf);
		t = simp_line(sp, nf.p ? nf.p : "", nf.len, &tl);
		seen[0] += nf.len != line.len || memcmp(nf.p, line.p, nf.len);
		seen[1] += simp_changed(sp);
		want.len = 0;
		for (i = 0; i < tl; ) {
			size_t at = i;
			uint32_t c = utf8_next(t, tl, &i);

			if (c < 0x80) {
				if (c >= '0' && c <= '9')
					buf_addc(&want, '0');
				else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
					buf_addc(&want, (char)(c | 0x20));
			} else if (u_isdigit((UChar32)c))
				buf_addc(&want, '0'), ++*digits;
			else if (uc_is_han(c) || u_isalpha((UChar32)c))
				buf_add(&want, t + at, i - at);
		}
		/* twice: the second time a short line that NFKC or the
		 * simplification change is folded from the memo */
		for (pass = 0; pass < 2; pass++) {
			h = norm_hash(nm, line.p, line.len);
			f = norm_folded(nm, &fl);
			if (fl != want.len || (fl && memcmp(f, want.p, fl) != 0) ||
			    (h == 0) != (fl == 0) || (pass && h != h0))
				bad++;
			/* a line folded in one pass has nothing to convert */
			if (norm_plain(nm) && simp_needed(line.p, line.len))
				bad++;
			seen[2] += pass == 0 && norm_plain(nm);
			h0 = h;
		}
	}
	buf_free(&line);
	buf_free(&nf);
	buf_free(&want);
	simp_free(sp);
	tn_free(tn);
	norm_free(nm);
	return bad;
}

static void
test_norm_fold(void)
{
	static const uint32_t from[] = { 0x20, 0x80, 0x370, 0x400, 0x660,
	    0x966, 0x2000, 0x3000, 0x3400, 0x4E00, 0xAC00, 0xF900, 0xFF00,
	    0x1D400, 0x1F300, 0x20000, 0x2F800, 0xE0000, 0x4D80 };
	static const uint32_t span[] = { 0x60, 0x180, 0x90, 0x100, 0x20, 0x20,
	    0x100, 0x100, 0x100, 0x5200, 0x100, 0x200, 0xF0, 0x400, 0x100,
	    0x1000, 0x220, 0x80, 0x100 };
	/* lines mostly of ASCII, Han (Traditional among them), Latin-1,
	 * CJK and full-width punctuation, enclosed numbers and squared
	 * words, rarely a combining mark: the most take norm_hash's one
	 * pass, for characters NFKC keeps or maps alone (to ASCII or
	 * not), and some leave it at a character simplify converts */
	static const uint32_t from2[] = { 0x20, 0x4E00, 0x4E00, 0x4E00, 0x3000,
	    0xFF00, 0xFF00, 0xA0, 0x2000, 0x2460, 0x3200, 0x20, 0x300 };
	static const uint32_t span2[] = { 0x60, 0x5200, 0x5200, 0x5200, 0x40,
	    0xF0, 0x60, 0x60, 0x70, 0xA0, 0x200, 0x60, 0x70 };
	struct normaliser *nm = norm_new();
	size_t digits = 0, seen[3] = { 0, 0, 0 }, seen2[3] = { 0, 0, 0 }, bad;
	const char *f;
	size_t fl;

	bad = norm_fold_bad(from, span, 19, 6000, &digits, seen);
	CHECK("norm_hash: the folded form of lines of many scripts as ICU "
	    "classes each character", bad == 0 && digits > 100);
	bad = norm_fold_bad(from2, span2, 12, 6000, &digits, seen2);
	CHECK("norm_hash: the folded form of lines of Han, ASCII and "
	    "punctuation as ICU classes each character", bad == 0 &&
	    seen2[0] > 1000 && seen2[0] < 5900 && seen2[1] > 100 &&
	    seen2[2] > 1000);
	bad = norm_fold_bad(from2, span2, 13, 6000, &digits, seen);
	CHECK("norm_hash: the same with combining marks", bad == 0);
	norm_hash(nm, "Ａ１２b中文，٣x", strlen("Ａ１２b中文，٣x"));
	f = norm_folded(nm, &fl);
	CHECK("norm_hash: full-width and Arabic-Indic digits fold to 0",
	    fl == strlen("a00b中文0x") && memcmp(f, "a00b中文0x", fl) == 0);
	norm_hash(nm, "發展①，ＡＢ·㎞", strlen("發展①，ＡＢ·㎞"));
	f = norm_folded(nm, &fl);
	CHECK("norm_hash: Traditional read as Simplified, circled digit, "
	    "full-width letters and a squared unit folded",
	    fl == strlen("发展0abkm") && memcmp(f, "发展0abkm", fl) == 0);
	norm_hash(nm, "中文１", strlen("中文１"));
	f = norm_folded(nm, &fl);
	CHECK("norm_hash: a full-width digit last folds to 0",
	    fl == strlen("中文0") && memcmp(f, "中文0", fl) == 0);
	/* more lines of Traditional characters than the memo holds, each
	 * twice in a row (the second from the memo), then all again */
	{
		enum { NL = 10000 };
		uint64_t *hk = xcalloc(NL, sizeof *hk);
		char line[64], want[64];
		int round, rep, k, ok = 1;

		for (round = 0; round < 2; round++)
			for (k = 0; k < NL; k++)
				for (rep = 0; rep < 2; rep++) {
					int d = snprintf(line, sizeof line,
					    "第%d個說明", k) - (int)strlen("第個說明");
					uint64_t h = norm_hash(nm, line,
					    strlen(line));

					snprintf(want, sizeof want, "第%.*s个说明",
					    d, "000000");
					f = norm_folded(nm, &fl);
					ok &= fl == strlen(want) &&
					    memcmp(f, want, fl) == 0 && h != 0 &&
					    (round + rep == 0 || h == hk[k]);
					hk[k] = h;
				}
		CHECK("norm_hash: Traditional lines again and again, past "
		    "what the memo holds", ok);
		free(hk);
	}
	norm_free(nm);
}

/* Label the texts of one article of a site (NULL-terminated) as
 * bc_classify does: "b" body, "r" rule, "d" df, "t" tail, "h" head,
 * "p" repeat, "s" shape. */
static const char *
labels_of(struct rules *r, const struct counts *c, uint64_t site,
    const char *const *texts)
{
	static char got[64];
	struct normaliser *nm = norm_new();
	struct article a;
	uint64_t keys[32];
	struct bc_verdict out[32];
	struct bc_config cfg = { .rules = r, .counts = c, .min_docs = 3 };
	size_t i, n;

	memset(&a, 0, sizeof a);
	a.r = xcalloc(32, sizeof *a.r);
	for (n = 0; texts[n] && n < 32; n++) {
		size_t len = strlen(texts[n]);
		uint64_t h = norm_hash(nm, texts[n], len);

		a.r[n].off = a.data.len;
		a.r[n].toff = a.data.len + 2;
		a.r[n].tlen = len;
		a.r[n].len = len + 2;
		buf_add(&a.data, "k\t", 2);
		buf_add(&a.data, texts[n], len);
		keys[n] = h ? line_key(site, h) : 0;
	}
	a.n = n;
	bc_classify(&cfg, &a, keys, NULL, out);
	for (i = 0; i < n; i++)
		got[i] = "brdthpsx"[out[i].label];
	got[n] = '\0';
	art_release(&a);
	norm_free(nm);
	return got;
}

static int
cmp_u64_test(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* bc_distinct_keys on many keys: spread like hashes, and crowded into a
 * few leading bits (where the buckets overflow into qsort); each key's
 * form key is that of its first record. */
static void
test_distinct_keys_many(void)
{
	enum { N = 3000 };
	uint64_t *keys = xmalloc(N * sizeof *keys), *gkeys = xmalloc(N * sizeof *gkeys);
	uint64_t *out = xmalloc(N * sizeof *out), *gout = xmalloc(N * sizeof *gout);
	uint64_t *want = xmalloc(N * sizeof *want), x = 88172645463325252ULL;
	int round;

	for (round = 0; round < 3; round++) {
		size_t i, j, k, m = 0, nw = 0;
		int ok = 1;

		for (i = 0; i < N; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			/* about one key in four is an earlier one again */
			if (i > 0 && x % 4 == 0)
				keys[i] = keys[(x >> 8) % i];
			else if (round == 0)
				keys[i] = x;	/* spread */
			else if (round == 1)
				keys[i] = x >> 58;	/* 64 values, all in bucket 0 */
			else
				/* 200 leading values: some 15 a bucket */
				keys[i] = (x % 200) << 54 | (x >> 40 & 0xFF);
			if (x % 97 == 0)
				keys[i] = 0;	/* no key */
			gkeys[i] = i + 1;
		}
		for (i = 0; i < N; i++)
			if (keys[i])
				want[nw++] = keys[i];
		qsort(want, nw, sizeof *want, cmp_u64_test);
		for (i = 0, k = 0; i < nw; i++)
			if (k == 0 || want[i] != want[k - 1])
				want[k++] = want[i];
		m = bc_distinct_keys(keys, gkeys, N, out, gout);
		ok = m == k && memcmp(out, want, k * sizeof *out) == 0;
		for (i = 0; ok && i < m; i++) {
			for (j = 0; keys[j] != out[i]; j++)
				;
			ok = gout[i] == gkeys[j];
		}
		CHECK(round == 0 ? "bc_distinct_keys: hash-like keys sorted, the first's form" :
		    round == 1 ? "bc_distinct_keys: keys in one bucket sorted" :
		    "bc_distinct_keys: keys crowded in a few buckets sorted", ok);
	}
	free(keys);
	free(gkeys);
	free(out);
	free(gout);
	free(want);
}

static void
test_boilerclass(void)
{
	/* each rule of the decision, on one article of site a (or b) */
	static const struct {
		const char *name, *want;
		int on_b;
		const char *texts[5];
	} cases[] = {
		{ "tail block after the last sentence", "bbtt", 0, { "标题在这里",
		    "这是正文的第一句话。", "返回顶部", "更多新闻" } },
		{ "a long line reads as a sentence", "bb", 0, { "这是正文的第一句话。",
		    "没有句号但是很长的一行字写在这里超过四十个字的上限就算正文了吧再多写几个字凑够数量" } },
		{ "no sentence, no tail and no head", "bb", 0, { "标题一", "标题二" } },
		{ "opening label before the title", "hbb", 0, { "内容简介",
		    "一个比较长的标题写在这里", "第一句正文写在这里。" } },
		{ "an opening line as long as the longest stays", "bhb", 0, {
		    "节目官网", "短标题", "第一句正文写在这里。" } },
		{ "a repeated line, the later copy", "bbp", 0, { "同一句话写两遍。",
		    "别的话。", "同一句话写两遍。" } },
		{ "built-in rules", "rbt", 0, { "版权所有 某某网", "正文一句。",
		    "本站原创 未经许可" } },
		{ "counted in min-docs documents of the site", "db", 0, {
		    "导航栏目 首页", "正文一句。" } },
		{ "counts of another site do not count", "bb", 1, {
		    "导航栏目 首页", "正文一句。" } },
	};
	static const char *const ruled[] = { "版权所有 某某网", "正文一句。",
	    "本站原创 未经许可", NULL };
	static const char menu[] = "导航栏目 首页";
	struct rules r;
	struct counts *c = counts_new();
	struct normaliser *nm = norm_new();
	uint64_t site_a = 0x1234 | 1, site_b = 0x5678 | 1, keys[5], out[5];
	char *p, name[128];
	int gaveup;
	size_t k;

	memset(&r, 0, sizeof r);
	rules_load(&r, NULL);
	counts_add(c, line_key(site_a, norm_hash(nm, menu, strlen(menu))), 3);
	for (k = 0; k < sizeof cases / sizeof *cases; k++) {
		snprintf(name, sizeof name, "boilerclass: %s", cases[k].name);
		CHECK(name, strcmp(labels_of(&r, c, cases[k].on_b ? site_b :
		    site_a, cases[k].texts), cases[k].want) == 0);
	}
	p = tmpfile_with("mine\t未经许可\n", strlen("mine\t未经许可\n"), 0);
	if (p && rules_load(&r, p) == 0) {
		const char *name;

		labels_of(&r, c, site_a, ruled);
		name = rules_match(&r, ruled[2], strlen(ruled[2]), &gaveup);
		CHECK("boilerclass: a user rule names the record",
		    strcmp(labels_of(&r, c, site_a, ruled), "rbr") == 0 &&
		    name && strcmp(name, "mine") == 0);
	}
	if (p)
		unlink(p);
	CHECK("rules_load_buf: a bad row refused with -1",
	    rules_load_buf(&r, "t", "ok\ta\nbad\t(\n", 12) < 0);
	exit_status = 0;
	{
		/* two rules give up on one line: the first was in the
		 * alternation, the second (a back-reference) never was; the
		 * alternation is still made again without the first */
		static const char two[] = "slow\t^(a|aa)+$\n"
		    "slowref\t^(a)\\1?(a|aa)+$\n";
		struct rules q;
		char line[3002];

		memset(&q, 0, sizeof q);
		memset(line, 'a', 3000);
		line[3000] = '!';
		line[3001] = '\0';
		CHECK("rules: two rules that give up on one line",
		    rules_load_buf(&q, "t", two, strlen(two)) == 0 &&
		    rules_match(&q, "b", 1, &gaveup) == NULL &&
		    rules_match(&q, line, 3001, &gaveup) == NULL && gaveup &&
		    q.stale == 1);
		rules_free(&q);
		exit_status = 0;
	}
	keys[0] = 5;
	keys[1] = 0;
	keys[2] = 3;
	keys[3] = 5;
	keys[4] = 9;
	CHECK("boilerclass: distinct keys", bc_distinct_keys(keys, NULL, 5, out, NULL) == 3 &&
	    out[0] == 3 && out[1] == 5 && out[2] == 9);
	rules_free(&r);
	counts_free(c);
	norm_free(nm);
	test_distinct_keys_many();
}

/* The line model in the decision: records of a line take its label, a
 * paragraph's sentence records are one line, and the labels of the
 * earlier steps stay. */
static void
test_boilerclass_shape(void)
{
	static const char *const rec[][2] = {
		{ "d\t1\t1\t", "版权所有 某某网" },
		{ "d\t2\t1\t", "第一句话。" },
		{ "d\t2\t2\t", "第二句话。" },
		{ "d\t3\t1\t", "另一行" },
		{ "x\ty\t", "不同的键，也是一句话。" },
	};
	static const char all_boiler[] = "base\t3\n", all_body[] = "base\t-3\n";
	struct rules r;
	struct counts *c = counts_new();
	struct lineshape *ls = ls_new();
	struct ls_model mb, mo;
	struct ls_result res;
	struct bc_config cfg = { .counts = c, .min_docs = 3, .ls = ls };
	struct article a;
	struct bc_verdict out[5];
	uint64_t keys[5] = { 0 };
	char got[6];
	size_t i;

	memset(&r, 0, sizeof r);
	rules_load(&r, NULL);
	cfg.rules = &r;
	memset(&a, 0, sizeof a);
	a.r = xcalloc(5, sizeof *a.r);
	for (i = 0; i < 5; i++) {
		size_t kl = strlen(rec[i][0]), tl = strlen(rec[i][1]);

		a.r[i].off = a.data.len;
		a.r[i].toff = a.data.len + kl;
		a.r[i].tlen = tl;
		a.r[i].len = kl + tl;
		buf_add(&a.data, rec[i][0], kl);
		buf_add(&a.data, rec[i][1], tl);
	}
	a.n = 5;
	ls_model_load(&mb, "t", all_body, sizeof all_body - 1);
	ls_model_load(&mo, "t", all_boiler, sizeof all_boiler - 1);
	cfg.model = &mo;
	cfg.lines = &res;
	bc_classify(&cfg, &a, keys, NULL, out);
	for (i = 0; i < 5; i++)
		got[i] = "brdthpsx"[out[i].label];
	got[5] = '\0';
	CHECK("boilerclass: the line model labels what the rules leave",
	    strcmp(got, "rssss") == 0);
	CHECK("boilerclass: a paragraph's sentence records are one line",
	    res.nline == 4 && res.first[1] == 1 && res.first[2] == 3 &&
	    res.first[3] == 4 && res.first[4] == 5);
	cfg.model = &mb;
	bc_classify(&cfg, &a, keys, NULL, out);
	for (i = 0; i < 5; i++)
		got[i] = "brdthpsx"[out[i].label];
	CHECK("boilerclass: a line model that keeps all", strcmp(got, "rbbbb") == 0);
	cfg.model = NULL;
	bc_classify(&cfg, &a, keys, NULL, out);
	CHECK("boilerclass: features only, no labels of the model",
	    out[3].label == BC_BODY && res.nline == 4);
	/* the counts of the last line's form on other sites, and of the
	 * line on its site, the article's own count left out */
	{
		uint64_t gkeys[5] = { 0 };

		keys[4] = line_key(7, 99);
		gkeys[4] = form_key(99);
		counts_add(c, gkeys[4], 3);
		bc_classify(&cfg, &a, keys, gkeys, out);
		CHECK("boilerclass: a form seen on three other sites",
		    fabsf(res.feat[3 * LS_NFEAT + LS_x_sites] - (float)(log(4) / 4)) < 1e-5 &&
		    res.feat[3 * LS_NFEAT + LS_x_sdf] == 0 &&
		    res.feat[2 * LS_NFEAT + LS_x_sites] == 0);
		counts_add(c, keys[4], 2);	/* this site: the article and one more */
		cfg.self = 1;
		bc_classify(&cfg, &a, keys, gkeys, out);
		CHECK("boilerclass: the article's own site and count left out",
		    fabsf(res.feat[3 * LS_NFEAT + LS_x_sites] - (float)(log(3) / 4)) < 1e-5 &&
		    fabsf(res.feat[3 * LS_NFEAT + LS_x_sdf] - (float)(log(2) / 4)) < 1e-5);
		CHECK("boilerclass: form keys are not line keys",
		    form_key(99) != line_key(7, 99) && form_key(99) != 0);
		keys[4] = 0;
		cfg.self = 0;
	}
	ls_model_free(&mb);
	ls_model_free(&mo);
	ls_free(ls);
	art_release(&a);
	rules_free(&r);
	counts_free(c);
}

static void
on_article_ids(void *arg, const struct article *a)
{
	struct buf *b = arg;
	static struct docids *d;

	if (d == NULL)
		d = docids_new();
	if (a == NULL) {
		docids_free(d);
		d = NULL;
		return;
	}
	buf_addc(b, docids_key_again(d, a) ? 'A' : '-');
	buf_addc(b, docids_first(d, docid_of(a), DOC_COUNTED) ? 'F' : '-');
}

static void
test_docid(void)
{
	static const char in[] = "a\tx\nb\ty\na\tz\nb\ty\n";
	char *p = tmpfile_with(in, sizeof in - 1, 0), *files[2] = { p, NULL };
	struct buf b = { 0 };

	if (p == NULL)
		return;
	articles_each(files, 0, 0, 0, 1, NULL, on_article_ids, &b);
	on_article_ids(NULL, NULL);
	unlink(p);
	/* a, b, a again (new content), b again (the same document) */
	CHECK("docid: keys again, documents by key and content",
	    b.len == 8 && memcmp(b.p, "-F-FAFA-", 8) == 0);
	buf_free(&b);
}

/* mh_sign against the plain statement of it: each shingle of five code
 * points hashed in order, its bin's minimum kept, empty bins filled from
 * the next full one. */
static size_t
mh_sign_plain(const char *s, size_t n, struct minhash *out)
{
	uint32_t cp[256];
	size_t i = 0, m = 0, k, count = 0;
	int p;

	while (i < n && m < 256)
		cp[m++] = utf8_next(s, n, &i);
	for (p = 0; p < MH_PERM; p++)
		out->v[p] = UINT32_MAX;
	for (k = 0; k + MH_SHINGLE <= m; k++) {
		uint64_t h = 0x5348494E474C45ULL, z;
		size_t j;

		for (j = k; j < k + MH_SHINGLE; j++)
			h = (h ^ cp[j]) * 0x9E3779B97F4A7C15ULL;
		z = h;
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
		z ^= z >> 31;
		if ((uint32_t)(z >> 32) < out->v[z & (MH_PERM - 1)])
			out->v[z & (MH_PERM - 1)] = (uint32_t)(z >> 32);
		count++;
	}
	if (count == 0)
		return 0;
	for (p = 0; p < MH_PERM; p++) {
		int q = p, step = 0;
		uint64_t z;

		if (out->v[p] != UINT32_MAX)
			continue;
		while (out->v[q] == UINT32_MAX)
			q = (q + 1) % MH_PERM, step++;
		z = (uint64_t)step;
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
		z ^= z >> 31;
		out->v[p] = out->v[q] ^ (uint32_t)z;
	}
	return count;
}

static void
test_minhash(void)
{
	static const char *const texts[] = {
		"", "abcd", "abcde", "短短四字", "中文五个字", "a中b文c",
		"今年以来全县围绕特色产业发展目标新建种植基地，带动农户增收。",
		"mixed 文字 and 😀 symbols 1,286 and 3.8 here",
		"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
	};
	size_t k;
	int ok = 1;

	for (k = 0; k < sizeof texts / sizeof *texts; k++) {
		struct minhash a, b;
		size_t n = strlen(texts[k]), ca = mh_sign(texts[k], n, &a),
		    cb = mh_sign_plain(texts[k], n, &b);

		ok &= ca == cb && (ca == 0 || memcmp(&a, &b, sizeof a) == 0);
	}
	CHECK("mh_sign: the shingles hashed as five code points in order", ok);
}

/* The signature of a text, as one body record. */
static int
sign_text(const char *text, struct docsig *sig)
{
	struct ds_builder b = { 0 };
	int rc;

	ds_begin(&b);
	ds_add(&b, text, strlen(text));
	rc = ds_end(&b, sig);
	ds_builder_free(&b);
	return rc;
}

static void
test_docsig(void)
{
	static const char base[] = "今年以来全县围绕特色产业发展目标新建种植基地"
	    "带动农户增收合作社的负责人说这些年的变化大家都看得见今后还要在"
	    "种植和销售上下更大的功夫";
	struct docsig a, b, c;
	struct buf t = { 0 };
	unsigned char blob[DS_NUMS * 4 + 1];
	int i;

	{
		/* ds_add asks ICU about digits but for these: none is one */
		UChar32 c;
		int any = 0;

		for (c = 0x4E00; c < 0xA000; c++)
			any |= u_isdigit(c) != 0;
		CHECK("docsig: no CJK unified ideograph is a decimal digit", !any);
	}
	{
		/* the text kept (digits, numerals, Han and letters folded) and
		 * the numbers: Han runs copied whole around them */
		static const char in[] = "今天3.8万人,共1,286名ABC学生二十";
		static const char want[] = "今天38万人共1286名abc学生二十";
		struct ds_builder db = { 0 };

		ds_begin(&db);
		ds_add(&db, in, strlen(in));
		CHECK("docsig: the text and numbers ds_add keeps",
		    db.text.len == strlen(want) &&
		    memcmp(db.text.p, want, db.text.len) == 0 && db.ntoks == 3 &&
		    db.toks[0] == hash64("3.8万", strlen("3.8万"), 0x4E554D) &&
		    db.toks[1] == hash64("1286", 4, 0x4E554D) &&
		    db.toks[2] == hash64("二十", strlen("二十"), 0x4E554D));
		ds_builder_free(&db);
	}
	CHECK("docsig: a short body is not signed",
	    !sign_text("短短的一句话。", &a));
	/* DS_MIN_CHARS counted in code points, of four bytes each here
	 * (U+20000, a Han character of plane 2): 49 are too few */
	for (i = 0; i < DS_MIN_CHARS; i++)
		buf_add(&t, "\xF0\xA0\x80\x80", 4);
	i = sign_text(buf_cstr(&t), &a);
	t.len -= 4;
	CHECK("docsig: the shortest body signed, in characters of 4 bytes",
	    i && !sign_text(buf_cstr(&t), &b));
	t.len = 0;
	/* digits stay: the same template with other figures differs */
	sign_text("今年以来全县新建种植基地128个带动农户增收3.8亿元,"
	    "合作社的负责人说这些年的变化大家都看得见,今后还要下更大的功夫", &a);
	sign_text("今年以来全县新建种植基地１２８个带动农户增收3.8亿元。"
	    "合作社的负责人说:这些年的变化,大家都看得见,今后还要下更大的功夫!", &b);
	CHECK("docsig: full-width digits, punctuation: the same signature",
	    memcmp(&a, &b, sizeof a) == 0 && a.nnum == 2);
	sign_text("今年以来全县新建种植基地456个带动农户增收7.2亿元,"
	    "合作社的负责人说这些年的变化大家都看得见,今后还要下更大的功夫", &c);
	CHECK("docsig: other figures, other numbers",
	    ds_nums_similarity(&a, &c) == 0 && !ds_alike(&a, &c, 0.8));
	/* 1,286 and 1286 are one number; 十四 and 三 are numbers */
	sign_text("第十四届第三次会议上全市1,286个单位参加了评比,比去年多了一些"
	    "单位,合作社的负责人说这些年的变化大家都看得见,今后还要下更大的功夫", &a);
	sign_text("第十四届第三次会议上全市1286个单位参加了评比,比去年多了一些"
	    "单位,合作社的负责人说这些年的变化大家都看得见,今后还要下更大的功夫", &b);
	sign_text("第十四届第二次会议上全市1286个单位参加了评比,比去年多了一些"
	    "单位,合作社的负责人说这些年的变化大家都看得见,今后还要下更大的功夫", &c);
	CHECK("docsig: thousands separators, Chinese numerals",
	    ds_nums_similarity(&a, &b) == 1 && a.nnum == 4 &&
	    ds_nums_similarity(&b, &c) < 0.8);
	/* a multiset: a number stated twice counts twice */
	sign_text("第三次会议和第三次会议说的是这件事情这些年的变化大家都看得见"
	    "合作社的负责人说这些年的变化大家都看得见,今后还要下更大的功夫", &a);
	sign_text("第三次会议和第二次会议说的是这件事情这些年的变化大家都看得见"
	    "合作社的负责人说这些年的变化大家都看得见,今后还要下更大的功夫", &b);
	CHECK("docsig: numbers are a multiset",
	    a.nnum == 2 && ds_nums_similarity(&a, &b) > 0.3 &&
	    ds_nums_similarity(&a, &b) < 0.4);
	CHECK("docsig: one without numbers and one with do not agree",
	    sign_text(base, &c) && c.nnum == 0 &&
	    ds_nums_similarity(&a, &c) == 0 && ds_nums_similarity(&c, &c) == 1);
	/* many numbers: the lowest DS_NUMS kept, compared below a cut */
	for (i = 0; i < 100; i++) {
		char n[16];

		snprintf(n, sizeof n, "%d、", 1000 + i);
		buf_add(&t, n, strlen(n));
	}
	buf_add(&t, base, sizeof base - 1);
	sign_text(buf_cstr(&t), &a);
	t.len = 0;
	for (i = 0; i < 100; i++) {
		char n[16];

		snprintf(n, sizeof n, "%d、", 1000 + (i < 90 ? i : 500 + i));
		buf_add(&t, n, strlen(n));
	}
	buf_add(&t, base, sizeof base - 1);
	sign_text(buf_cstr(&t), &b);
	CHECK("docsig: more numbers than kept: a sample of both",
	    a.more && a.nnum == DS_NUMS && b.more &&
	    ds_nums_similarity(&a, &a) == 1 &&
	    ds_nums_similarity(&a, &b) > 0.6 && ds_nums_similarity(&a, &b) < 1);
	/* as text and as a blob, and back */
	t.len = 0;
	ds_format_sig(&a, &t);
	CHECK("docsig: the MinHash as hex", t.len == DS_HEX_SIG &&
	    ds_parse_sig(&c, t.p, t.len) == 0 &&
	    memcmp(&c.m, &a.m, sizeof a.m) == 0);
	t.len = 0;
	ds_format_nums(&a, &t);
	CHECK("docsig: the numbers as hex", t.len == DS_NUMS * 8 + 1 &&
	    t.p[t.len - 1] == '+' && ds_parse_nums(&c, t.p, t.len) == 0 &&
	    c.nnum == a.nnum && c.more &&
	    memcmp(c.num, a.num, sizeof a.num) == 0);
	CHECK("docsig: bad hex refused",
	    ds_parse_nums(&c, "0000000a00000001", 16) < 0 &&	/* descending */
	    ds_parse_nums(&c, "0000000x", 8) < 0 &&
	    ds_parse_nums(&c, "00000001+", 9) < 0 &&		/* + but 1 */
	    ds_parse_sig(&c, t.p, 8) < 0 && ds_parse_nums(&c, "", 0) == 0 &&
	    c.nnum == 0);
	CHECK("docsig: the numbers as a blob",
	    ds_nums_unblob(&c, blob, ds_nums_blob(&a, blob)) == 0 &&
	    c.nnum == a.nnum && c.more &&
	    ds_nums_unblob(&c, blob, 3) < 0);
	buf_free(&t);
}

/* A decision in a state in memory, keeping what is no duplicate. */
static int
decide(struct neardup *nd, const struct docsig *sig, uint64_t id,
    const char *name, int first, char *dupof)
{
	struct doc_ref self = { id, name, strlen(name), 0 };

	*dupof = '\0';
	return nd_decide(nd, sig, NULL, &self, first, dupof, 64);
}

/* Near duplicates: a document is not its own duplicate the first time,
 * a copy of it is; the earliest kept one is the original, a copy's copy
 * is compared with what was kept; a crowded bucket keeps its first. */
static void
test_neardup(void)
{
	static const char body[] = "这是一篇用来比较的文章长度超过五十个字内容是"
	    "关于一座城市修建新的公园和图书馆的消息市民都很期待开放的那一天";
	/* B is A with four characters changed, C is B with four more */
#define CHAIN(a, b, c, d, e, f, g) a "政府今天上午召开新闻发布会，介绍今年城市" \
	"建设的进展情况。新建" b "园和图书馆已经完成主体工程，预计在国庆节前向" \
	"市民开放，届时周边的交通线路也会相应调整，方便市民前往参观" c "览。另" \
	"外，老城区的道路改造工程也进入了最后阶段，" d "街的店铺陆续恢复营业，" \
	"附近的居民说，施工期间虽然出行有些不便，但" e "看到街道变得整洁宽敞，" \
	"大家心里都很高兴。负责工程的同志表示，他们会抓紧时间收尾，" f "时" g \
	"好绿化和照明设施的安装，让老街换上新的面貌，也请市民朋友继续给予理解" \
	"和支持。"
	static const char A[] = CHAIN("市", "的公", "游", "沿", "是", "同", "做");
	static const char B[] = CHAIN("市", "成花", "浏", "临", "是", "同", "做");
	static const char C[] = CHAIN("县", "成花", "浏", "临", "又", "随", "搞");
#undef CHAIN
	struct neardup nd = { 0 };
	struct docsig s, a, b, c, t[20], x;
	char name[64], dupof[64];
	int r1, r2, r3, i, ok;

	nd.db = sdb_open(NULL, 1, 0);
	nd.similarity = 0.8;
	nd.store = 1;
	sign_text(body, &s);
	r1 = decide(&nd, &s, 77, "d1", 1, dupof);
	r2 = decide(&nd, &s, 77, "d1", 1, dupof);
	r3 = decide(&nd, &s, 78, "d2", 1, dupof);
	CHECK("neardup: never its own duplicate, a copy is one",
	    !r1 && !r2 && r3 && strcmp(dupof, "d1") == 0);
	CHECK("neardup: a later copy in the run finds the first",
	    decide(&nd, &s, 77, "d1", 0, dupof) && strcmp(dupof, "d1") == 0);
	/* the chain: C resembles B only, and B is a copy */
	sign_text(A, &a);
	sign_text(B, &b);
	sign_text(C, &c);
	CHECK("neardup: the chain's similarities (A~B, B~C, not A~C)",
	    ds_alike(&a, &b, 0.8) && ds_alike(&b, &c, 0.8) &&
	    !ds_alike(&a, &c, 0.8));
	r1 = decide(&nd, &a, 1, "A", 1, dupof);
	r2 = decide(&nd, &b, 2, "B", 1, dupof) && strcmp(dupof, "A") == 0;
	r3 = decide(&nd, &c, 3, "C", 1, dupof);
	CHECK("neardup: a copy's copy is compared with what was kept",
	    !r1 && r2 && !r3);
	CHECK("neardup: the earliest kept one is the original",
	    decide(&nd, &b, 4, "B2", 1, dupof) && strcmp(dupof, "A") == 0);
	/* twenty articles of one text with other numbers: they share every
	 * band and are alike with none; only the first SDB_BUCKET are
	 * compared in a band, so a near copy of the last one (one number
	 * more) is not found, its exact copy is (the whole signature) */
	for (i = 0, ok = 1; i < 20; i++) {
		t[i] = a;
		t[i].nnum = 1;
		t[i].num[0] = 1000 + (uint32_t)i;
		snprintf(name, sizeof name, "t%d", i);
		ok &= !decide(&nd, &t[i], 100 + (uint64_t)i, name, 1, dupof);
	}
	CHECK("neardup: a crowd of one template, all kept", ok);
	x = t[19];
	CHECK("neardup: an exact copy beyond a full bucket is found",
	    decide(&nd, &x, 200, "x", 1, dupof) && strcmp(dupof, "t19") == 0);
	x.nnum = 2;
	x.num[1] = 5000;
	CHECK("neardup: a near copy beyond a full bucket is not compared",
	    ds_alike(&x, &t[19], 0.5) &&
	    !(nd.similarity = 0.5, decide(&nd, &x, 201, "y", 1, dupof)));
	x = t[3];
	x.nnum = 2;
	x.num[1] = 5000;
	CHECK("neardup: within the first of a bucket, it is",
	    decide(&nd, &x, 202, "z", 1, dupof) && strcmp(dupof, "t3") == 0);
	sdb_close(nd.db);
	nd_free(&nd);
}

/* A run's sink that notes each record kept as "key label;" (label
 * "kept" without --mark), each counts row and each signature line. */
struct run_out {
	struct buf got, sigs;
	unsigned long counted, docs;	/* lines counted, articles decided */
};

static void
run_record(void *arg, const struct article *a, size_t i, const char *label,
    size_t llen)
{
	struct run_out *o = arg;

	(void)i;
	buf_add(&o->got, a->key.p, a->key.len);
	buf_addc(&o->got, ' ');
	if (label)
		buf_add(&o->got, label, llen);
	else
		buf_add(&o->got, "kept", 4);
	buf_addc(&o->got, ';');
}

/* a counts row: note it; a signature line: keep it */
static void
run_line(void *arg, const char *line, size_t n)
{
	struct run_out *o = arg;

	if (n == 34 && memcmp(line + 32, "\t1", 2) == 0)
		o->counted++;
	else {
		buf_add(&o->sigs, line, n);
		buf_addc(&o->sigs, '\n');
	}
}

static void
run_count_one(void *arg, const struct article *a)
{
	br_count(arg, a);
}

static void
run_decide_one(void *arg, const struct article *a)
{
	br_decide(arg, a);
}

/* One run with settings s over the records of data (-k 1), in the shape
 * the settings ask for; what its sink got, as "key label;" a record. */
static const char *
run_over(const struct br_settings *s, const char *data, struct run_out *o)
{
	const struct br_sink sink = { o, run_record, run_line, NULL };
	char *p = tmpfile_with(data, strlen(data), 0), *files[2] = { p, NULL };
	struct boilerrun *r;

	o->got.len = o->sigs.len = 0;
	o->counted = o->docs = 0;
	if (p == NULL)
		return "";
	r = br_begin(s, &sink);
	articles_each(files, 0, 0, 0, 1, NULL, br_streaming(r) ?
	    run_decide_one : run_count_one, r);
	if (br_streaming(r))
		br_decided(r);
	else if (br_counted(r))
		br_decide_spooled(r);
	br_save(r);
	o->docs = br_stats(r)->docs;
	br_end(r);
	unlink(p);
	return buf_cstr(&o->got);
}

/* Whole runs over a few articles of one site: what the first article
 * repeats with the later ones is known in pass 2, a copy is labelled
 * with its original, a state counts a document once however often it
 * is learnt, --emit-counts hands over each document's distinct lines. */
static void
test_boilerrun(void)
{
#define MENU "小城日报网站推荐阅读"
#define BODY_A "今年春天，小城的河边新种了一排柳树，附近的居民每天傍晚都会来这里" \
	"散步聊天，孩子们在草地上放风筝，老人们坐在长椅上晒太阳，大家都说环境比以前好多了。"
#define BODY_B "城东的菜市场经过半年的改造重新开门，摊位排得整整齐齐，地面也铺上了" \
	"防滑的瓷砖，卖菜的阿姨说顾客比过去多了不少，买菜的人也觉得方便干净。"
#define BODY_C "一所新的小学在城北建成，秋季开学时将迎来第一批学生，学校有宽敞的" \
	"操场和明亮的图书室，家长们对孩子能就近上学感到十分满意。"
#define BODY_D "图书馆延长了周末的开放时间，晚上九点才闭馆，不少年轻人下班后来这里" \
	"看书学习，管理员还准备了热水和充电的插座。"
	static const char abc[] =
	    "a\t1\t" MENU "\na\t2\t" BODY_A "\n"
	    "b\t1\t" MENU "\nb\t2\t" BODY_B "\n"
	    "c\t1\t" MENU "\nc\t2\t" BODY_C "\n";
	static const char copy[] =
	    "e\t1\t" MENU "\ne\t2\t" BODY_A "\n";
	static const char d[] =
	    "d\t1\t" MENU "\nd\t2\t" BODY_D "\n";
	static const char twice[] =
	    "a\t1\t" MENU "\na\t2\t" BODY_A "\na\t3\t" MENU "\n"
	    "b\t1\t" MENU "\nb\t2\t" BODY_B "\n";
	static const char numbered[] =
	    "7\ta\t" BODY_A "\n8\tb\t短的一句。\n";
	struct br_settings s = { .min_docs = 3, .prune_after = 60,
	    .wait_s = 10, .similarity = 0.8 };
	struct run_out o = { 0 };
	struct buf in = { 0 };
	char dir[] = "/tmp/zhpipe-unit-run.XXXXXX", state[64], counts[64];
	char *files[1];
	int fd;

	buf_add(&in, abc, sizeof abc - 1);
	buf_add(&in, copy, sizeof copy - 1);
	s.mark = 1;
	CHECK("boilerrun: pass 2 knows what the first article shares, a copy "
	    "is one", strcmp(run_over(&s, buf_cstr(&in), &o),
	    "a boiler:df=4;a body;b boiler:df=4;b body;c boiler:df=4;c body;"
	    "e dup:a;e dup:a;") == 0 && o.docs == 4);
	s.mark = 0;
	CHECK("boilerrun: without --mark the body records only",
	    strcmp(run_over(&s, buf_cstr(&in), &o),
	    "a kept;b kept;c kept;") == 0);

	if (mkdtemp(dir) == NULL) {
		buf_free(&o.got);
		buf_free(&in);
		return;
	}
	snprintf(state, sizeof state, "%s/state.db", dir);
	s.state = state;
	s.learn = 1;
	CHECK("boilerrun: --learn writes nothing",
	    *run_over(&s, abc, &o) == '\0' && o.counted == 0);
	run_over(&s, abc, &o);
	s.learn = 0;
	s.apply = 1;
	s.mark = 1;
	CHECK("boilerrun: a state counts a document once, however often learnt",
	    strcmp(run_over(&s, d, &o), "d boiler:df=3;d body;") == 0);
	s.prompt = 1;
	CHECK("boilerrun: article by article, the same from the state",
	    strcmp(run_over(&s, d, &o), "d boiler:df=3;d body;") == 0);
	s.prompt = 0;
	s.apply = 0;
	s.mark = 0;
	s.state = NULL;

	s.emit = 1;
	CHECK("boilerrun: --emit-counts, the distinct lines of each document",
	    *run_over(&s, twice, &o) == '\0' && o.counted == 4);
	s.emit = 0;

	/* signature lines, in the order of a key field: an article too short
	 * to compare has none */
	snprintf(counts, sizeof counts, "%s/counts.tsv", dir);
	fd = open(counts, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0)
		close(fd);
	files[0] = counts;
	s.counts = files;
	s.ncounts = 1;
	s.emit_sigs = 1;
	s.order_field = 1;
	CHECK("boilerrun: --emit-signatures, ordered by --order-field",
	    *run_over(&s, numbered, &o) == '\0' && strncmp(o.sigs.p ?
	    o.sigs.p : "", "7\t0\t", 4) == 0 &&
	    memchr(o.sigs.p, '\n', o.sigs.len) == o.sigs.p + o.sigs.len - 1);
	buf_free(&o.got);
	buf_free(&o.sigs);
	unlink(counts);
	unlink(state);
	rmdir(dir);
	buf_free(&in);
#undef MENU
#undef BODY_A
#undef BODY_B
#undef BODY_C
#undef BODY_D
}

static void
test_labels(void)
{
	struct bc_verdict v[3] = { { BC_RULE, "menu", 0, 0 },
	    { BC_DF, NULL, 12, 1 }, { BC_DUP, NULL, 0, 0 } };
	struct bc_stats st = { 0 };
	char buf[16];

	CHECK("bc_label_text", bc_label_text(&v[0], "", buf, sizeof buf) == 15
	    && strcmp(buf, "boiler:rule=men") == 0 &&
	    bc_label_text(&v[1], "", buf, sizeof buf) == 12 &&
	    strcmp(buf, "boiler:df=12") == 0 &&
	    bc_label_text(&v[2], "d9", buf, sizeof buf) == 6);
	bc_stats_add(&st, v, 3);
	CHECK("bc_stats", st.docs == 1 && st.recs == 3 && st.gaveup == 1 &&
	    st.n[BC_DF] == 1 && st.dupdocs == 0);
}

static void
test_site_key(void)
{
	static const char rec[] = "d1\thttps://news.example.cn/a/1.html\t3\ttext";
	static const char rec2[] = "d2\thttp://news.example.cn:8080/b\t1\tother";
	size_t toff = strlen(rec) - 4, toff2 = strlen(rec2) - 5;
	int absent;
	uint64_t s1 = site_key(rec, strlen(rec), toff, 0, &absent);

	CHECK("site_key: the host of the first URL key", !absent &&
	    s1 == site_key(rec2, strlen(rec2), toff2, 0, &absent) && !absent);
	CHECK("site_key: one site without a URL", site_key("d\t1\tt", 5, 4, 0,
	    &absent) == site_key("e\t2\tu", 5, 4, 0, &absent) && !absent);
	CHECK("site_key: --site-field", site_key(rec, strlen(rec), toff, 3,
	    &absent) != s1 && !absent);
	site_key(rec, strlen(rec), toff, 4, &absent);
	CHECK("site_key: the text is not a site field", absent);
	site_key(rec, strlen(rec), toff, 9, &absent);
	CHECK("site_key: no such field", absent);
}

static void
test_rows(void)
{
	static const char text[] = "\xef\xbb\xbf# comment\nname\tpat\r\n\n"
	    "  w1  12\tx\nlast";
	struct rows r;
	const char *f;
	size_t n;
	char *p;
	int ok;

	rows_buf(&r, "t", text, sizeof text - 1, 0);
	ok = rows_next(&r) && r.lineno == 2 && r.f.n == 2 &&
	    (f = rows_field(&r, 1, &n)) && n == 3 && memcmp(f, "pat", 3) == 0;
	CHECK("rows: BOM, comment and CR skipped, TAB fields", ok);
	ok = rows_next(&r) && r.lineno == 4 && r.f.n == 2;
	CHECK("rows: blank line skipped, TAB split keeps blanks", ok);
	ok = rows_next(&r) && r.lineno == 5 && r.n == 4 &&
	    !rows_next(&r) && !r.failed;
	CHECK("rows: last line without LF", ok);
	rows_close(&r);

	rows_buf(&r, "t", text, sizeof text - 1, ROWS_BLANKS);
	ok = rows_next(&r) && rows_next(&r) && r.f.n == 3 &&
	    (f = rows_field(&r, 0, &n)) && n == 2 && memcmp(f, "w1", 2) == 0 &&
	    rows_field(&r, 3, &n) == NULL;
	CHECK("rows: ROWS_BLANKS splits at runs of blanks", ok);
	rows_close(&r);

	rows_buf(&r, "t", "a\nb\xff\nc\n", 7, 0);
	ok = rows_next(&r) && !rows_next(&r) && r.failed && r.lineno == 2;
	CHECK("rows: invalid UTF-8 stops with the line number", ok);
	rows_close(&r);
	exit_status = 0;

	p = tmpfile_with("x\t1\ny\t2\n", 8, 0);
	ok = p && rows_path(&r, p, 0) == 0 && rows_next(&r) &&
	    rows_next(&r) && r.lineno == 2 && !rows_next(&r);
	CHECK("rows: from a path", ok);
	rows_close(&r);
	unlink(p);
	p = tmpfile_with("", 0, 0);
	ok = p && rows_path(&r, p, 0) == 0 && !rows_next(&r) && !r.failed;
	CHECK("rows: an empty file", ok);
	rows_close(&r);
	unlink(p);
	CHECK("rows: a missing file", rows_path(&r, "/nonexistent/x", 0) < 0);
	exit_status = 0;
}

static void
test_reader(void)
{
	static const char data[] = "\xef\xbb\xbfone\r\ntwo\n\nthree";
	struct reader r;
	const char *s;
	size_t n;
	char *p, *big;
	int gz;

	for (gz = 0; gz <= 1; gz++) {
		p = tmpfile_with(data, sizeof data - 1, gz);
		CHECK("reader open", p && rd_open(&r, p, 0) == 0);
		CHECK("reader BOM skipped", rd_line(&r, &s, &n) && n == 3 &&
		    memcmp(s, "one", 3) == 0);
		CHECK("reader CRLF", rd_line(&r, &s, &n) && n == 3 &&
		    memcmp(s, "two", 3) == 0 && r.lineno == 2);
		CHECK("reader empty line", rd_line(&r, &s, &n) && n == 0);
		CHECK("reader last line without newline",
		    rd_line(&r, &s, &n) && n == 5 && r.term == -1);
		CHECK("reader end", !rd_line(&r, &s, &n) && !r.failed);
		rd_close(&r);
		unlink(p);
	}

	big = malloc(3000001);
	memset(big, 'x', 3000000);
	big[3000000] = '\n';
	p = tmpfile_with(big, 3000001, 0);
	CHECK("reader long line", p && rd_open(&r, p, 0) == 0 &&
	    rd_line(&r, &s, &n) && n == 3000000);
	rd_close(&r);
	unlink(p);
	free(big);

	p = tmpfile_with("a\0b\nc", 5, 0);
	CHECK("reader NUL separator", rd_open(&r, p, RD_NULSEP) == 0 &&
	    rd_line(&r, &s, &n) && n == 1 && r.term == '\0' &&
	    rd_line(&r, &s, &n) && n == 1 && r.term == '\n');
	rd_close(&r);
	unlink(p);

	CHECK("reader missing file", rd_open(&r, "/nonexistent/x", 0) < 0);
	exit_status = 0;
}

/* data gzipped into out */
static size_t
gzip_mem(const char *data, size_t n, unsigned char *out, size_t cap)
{
	z_stream zs;
	size_t len;

	memset(&zs, 0, sizeof zs);
	if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	zs.next_in = (unsigned char *)data;
	zs.avail_in = (uInt)n;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	len = deflate(&zs, Z_FINISH) == Z_STREAM_END ? cap - zs.avail_out : 0;
	deflateEnd(&zs);
	return len;
}

/* every line of the reader joined with '|' */
static const char *
lines_of(struct reader *r)
{
	static char got[256];
	size_t len = 0, n;
	const char *s;

	got[0] = '\0';
	while (rd_line(r, &s, &n) && len + n + 2 < sizeof got) {
		memcpy(got + len, s, n);
		len += n;
		got[len++] = '|';
		got[len] = '\0';
	}
	rd_close(r);
	return got;
}

/* reads of any size, gzip found after two bytes however they come,
 * a byte-order mark at the start of any line */
static void
test_reader_mem(void)
{
	static const char text[] = "\xef\xbb\xbf" "a\n\xef\xbb\xbf\xef\xbb\xbf" "b\nc";
	unsigned char gz[256];
	size_t gzn = gzip_mem(text, sizeof text - 1, gz, sizeof gz), chunk;
	struct reader r;
	int ok = gzn > 2;

	for (chunk = 1; chunk <= 3; chunk++) {
		rd_open_mem(&r, "m", text, sizeof text - 1, chunk, 0);
		ok &= strcmp(lines_of(&r), "a|b|c|") == 0;
		rd_open_mem(&r, "m", gz, gzn, chunk, 0);
		ok &= strcmp(lines_of(&r), "a|b|c|") == 0;
	}
	CHECK("reader: gzip and marks in reads of 1, 2, 3 bytes", ok);
	rd_open_mem(&r, "m", "\x1f", 1, 1, 0);
	CHECK("reader: a lone 0x1f is text", strcmp(lines_of(&r), "\x1f|") == 0);
	rd_open_mem(&r, "m", "\x1f\x8b", 2, 1, 0);
	CHECK("reader: a gzip header cut short is an error",
	    strcmp(lines_of(&r), "") == 0 && r.failed);
	exit_status = 0;
}

/* rd_line's has_cr, from one search of the buffer for each CR, against
 * a search of each line: CRs inside lines, before their LF (not part of
 * the line), in a line after a byte-order mark, in a repaired line, in
 * lines that span reads, in the last line and in none */
static void
test_reader_cr(void)
{
	static const char *const texts[] = {
		"a\rb\nplain\nc\r\n\rd\nlast\re",
		"x\ny\nz\r\n\xef\xbb\xbfq\rr\nbad\xff\r\nend\n",
		"no cr at all\nin these\nlines\n",
		"\r\r\n\n\r\nab\rcd\ref\n1\n2\n3\r",
	};
	size_t t, chunk, lines = 0, withcr = 0;
	int ok = 1;

	for (t = 0; t < sizeof texts / sizeof *texts; t++)
		for (chunk = 0; chunk <= 9; chunk++) {
			struct reader r;
			const char *s;
			size_t n;

			rd_open_mem(&r, "m", texts[t], strlen(texts[t]), chunk, 0);
			while (rd_line(&r, &s, &n)) {
				int cr = memchr(s, '\r', n) != NULL;

				ok &= r.has_cr == cr;
				lines++;
				withcr += (size_t)cr;
			}
			rd_close(&r);
		}
	exit_status = 0;
	CHECK("reader: has_cr is whether the line holds a CR",
	    ok && withcr > 0 && withcr < lines);
}

struct spans {
	char text[16][128];
	int n;
	const char *src;
};

static void
on_span(void *arg, size_t b, size_t e)
{
	struct spans *sp = arg;

	if (sp->n < 16 && e - b < 127) {
		memcpy(sp->text[sp->n], sp->src + b, e - b);
		sp->text[sp->n][e - b] = '\0';
	}
	sp->n++;
}

static int
split_is(struct sentsplit *ss, const char *in, int n, const char *first,
    const char *last)
{
	struct spans sp = { .n = 0, .src = in };

	ss_split(ss, in, strlen(in), on_span, &sp);
	if (n == 0)
		return sp.n == 0;
	return sp.n == n && strcmp(sp.text[0], first) == 0 &&
	    strcmp(sp.text[n - 1], last) == 0;
}

static void
test_sentence(void)
{
	struct sentsplit *ss = ss_new(0), *semi = ss_new(1);

	CHECK("sentence full stop", split_is(ss, "甲。乙。", 2, "甲。", "乙。"));
	CHECK("sentence closing quote stays", split_is(ss,
	    "“好。”他说。", 2, "“好。”", "他说。"));
	CHECK("sentence headline", split_is(ss, "党旗高扬谱新篇", 1,
	    "党旗高扬谱新篇", "党旗高扬谱新篇"));
	CHECK("sentence ellipsis", split_is(ss, "硕果累累……一份答卷。", 2,
	    "硕果累累……", "一份答卷。"));
	CHECK("sentence ellipsis before comma", split_is(ss,
	    "苹果……,都有。", 1, "苹果……,都有。", "苹果……,都有。"));
	CHECK("sentence decimal", split_is(ss, "达到99.06%。好", 2,
	    "达到99.06%。", "好"));
	CHECK("sentence half-width !?", split_is(ss, "行吗?行!走", 3,
	    "行吗?", "走"));
	CHECK("sentence URL", split_is(ss, "见http://a.cn/b?c=1。完", 2,
	    "见http://a.cn/b?c=1。", "完"));
	CHECK("sentence abbreviation", split_is(ss,
	    "Dr. Li met U.S. officials. Then left.", 2,
	    "Dr. Li met U.S. officials.", "Then left."));
	CHECK("sentence list number", split_is(ss, "1. 加强领导。", 1,
	    "1. 加强领导。", "1. 加强领导。"));
	CHECK("sentence trims space", split_is(ss, "\xe3\x80\x80\xe3\x80\x80甲。 ",
	    1, "甲。", "甲。"));
	CHECK("sentence semicolon off", split_is(ss, "甲;乙。", 1, "甲;乙。",
	    "甲;乙。"));
	CHECK("sentence semicolon on", split_is(semi, "甲;乙。", 2, "甲;", "乙。"));
	CHECK("sentence blank line gives none", split_is(ss, " \xe3\x80\x80 ", 0,
	    NULL, NULL));
	ss_free(ss);
	ss_free(semi);
}

/* the punctuation table: its classes hold exactly the characters the
 * sentence splitter has always used */
static void
test_punct(void)
{
	static const uint32_t stop[] = { 0x3002, 0xFF01, 0xFF1F, 0xFF61, '!',
	    '?', 0x203C, 0x2047, 0x2048, 0x2049 };
	static const uint32_t close[] = { 0x201D, 0x2019, 0x300D, 0x300F,
	    0xFF09, ')', ']', 0x3011, 0x300B, 0x3009, 0x3015, 0xFF3D, 0xFF02,
	    0xFF07, '"', '\'', 0x00BB, 0x203A, 0x3017, 0xFE42, 0xFE44 };
	size_t count[8] = { 0 }, i, k;
	uint32_t c;
	int ok = 1;

	for (c = 0; c < 0x110000; c++)
		for (k = 0; k < 8; k++)
			count[k] += (punct_class(c) >> k) & 1;
	for (i = 0; i < sizeof stop / sizeof stop[0]; i++)
		ok &= punct_class(stop[i]) == PUNCT_STOP;
	CHECK("punct: the ten stops, and no more", ok && count[0] == 10);
	CHECK("punct: two ellipses, two periods, two semicolons",
	    (punct_class(0x2026) & PUNCT_ELLIPSIS) && (punct_class(0x22EF) &
	    PUNCT_ELLIPSIS) && count[1] == 2 && (punct_class('.') &
	    PUNCT_PERIOD) && (punct_class(0xFF0E) & PUNCT_PERIOD) &&
	    count[2] == 2 && (punct_class(';') & PUNCT_SEMI) &&
	    (punct_class(0xFF1B) & PUNCT_SEMI) && count[3] == 2);
	for (ok = 1, i = 0; i < sizeof close / sizeof close[0]; i++)
		ok &= (punct_class(close[i]) & PUNCT_CLOSE) != 0;
	CHECK("punct: the 21 closers, and no more", ok && count[4] == 21);
	CHECK("punct: clause breaks", (punct_class(0xFF0C) & PUNCT_CLAUSE) &&
	    (punct_class(0x3001) & PUNCT_CLAUSE) && (punct_class(':') &
	    PUNCT_CLAUSE) && count[6] == 5);
	CHECK("punct: openers pair closers", (punct_class(0x201C) & PUNCT_OPEN) &&
	    (punct_class(0x3010) & PUNCT_OPEN) && (punct_class('"') &
	    PUNCT_OPEN) && !(punct_class(0x4E00)));
	CHECK("punct: ends after closers", punct_ends_sentence(
	    "她说后天要刮风。】", strlen("她说后天要刮风。】"), PUNCT_END) &&
	    punct_ends_sentence("降温｡", strlen("降温｡"), PUNCT_END) &&
	    punct_ends_sentence("好……” ", strlen("好……” "), PUNCT_END));
	CHECK("punct: no end", !punct_ends_sentence("标题", strlen("标题"),
	    PUNCT_END) && !punct_ends_sentence("”】", strlen("”】"), PUNCT_END) &&
	    !punct_ends_sentence("", 0, PUNCT_END) && !punct_ends_sentence(
	    "甲;", 4, PUNCT_END) && punct_ends_sentence("甲;", 4, PUNCT_END |
	    PUNCT_SEMI));
}

struct toks {
	char s[512];
	const char *src;
};

static void
on_tok(void *arg, size_t b, size_t e, enum toktype t)
{
	struct toks *tk = arg;
	size_t l = strlen(tk->s);

	if (l + (e - b) + 10 < sizeof tk->s)
		snprintf(tk->s + l, sizeof tk->s - l, "%s%.*s/%c",
		    l ? " " : "", (int)(e - b), tk->src + b, toktype_name[t][0]);
}

static int
cut_is(struct wordseg *ws, const char *in, const char *want)
{
	struct toks tk = { "", in };

	ws_cut(ws, in, strlen(in), on_tok, &tk);
	if (strcmp(tk.s, want) != 0)
		printf("# got: %s\n", tk.s);
	return strcmp(tk.s, want) == 0;
}

static void
test_words(void)
{
	struct wordseg *ws = ws_new();
	char *p;

	CHECK("words dictionary", cut_is(ws, "武威市凉州区", "武威市/w 凉州区/w"));
	CHECK("words mixed scripts", cut_is(ws, "PM2.5和5G",
	    "PM2.5/l 和/w 5G/l"));
	CHECK("words numbers", cut_is(ws, "增长99.06%,1,234.5元",
	    "增长/w 99.06%/n ,/p 1,234.5/n 元/w"));
	CHECK("words phone", cut_is(ws, "电话0931-8159799",
	    "电话/w 0931-8159799/n"));
	CHECK("words year", cut_is(ws, "2022年以来", "2022年/n 以来/w"));
	CHECK("words punct run", cut_is(ws, "好……", "好/w ……/p"));
	CHECK("words space separates", cut_is(ws, "iPhone 15", "iPhone/l 15/n"));
	CHECK("words url", cut_is(ws, "见https://a.cn/x?y=1。",
	    "见/w https://a.cn/x?y=1/l 。/p"));
	CHECK("words han numeral", cut_is(ws, "一千三百", "一千三百/n") ||
	    cut_is(ws, "一千三百", "一千/n 三百/n"));
	{
		static const char ud[] = "# user words\n卡阳村\n甘曜毓 10\n";

		p = tmpfile_with(ud, strlen(ud), 0);
	}
	CHECK("words user dict loads", p && ws_load_user(ws, p) == 0);
	CHECK("words user dict word", cut_is(ws, "卡阳村", "卡阳村/w"));
	unlink(p);
	p = tmpfile_with("词 x1\n", strlen("词 x1\n"), 0);
	CHECK("words user dict bad frequency", p && ws_load_user(ws, p) < 0);
	unlink(p);
	exit_status = 0;
	ws_free(ws);
}

/* user dictionaries from a buffer: any white space, 0 removes a word,
 * bad rows reported and the rest read */
static void
test_user_dict(void)
{
	struct wordseg *ws = ws_new();
	static const char ok[] = "# c\n\xe3\x80\x80甘曜毓\xe3\x80\x80" "100\n"
	    "卡阳村\xc2\xa0" "5 n\n采访 0\n";
	static const char bad[] = "甘曜毓甲 0\n词 x1\n拦隆口\n";
	size_t words = ws_size(ws, NULL);

	CHECK("user dict: U+3000 and NBSP separate, 0 removes",
	    ws_load_user_buf(ws, "u", ok, sizeof ok - 1) == 0 &&
	    ws_freq(ws, "甘曜毓", strlen("甘曜毓")) == 100 &&
	    ws_freq(ws, "卡阳村", strlen("卡阳村")) == 5 &&
	    ws_freq(ws, "采访", strlen("采访")) == 0 &&
	    ws_size(ws, NULL) == words + 1);
	CHECK("user dict: removed word is cut", cut_is(ws, "采访甘曜毓",
	    "采/w 访/w 甘曜毓/w"));
	CHECK("user dict: bad rows fail, good ones load",
	    ws_load_user_buf(ws, "u", bad, sizeof bad - 1) < 0 &&
	    ws_freq(ws, "甘曜毓甲", strlen("甘曜毓甲")) == 0 &&
	    ws_freq(ws, "拦隆口", strlen("拦隆口")) > 0);
	CHECK("user dict: invalid UTF-8", ws_load_user_buf(ws, "u", "a\xff\n",
	    3) < 0);
	exit_status = 0;
	ws_free(ws);
}

static int cuts_alike(struct wordseg *, struct wordseg *,
    const char *const *, size_t, uint32_t, int, int, const char *,
    const char *, const char *const *, size_t, int *);

/* The tables compiled in (prebuilt.h) are those the same code builds
 * from the same data at run time, value for value; so are they after
 * a user dictionary, added to a copy of them; the gazetteer is the
 * prebuilt one only with the prebuilt word list unchanged. */
static void
test_prebuilt(void)
{
	static const char ud[] = "甘曜毓 100\n卡阳村\n采访 0\n兰州\n";
	struct wordseg *pre = ws_new(), *built = ws_build();
	struct gazetteer *gp, *gb;
	struct toks a = { "", NULL }, b = { "", NULL };
	static const char cracked[] = "手背皲裂了";
	struct toks c = { "", cracked }, d = { "", cracked };
	static const char text[] = "采访甘曜毓时，卡阳村在兰州市和平镇。";
	/* characters that begin words but are no word alone among others */
	static const char *const piece[] = {
		"皲", "裂", "蹰", "踟", "手", "背", "了", "中", "国", "人",
		"民", "大", "学", "生", "𠀀", "a", "，", "研究", "生命",
	};
	struct trie_da *da;
	int words = 0;

	CHECK("prebuilt word list: the tables built at run time",
	    ws_builtin(pre) && !ws_builtin(built) && ws_same(pre, built));
	da = ws_da_build(built);
	CHECK("prebuilt word list: its dense trie built at run time",
	    da != NULL && zh_words_prebuilt.da != NULL &&
	    trie_da_same(da, zh_words_prebuilt.da));
	trie_da_free(da);
	gp = gz_load(NULL, pre);
	gb = gz_build(NULL, built);
	CHECK("prebuilt gazetteer: the tables built at run time",
	    gp && gb && gp->rodata && !gb->rodata && gz_same(gp, gb));
	gz_free(gp);
	gz_free(gb);
	/* 皲 is in words (皲裂) but not a word alone: as an unknown
	 * character it costs what it costs on the list built at run time */
	ws_cut(pre, cracked, sizeof cracked - 1, on_tok, &c);
	ws_cut(built, cracked, sizeof cracked - 1, on_tok, &d);
	CHECK("prebuilt word list: an unknown character weighed as at run time",
	    strcmp(c.s, d.s) == 0 && strstr(c.s, "皲裂/w") != NULL);
	CHECK("prebuilt word list: cuts as the list built at run time",
	    cuts_alike(pre, built, piece, sizeof piece / sizeof *piece, 77,
	    2000, 30, "prebuilt", "built", NULL, 0, &words));
	CHECK("prebuilt word list: a user dictionary on a copy",
	    ws_load_user_buf(pre, "u", ud, sizeof ud - 1) == 0 &&
	    ws_load_user_buf(built, "u", ud, sizeof ud - 1) == 0 &&
	    !ws_builtin(pre) && ws_same(pre, built));
	a.src = b.src = text;
	ws_cut(pre, text, sizeof text - 1, on_tok, &a);
	ws_cut(built, text, sizeof text - 1, on_tok, &b);
	CHECK("prebuilt word list: the same cut after it",
	    strcmp(a.s, b.s) == 0 && strstr(a.s, "甘曜毓/w") != NULL);
	gp = gz_load(NULL, pre);
	gb = gz_build(NULL, built);
	CHECK("gazetteer: built at start on a changed word list",
	    gp && gb && !gp->rodata && gz_same(gp, gb));
	gz_free(gp);
	gz_free(gb);
	ws_free(pre);
	ws_free(built);
}

/* The text of data/lineshape.tsv, compiled in (the library's objects
 * made from data/), which the tools no longer read: they take the
 * model make-prebuilt loaded from the file. */
extern const char zh_lineshape_data[];
extern const unsigned long zh_lineshape_size;

/* The words of the line features compiled in are those made from
 * their text at run time, and give the same features. */
static void
test_prebuilt_linewords(void)
{
	static const char *const text[] = {
		"首页 | 登录 | 注册 | 更多",
		"他在这里和我们说了这个事情的来历。",
		"分享到微博 扫一扫 关注我们",
		"这是一个很长的句子，也说了一些别的事。",
	};
	enum { N = sizeof text / sizeof text[0] };
	struct ls_words wd;
	struct ls_line l[N];
	struct lineshape *pre = ls_new(), *built;
	float *fp = xcalloc(N * LS_NFEAT, sizeof *fp);
	float *fb = xcalloc(N * LS_NFEAT, sizeof *fb);
	size_t i;
	int same;

	ls_words_build(&wd);
	built = ls_open(&wd);
	memset(l, 0, sizeof l);
	for (i = 0; i < N; i++) {
		l[i].text = text[i];
		l[i].len = strlen(text[i]);
		l[i].nrec = 1;
	}
	ls_features(pre, l, N, fp);
	ls_features(built, l, N, fb);
	CHECK("prebuilt line words: those made at run time",
	    zh_linewords.nfunc > 10 && zh_linewords.ncw > 10 &&
	    ls_words_same(&zh_linewords, &wd));
	CHECK("prebuilt line words: the same features", fp[LS_chrome] > 0 &&
	    fp[LS_NFEAT + LS_func] > 0 &&
	    memcmp(fp, fb, N * LS_NFEAT * sizeof *fp) == 0);
	wd.chromebit[LS_HANBYTES - 1] ^= 1;
	same = ls_words_same(&zh_linewords, &wd);
	wd.chromebit[LS_HANBYTES - 1] ^= 1;
	CHECK("line words: a changed bit is a change", !same);
	ls_free(built);
	ls_free(pre);
	ls_words_free(&wd);
	free(fp);
	free(fb);
}

/* The line model compiled in is the one the loader makes of
 * data/lineshape.tsv, tree for tree; a model is written as C that says
 * each number exactly, an empty one without arrays. */
static void
test_prebuilt_model(void)
{
	static const char tiny[] = "base\t0.5\nthreshold\t0.75\n"
	    "tree\t0\nsplit\tends\t-0.25\t1\t2\nleaf\t1e-3\nleaf\t-2\n";
	static const char tiny_c[] =
	    "static const struct ls_node t_node[3] = {\n"
	    "{ 8, -0x1p-2f, 1, 2, 0x0p+0f },\n"
	    "{ -1, 0x0p+0f, 0, 0, 0x1.0624dep-10f },\n"
	    "{ -1, 0x0p+0f, 0, 0, -0x1p+1f },\n"
	    "};\nstatic const struct ls_flat t_flat[3] = {\n"
	    "{ 8, -0x1p-2f, 1, 0x0p+0f },\n"
	    "{ 0, INFINITY, 1, 0x1.0624dep-10f },\n"
	    "{ 0, INFINITY, 2, -0x1p+1f },\n"
	    "};\nstatic const int32_t t_root[1] = {\n0,\n};\n"
	    "static const int32_t t_froot[1] = {\n0,\n};\n"
	    "const struct ls_model_prebuilt t = {\n"
	    "\t.base = 0x1p-1,\n\t.threshold = 0x1.8p-1,\n"
	    "\t.lo = 0x1.8p-1,\n\t.hi = 0x1.8p-1,\n\t.overrule = 0x0p+0,\n"
	    "\t.node = t_node,\n\t.nnode = 3,\n\t.root = t_root,\n"
	    "\t.ntree = 1,\n\t.flat = t_flat,\n\t.froot = t_froot,\n"
	    "\t.depth = 1,\n};\n";
	struct ls_model pre, loaded, m;
	char *text = NULL;
	size_t len = 0;
	FILE *f;
	int same;

	ls_model_builtin(&pre);
	CHECK("prebuilt line model: the one loaded at run time",
	    ls_model_load(&loaded, "data/lineshape.tsv", zh_lineshape_data,
	    zh_lineshape_size) == 0 && pre.rodata && !loaded.rodata &&
	    pre.ntree > 0 && ls_model_same(&pre, &loaded));
	loaded.flat[loaded.nnode - 1].value += 1;
	same = ls_model_same(&pre, &loaded);
	loaded.flat[loaded.nnode - 1].value -= 1;
	loaded.node[0].thr = -loaded.node[0].thr;
	CHECK("line model: a changed number is a changed model", !same &&
	    !ls_model_same(&pre, &loaded));
	ls_model_free(&loaded);
	ls_model_free(&pre);	/* frees nothing of the tables */
	CHECK("line model: written as C", ls_model_load(&m, "t", tiny,
	    sizeof tiny - 1) == 0 && (f = open_memstream(&text, &len)) != NULL &&
	    (ls_model_emit(&m, f, "t"), fclose(f) == 0) &&
	    strcmp(text, tiny_c) == 0);
	ls_model_free(&m);
	free(text);
	text = NULL;
	CHECK("line model: an empty one written as C", ls_model_load(&m, "t",
	    "base\t1\n", 7) == 0 && (f = open_memstream(&text, &len)) != NULL &&
	    (ls_model_emit(&m, f, "e"), fclose(f) == 0) &&
	    strstr(text, "[") == NULL && strstr(text, "\t.node = NULL,\n") &&
	    strstr(text, "\t.froot = NULL,\n"));
	ls_model_free(&m);
	free(text);
}

struct pieces {
	char s[512];
	size_t len;
};

static void
piece_text(void *arg, unsigned long sent, const char *s, size_t n)
{
	struct pieces *p = arg;

	p->len += (size_t)snprintf(p->s + p->len, sizeof p->s - p->len,
	    "%lu:%.*s|", sent, (int)n, s);
}

static void
piece_token(void *arg, unsigned long sent, unsigned long tok, enum toktype t,
    const char *s, size_t n)
{
	struct pieces *p = arg;

	p->len += (size_t)snprintf(p->s + p->len, sizeof p->s - p->len,
	    "%lu.%lu%c:%.*s|", sent, tok, toktype_name[t][0], (int)n, s);
}

static void
piece_end(void *arg, unsigned long sent)
{
	struct pieces *p = arg;

	p->len += (size_t)snprintf(p->s + p->len, sizeof p->s - p->len,
	    "%lu.", sent);
}

static int
sink_to(struct splitter *sp, const struct sp_sink *sink, const char *line,
    const char *want)
{
	struct pieces p = { "", 0 };

	sp_line(sp, line, strlen(line), sink, &p);
	if (strcmp(p.s, want) != 0)
		printf("# got %s\n", p.s);
	return strcmp(p.s, want) == 0;
}

static int
split_to(struct splitter *sp, const char *line, const char *want)
{
	static const struct sp_sink sink = { piece_text, piece_token, piece_end,
	    NULL };

	return sink_to(sp, &sink, line, want);
}

static void
piece_words(void *arg, unsigned long sent, int first, const char *s,
    size_t n)
{
	struct pieces *p = arg;

	p->len += (size_t)snprintf(p->s + p->len, sizeof p->s - p->len,
	    "%lu%c%.*s|", sent, first ? ':' : '+', (int)n, s);
}

/* SP_WORDS to a words sink: each sentence's words, joined */
static int
join_to(struct splitter *sp, const char *line, const char *want)
{
	static const struct sp_sink sink = { NULL, NULL, piece_end,
	    piece_words };

	return sink_to(sp, &sink, line, want);
}

/* A sentence of more words than a piece holds: its words come in more
 * than one piece, each ending at a word, and joined by spaces they are
 * the tokens one by one joined by spaces. */
struct bigwords {
	struct buf b;
	int pieces, firsts;
};

static void
big_token(void *arg, unsigned long sent, unsigned long tok, enum toktype t,
    const char *s, size_t n)
{
	struct bigwords *w = arg;

	(void)sent;
	(void)t;
	if (tok > 1)
		buf_addc(&w->b, ' ');
	buf_add(&w->b, s, n);
}

static void
big_words(void *arg, unsigned long sent, int first, const char *s, size_t n)
{
	struct bigwords *w = arg;

	(void)sent;
	w->pieces++;
	w->firsts += first;
	if (!first)
		buf_addc(&w->b, ' ');
	buf_add(&w->b, s, n);
}

static int
big_sentence_in_pieces(struct splitter *sp, const char *line)
{
	static const struct sp_sink one = { NULL, big_token, NULL, NULL },
	    pieces = { NULL, NULL, NULL, big_words };
	struct bigwords a = { { 0 }, 0, 0 }, b = { { 0 }, 0, 0 };
	int ok;

	sp_line(sp, line, strlen(line), &one, &a);
	sp_line(sp, line, strlen(line), &pieces, &b);
	ok = b.pieces > 1 && b.firsts == 1 && a.b.len == b.b.len &&
	    a.b.len > 0 && memcmp(a.b.p, b.b.p, a.b.len) == 0;
	if (!ok)
		printf("# %d pieces, %d first, %zu and %zu bytes\n", b.pieces,
		    b.firsts, a.b.len, b.b.len);
	buf_free(&a.b);
	buf_free(&b.b);
	return ok;
}

/* the splitter: each mode, the pieces in order with their numbers */
static void
test_splitter(void)
{
	struct splitter *s = sp_new(SP_SENTENCES, 0, 0),
	    *p = sp_new(SP_PARAGRAPHS, 0, SP_NFKC),
	    *w = sp_new(SP_WORDS, 1, 0);

	CHECK("splitter sentences", split_to(s, " 甲。  乙\t丙！",
	    "1:甲。|2:乙 丙！|"));
	CHECK("splitter paragraph, folded and NFKC", split_to(p,
	    "\xe3\x80\x80ＡＢ　１２。", "0:AB 12。|"));
	CHECK("splitter blank paragraph", split_to(p, " \xe3\x80\x80 ", ""));
	CHECK("splitter words with semicolons", split_to(w, "金昌市;5G。",
	    "1.1w:金昌市|1.2p:;|1.2.1l:5G|2.2p:。|2."));
	CHECK("splitter words one by one, of a Traditional sentence",
	    split_to(w, "金昌市;5G 。  ; 　;國際機場的  航班。",
	    "1.1w:金昌市|1.2p:;|1.2.1l:5G|2.2p:。|2.3p:;|2.3.1p:;|3.2w:國際|"
	    "3.3w:機場|3.4w:的|3.5w:航班|3.6p:。|3."));
	CHECK("splitter words joined, of a Traditional sentence too",
	    join_to(w, "金昌市;5G 。  ; 　;國際機場的  航班。",
	    "1:金昌市 ;|1.2:5G 。 ;|2.3:; 國際 機場 的 航班 。|3."));
	{
		struct buf big = { 0 };
		size_t i;

		for (i = 0; i < 12000; i++)
			buf_add(&big, i % 5 ? "研究人员 " : "經濟發展", i % 5 ?
			    strlen("研究人员 ") : strlen("經濟發展"));
		buf_add(&big, "。", strlen("。"));
		CHECK("splitter words of a long Traditional sentence in pieces",
		    big_sentence_in_pieces(w, buf_cstr(&big)));
		big.len = 0;
		for (i = 0; i < 12000; i++)
			buf_add(&big, "研究人员 ", strlen("研究人员 "));
		CHECK("splitter words of a long sentence in pieces",
		    big_sentence_in_pieces(w, buf_cstr(&big)));
		buf_free(&big);
	}
	sp_free(s);
	sp_free(p);
	sp_free(w);
}

/* WET records from memory: each read by its length, whatever it holds
 * (and to the end of the line where the length ends) */
static void
test_warc_mem(void)
{
	static const char wet[] =
	    "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: a\r\n"
	    "Content-Length: 19\r\n\r\nWARC/1.0\nx\n\r\n\r\n1234\r\n\r\n"
	    "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: b\r\n"
	    "Content-Length: 2\r\n\r\nyz\r\n\r\n";
	struct buf uri = { 0 }, body = { 0 };
	struct reader r;
	unsigned long hdr;
	size_t chunk;
	int ok = 1;

	for (chunk = 0; chunk <= 3; chunk++) {
		rd_open_mem(&r, "w", wet, sizeof wet - 1, chunk, 0);
		ok &= warc_next(&r, &uri, &body, &hdr) && hdr == 1 &&
		    uri.len == 1 && uri.p[0] == 'a' && body.len == 21 &&
		    memcmp(body.p, "WARC/1.0\nx\n\r\n\r\n1234\r\n", 21) == 0;
		ok &= warc_next(&r, &uri, &body, &hdr) && hdr == 12 &&
		    uri.p[0] == 'b' && body.len == 4 && !warc_next(&r, &uri,
		    &body, &hdr) && exit_status == 0;
		rd_close(&r);
	}
	CHECK("warc: records by their length, in reads of any size", ok);
	buf_free(&uri);
	buf_free(&body);
}

static void
test_jsonl(void)
{
	struct jsonl_spec sp = { 0 };
	struct jsonl_doc d;
	char err[200];
	const char *good = "{\"id\":7,\"url\":\"http://x.cn/a\",\"text\":\"甲\\n乙\"}";
	const char *content = "{\"content\":\"c\"}";

	jsonl_doc_init(&d, &sp);
	CHECK("jsonl parse", jsonl_parse(&sp, good, strlen(good), &d, err,
	    sizeof err) == 0 && d.id.len == 1 && d.id.p[0] == '7' &&
	    d.text.len == 7 && d.url.len == 13);
	CHECK("jsonl content and a key from the content", jsonl_parse(&sp,
	    content, strlen(content), &d, err, sizeof err) == 0 &&
	    d.id.len == JSONL_KEY_LEN && d.id.p[0] == '#' && d.url.len == 0);
	CHECK("jsonl invalid", jsonl_parse(&sp, "{\"text\":", 8, &d, err,
	    sizeof err) < 0 && strstr(err, "invalid JSON") != NULL);
	CHECK("jsonl no text", jsonl_parse(&sp, "{\"a\":1}", 7, &d, err,
	    sizeof err) < 0);
	CHECK("jsonl not object", jsonl_parse(&sp, "[1]", 3, &d, err,
	    sizeof err) < 0);
	jsonl_doc_free(&d, &sp);
}

/* jsonl_parse: what unread fields hold never decides; keys from content */
static int
jsonl_ok(struct jsonl_spec *sp, struct jsonl_doc *d, const char *line)
{
	char err[200];

	if (jsonl_parse(sp, line, strlen(line), d, err, sizeof err) < 0) {
		printf("# %s: %s\n", line, err);
		return 0;
	}
	return 1;
}

static int
jsonl_err(struct jsonl_spec *sp, struct jsonl_doc *d, const char *line,
    const char *want)
{
	char err[200];

	if (jsonl_parse(sp, line, strlen(line), d, err, sizeof err) == 0)
		return 0;
	if (strstr(err, want) == NULL)
		printf("# %s: %s\n", line, err);
	return strstr(err, want) != NULL;
}

static void
test_jsonl_unread(void)
{
	static char *keep[] = { "n", "t" };
	struct jsonl_spec sp = { 0 }, ksp = { NULL, NULL, keep, 2 };
	struct jsonl_doc d, k;
	char key[JSONL_KEY_LEN + 1];

	jsonl_doc_init(&d, &sp);
	jsonl_doc_init(&k, &ksp);
	CHECK("jsonl huge integer unread", jsonl_ok(&sp, &d,
	    "{\"v\":18446744073709551615,\"text\":\"a\"}") && d.text.len == 1);
	CHECK("jsonl real overflow unread", jsonl_ok(&sp, &d,
	    "{\"v\":[1e400,-1E+999],\"text\":\"a\"}"));
	CHECK("jsonl duplicate key unread", jsonl_ok(&sp, &d,
	    "{\"v\":1,\"v\":{\"w\":1,\"w\":2},\"text\":\"a\"}"));
	CHECK("jsonl NUL in key unread", jsonl_ok(&sp, &d,
	    "{\"\\u0000\":1,\"text\":\"a\"}"));
	CHECK("jsonl key with escapes read", jsonl_ok(&sp, &d,
	    "{\"\\u0074ext\":\"b\"}") && d.text.len == 1 && d.text.p[0] == 'b');
	CHECK("jsonl key with colon", jsonl_ok(&sp, &d,
	    "{\"a:b\":1,\"text\":\"c\"}") && d.text.p[0] == 'c');
	CHECK("jsonl huge number kept as written", jsonl_ok(&ksp, &k,
	    "{\"n\":-12345678901234567890123,\"t\":1.5,\"text\":\"\"}") &&
	    k.keep[0].len == 24 && memcmp(k.keep[0].p, "-12345678901234567890123",
	    24) == 0 && k.keep[1].len == 3 && k.text.len == 0);
	CHECK("jsonl surrogate pair and lone one", jsonl_ok(&sp, &d,
	    "{\"text\":\"\\ud83d\\ude00\\udc00\"}") && d.repaired &&
	    d.text.len == 7 && memcmp(d.text.p, "\xf0\x9f\x98\x80\xef\xbf\xbd",
	    7) == 0);
	CHECK("jsonl text read twice", jsonl_err(&sp, &d,
	    "{\"text\":\"a\",\"text\":\"b\"}", "appears twice"));
	CHECK("jsonl bad number", jsonl_err(&sp, &d,
	    "{\"v\":01,\"text\":\"a\"}", "invalid JSON"));
	CHECK("jsonl trailing comma", jsonl_err(&sp, &d,
	    "{\"v\":[1,],\"text\":\"a\"}", "invalid JSON"));
	CHECK("jsonl control character", jsonl_err(&sp, &d,
	    "{\"text\":\"a\tb\"}", "invalid JSON"));
	CHECK("jsonl trailing garbage", jsonl_err(&sp, &d,
	    "{\"text\":\"a\"} x", "invalid JSON"));
	CHECK("jsonl scalar", jsonl_err(&sp, &d, "\"x\"", "invalid JSON"));
	CHECK("jsonl array", jsonl_err(&sp, &d, "[{\"text\":\"a\"}]",
	    "not a JSON object"));
	/* the fallback key: the same object, the same key; another, another */
	CHECK("jsonl key from content", jsonl_ok(&sp, &d,
	    " {\"text\":\"a\"} ") && d.id.len == JSONL_KEY_LEN);
	memcpy(key, d.id.p, JSONL_KEY_LEN);
	CHECK("jsonl key from content is stable", jsonl_ok(&sp, &d,
	    "{\"text\":\"a\"}") && memcmp(key, d.id.p, JSONL_KEY_LEN) == 0);
	CHECK("jsonl key from content differs", jsonl_ok(&sp, &d,
	    "{\"text\":\"b\"}") && memcmp(key, d.id.p, JSONL_KEY_LEN) != 0);
	CHECK("jsonl empty id falls back", jsonl_ok(&sp, &d,
	    "{\"id\":\"\",\"text\":\"a\"}") && d.id.p[0] == '#');
	jsonl_doc_free(&d, &sp);
	jsonl_doc_free(&k, &ksp);
}

/* the original span, as text, of bytes [b, e) of the converted line */
static int
back_is(struct simplify *sp, const char *orig, size_t b, size_t e,
    const char *want)
{
	simp_back(sp, &b, &e);
	if (e - b != strlen(want) || memcmp(orig + b, want, e - b) != 0) {
		printf("# simp_back: got '%.*s', want '%s'\n", (int)(e - b),
		    orig + b, want);
		return 0;
	}
	return 1;
}

static int
back_cp_is(struct simplify *sp, size_t b, size_t e, size_t wb, size_t we)
{
	simp_back_cp(sp, &b, &e);
	if (b != wb || e != we)
		printf("# simp_back_cp: got [%zu, %zu), want [%zu, %zu)\n", b, e,
		    wb, we);
	return b == wb && e == we;
}

/* The conversion through OpenCC, the table that says which lines need
 * it, and the map back; then a dictionary of our own whose words change
 * length, for the map of such lines. */
static void
test_simplify(void)
{
	struct simplify *sp = simp_new();
	const char *in = "香港特別行政區政府", *simp = "国家发展", *out;
	const char *mix = "A臺灣𠀋b", *hk = "衞生署着手";
	char dir[] = "/tmp/zhpipe-simp.XXXXXX", path[256];
	FILE *f;
	size_t n;

	CHECK("simplify: 國 changes", simp_changes(0x570B));
	CHECK("simplify: 国 does not", !simp_changes(0x56FD));
	CHECK("simplify: ASCII does not", !simp_changes('A'));
	{
		/* the last character grows from 3 bytes to 4: the end moves */
		const char *grow = "九䝝九䮝";
		size_t gl;

		out = simp_line(sp, grow, strlen(grow), &gl);
		CHECK("simplify: a last character that grows maps back to the end",
		    gl == strlen(grow) + 1 && back_is(sp, grow, 6, gl, "九䮝") &&
		    back_cp_is(sp, 2, 4, 2, 4));
	}
	CHECK("simplify: Simplified needs nothing", !simp_needed(simp,
	    strlen(simp)));
	CHECK("simplify: Traditional needs it", simp_needed(in, strlen(in)));
	{	/* every code point, alone and between Simplified ones */
		long bad = 0;
		uint32_t c;

		for (c = 1; c < 0x110000; c++) {
			struct buf b = { 0 };
			int want = simp_changes(c);

			if (c >= 0xD800 && c <= 0xDFFF)
				continue;
			utf8_put(&b, c);
			bad += simp_needed(b.p, b.len) != want;
			b.len = 0;
			buf_add(&b, "中", strlen("中"));
			utf8_put(&b, c);
			buf_add(&b, "国人", strlen("国人"));
			bad += simp_needed(b.p, b.len) != want;
			buf_free(&b);
		}
		CHECK("simplify: simp_needed says what simp_changes says of "
		    "every code point", bad == 0);
	}
	out = simp_line(sp, simp, strlen(simp), &n);
	CHECK("simplify: Simplified line is the line", out == simp &&
	    n == strlen(simp) && !simp_changed(sp));
	out = simp_line(sp, in, strlen(in), &n);
	CHECK("simplify: converted", simp_changed(sp) &&
	    n == strlen("香港特别行政区政府") &&
	    memcmp(out, "香港特别行政区政府", n) == 0);
	CHECK("simplify: 特别 back", back_is(sp, in, 6, 12, "特別"));
	CHECK("simplify: code points back", back_cp_is(sp, 2, 4, 2, 4));
	out = simp_line(sp, mix, strlen(mix), &n);
	CHECK("simplify: mixed line", n == strlen("A台湾𠀋b") &&
	    memcmp(out, "A台湾𠀋b", n) == 0);
	CHECK("simplify: mixed back", back_is(sp, mix, 1, 7, "臺灣") &&
	    back_is(sp, mix, 7, 12, "𠀋b"));
	out = simp_line(sp, hk, strlen(hk), &n);
	CHECK("simplify: Hong Kong forms", n == strlen("卫生署着手") &&
	    memcmp(out, "卫生署着手", n) == 0);
	out = simp_line(sp, "", 0, &n);
	CHECK("simplify: empty line", n == 0 && !simp_changed(sp));
	CHECK("simplify: 么 and 抬 are Simplified", !simp_needed("什么抬头",
	    strlen("什么抬头")));
	out = simp_line(sp, "他說什么？抬頭", strlen("他說什么？抬頭"), &n);
	CHECK("simplify: Simplified characters kept in a converted line",
	    n == strlen("他说什么？抬头") &&
	    memcmp(out, "他说什么？抬头", n) == 0);
	{
		/* two of them share the converters; each works after the
		 * other is freed, and a new one opens them again */
		struct simplify *two = simp_new();
		size_t n2;

		out = simp_line(two, in, strlen(in), &n2);
		CHECK("simplify: a second one converts alike", n2 == strlen("香港特别行政区政府") &&
		    memcmp(out, "香港特别行政区政府", n2) == 0);
		simp_free(sp);
		out = simp_line(two, hk, strlen(hk), &n2);
		CHECK("simplify: the second one after the first is freed",
		    n2 == strlen("卫生署着手") &&
		    memcmp(out, "卫生署着手", n2) == 0);
		simp_free(two);
		sp = simp_new();
		out = simp_line(sp, in, strlen(in), &n2);
		CHECK("simplify: opened again after all were freed",
		    n2 == strlen("香港特别行政区政府") &&
		    memcmp(out, "香港特别行政区政府", n2) == 0);
	}
	simp_free(sp);

	/* 甲乙 -> 丙 (shorter), 丁 -> 戊己 (longer), 庚 -> 辛 */
	if (mkdtemp(dir) == NULL) {
		CHECK("simplify: temporary directory", 0);
		return;
	}
	snprintf(path, sizeof path, "%s/d.txt", dir);
	f = fopen(path, "w");
	fputs("甲乙\t丙\n丁\t戊己\n庚\t辛\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/c.json", dir);
	f = fopen(path, "w");
	fputs("{\"name\":\"t\",\"segmentation\":{\"type\":\"mmseg\",\"dict\":"
	    "{\"type\":\"text\",\"file\":\"d.txt\"}},\"conversion_chain\":"
	    "[{\"dict\":{\"type\":\"text\",\"file\":\"d.txt\"}}]}\n", f);
	fclose(f);
	{
		const char *const chain[] = { path };
		/* 庚 甲 乙 庚 , 丁 庚 , 甲 */
		const char *t = "庚甲乙庚,丁庚,甲";

		sp = simp_new_chain(chain, 1);
		out = simp_line(sp, t, strlen(t), &n);
		CHECK("simplify: lengths change", n == strlen("辛丙辛,戊己辛,甲") &&
		    memcmp(out, "辛丙辛,戊己辛,甲", n) == 0);
		/* 辛 丙 辛 , 戊 己 辛 , 甲 */
		CHECK("simplify: before a shorter piece",
		    back_cp_is(sp, 0, 1, 0, 1));
		CHECK("simplify: the shorter piece", back_cp_is(sp, 1, 2, 1, 3));
		CHECK("simplify: after it", back_cp_is(sp, 2, 3, 3, 4));
		CHECK("simplify: inside a longer piece",
		    back_cp_is(sp, 4, 5, 5, 6) && back_cp_is(sp, 5, 6, 5, 6));
		CHECK("simplify: across it", back_cp_is(sp, 4, 7, 5, 7));
		CHECK("simplify: the rest", back_cp_is(sp, 7, 9, 7, 9));
		CHECK("simplify: empty span at the end",
		    back_cp_is(sp, 9, 9, 9, 9));
		CHECK("simplify: bytes of the shorter piece",
		    back_is(sp, t, 3, 6, "甲乙"));
		CHECK("simplify: bytes of the longer piece",
		    back_is(sp, t, 10, 16, "丁"));
		simp_free(sp);
	}
	unlink(path);
	snprintf(path, sizeof path, "%s/d.txt", dir);
	unlink(path);
	rmdir(dir);
}

static void
test_textnorm(void)
{
	struct textnorm *tn = tn_new(TN_NFKC);
	struct buf b = { 0 };
	const char *in = "\xef\xbc\xa1\xef\xbc\x91國家";

	CHECK("textnorm none is NULL", tn_new(0) == NULL);
	tn_apply(tn, in, strlen(in), &b);
	CHECK("textnorm NFKC", b.len == 8 && memcmp(b.p, "A1國家", 8) == 0);
	buf_free(&b);
	tn_free(tn);
}

/* ICU's NFKC of s[0..n), the reference for the short cut */
static size_t
icu_nfkc(const UNormalizer2 *nf, const char *s, size_t n, char *out, size_t cap)
{
	UChar u[256], v[1024];
	int32_t ul, vl, ol;
	UErrorCode st = U_ZERO_ERROR;

	u_strFromUTF8(u, 256, &ul, s, (int32_t)n, &st);
	vl = unorm2_normalize(nf, u, ul, v, 1024, &st);
	u_strToUTF8(out, (int32_t)cap, &ol, v, vl, &st);
	return U_FAILURE(st) ? (size_t)-1 : (size_t)ol;
}

/* NFKC piece by piece must equal ICU on the whole string: every code
 * point of planes 0-2 between contexts that compose (a letter before a
 * combining mark, Hangul jamo, full-width forms), then random strings
 * of characters that interact. */
static void
test_nfkc_pieces(void)
{
	static const char *const ctx[] = {
		"", "a", "中", "e", "\xcc\x81", "，", "\xe1\x84\x80", "\xe1\x85\xa1",
	};
	static const UChar32 pool[] = {
		'a', 'A', 'e', '1', ' ', 0x301, 0x300, 0x323, 0x302, 0x1100,
		0x1161, 0x11A8, 0xAC00, 0xAC01, 0x4E2D, 0xFF0C, 0xFF21, 0x3000,
		0x2460, 0x3300, 0x33FF, 0xFB01, 0x1E0A, 0x0CCA, 0x0CC6, 0x0CD5,
		0x0CC2, 0x09C7, 0x09BE, 0x0B47, 0x0B56, 0x3099, 0x304B, 0x309B,
		0xFF76, 0xFF9E, 0x212B, 0x00C5, 0x0345, 0x03B1, 0x1F00, 0x0F73,
		0x0F71, 0x0F72, 0x1D15E, 0x1D165, 0x2F800, 0xFA10, 0x00A0,
		0x0627, 0x0653, 0x05D0, 0x05B7, 0x0E33, 0x1175, 0x11C2,
	};
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nf = unorm2_getNFKCInstance(&st);
	struct textnorm *tn = tn_new(TN_NFKC);
	struct buf b = { 0 };
	char want[4096], s[64];
	long bad = 0, k;
	uint32_t c;
	size_t x, y;

	for (c = 1; c < 0x30000; c++) {
		int32_t l = 0;
		char cs[4];

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		U8_APPEND_UNSAFE(cs, l, c);
		for (x = 0; x < 8; x++)
			for (y = 0; y < 8; y++) {
				size_t n = 0, w;

				memcpy(s, ctx[x], strlen(ctx[x]));
				n = strlen(ctx[x]);
				memcpy(s + n, cs, (size_t)l);
				n += (size_t)l;
				memcpy(s + n, ctx[y], strlen(ctx[y]));
				n += strlen(ctx[y]);
				tn_apply(tn, s, n, &b);
				w = icu_nfkc(nf, s, n, want, sizeof want);
				bad += b.len != w || memcmp(b.p, want, w) != 0;
			}
	}
	CHECK("NFKC short cut equals ICU, every code point in context",
	    bad == 0);
	srand(1);
	for (bad = 0, k = 0; k < 200000; k++) {
		int32_t n = 0;
		int len = 1 + rand() % 8, j;
		size_t w;

		for (j = 0; j < len; j++) {
			UChar32 cp = pool[rand() % (int)(sizeof pool / sizeof *pool)];

			U8_APPEND_UNSAFE(s, n, cp);
		}
		tn_apply(tn, s, (size_t)n, &b);
		w = icu_nfkc(nf, s, (size_t)n, want, sizeof want);
		bad += b.len != w || memcmp(b.p, want, w) != 0;
	}
	CHECK("NFKC short cut equals ICU on random composing strings", bad == 0);
	buf_free(&b);
	tn_free(tn);
}

/* Walk key through t: its node, or 0 when the path is not there. */
static uint32_t
trie_find(const struct trie *t, const char *key)
{
	size_t i = 0, n = strlen(key);
	uint32_t node = 0;

	while (i < n && (i == 0 || node))
		node = trie_child(t, node, utf8_next(key, n, &i));
	return node;
}

/* trie_insert in order, out of order, with repeats and keys longer than
 * its path: every key found, at the node it returned, nothing else. */
static void
test_trie_insert(void)
{
	static char longkey[3 * 70 + 1];
	const char *sorted[] = {
		"a", "ab", "abc", "abd", "b", "中", "中国", "中国", "中国人", "中文",
		longkey, longkey, "𠀀x", "𠀀y",
	};
	const char *mixed[] = { "中国", "a", "中国人", "ab", "a", "ｚ" };
	struct trie *t = trie_new(16);
	struct trie_cursor cur = { 0 };
	uint32_t got[16];
	size_t k;
	int ok = 1;

	for (k = 0; k < 70; k++)
		memcpy(longkey + 3 * k, k == 69 ? "尾" : "长", 3);
	for (k = 0; k < sizeof sorted / sizeof *sorted; k++)
		got[k] = trie_insert(t, &cur, sorted[k], strlen(sorted[k]));
	trie_insert_end(t, &cur);
	for (k = 0; k < sizeof sorted / sizeof *sorted; k++)
		ok &= got[k] != 0 && trie_find(t, sorted[k]) == got[k];
	ok &= got[6] == got[7] && got[10] == got[11];
	ok &= trie_find(t, "ac") == 0 && trie_find(t, "中国话") == 0 &&
	    trie_find(t, "𠀀z") == 0;
	CHECK("trie_insert, keys in byte order", ok);
	trie_free(t);

	t = trie_new(16);
	memset(&cur, 0, sizeof cur);
	ok = 1;
	for (k = 0; k < sizeof mixed / sizeof *mixed; k++)
		got[k] = trie_insert(t, &cur, mixed[k], strlen(mixed[k]));
	trie_insert_end(t, &cur);
	for (k = 0; k < sizeof mixed / sizeof *mixed; k++)
		ok &= got[k] != 0 && trie_find(t, mixed[k]) == got[k];
	ok &= got[1] == got[4] && trie_nodes(t) == 1 + 3 + 2 + 1;
	CHECK("trie_insert, keys out of order", ok);
	trie_free(t);
}

static uint32_t
first_cp(const char *s)
{
	size_t i = 0;

	return utf8_next(s, strlen(s), &i);
}

/* The dense trie of trie_da_build has the edges of the trie and no
 * other, with each node's value in its cell and its aux beside it: keys with a node of many
 * children, walked with strings made of the keys' characters and
 * others; a trie with an edge beyond the BMP gets none. */
static void
test_trie_da(void)
{
	static const char *const ch[] = {
		"中", "国", "人", "民", "大", "学", "a", "b", "ｚ", "長", "〇",
	};
	const size_t nch = sizeof ch / sizeof *ch;
	struct trie *t = trie_new(16);
	struct trie_da *d;
	float val[4096];
	uint32_t aux[4096], seed = 777, c;
	size_t k, steps = 0;
	int ok = 1;

	/* every pair of characters but one; longer keys at random */
	for (k = 0; k < nch * nch; k++)
		if (k != 5)
			trie_add(t, trie_add(t, 0, first_cp(ch[k / nch])),
			    first_cp(ch[k % nch]));
	for (k = 0; k < 300; k++) {
		uint32_t node = 0;
		int j, len;

		seed = seed * 1103515245u + 12345u;
		len = 1 + (int)(seed >> 16) % 6;
		for (j = 0; j < len; j++) {
			seed = seed * 1103515245u + 12345u;
			node = trie_add(t, node, first_cp(ch[(seed >> 16) % (nch - 1)]));
		}
	}
	for (c = 0; c < trie_nodes(t); c++) {
		val[c] = (float)c / 8;
		aux[c] = c * 2654435761u;
	}
	d = trie_da_build(t, val, NULL, aux);
	ok = d != NULL && d->used == trie_nodes(t) && d->cell[0].val == 0 &&
	    d->aux != NULL && d->aux[0] == 0;
	for (k = 0; k < 20000 && ok; k++) {
		uint32_t node = 0, s = 0;
		int j;

		for (j = 0; j < 8 && ok; j++) {
			seed = seed * 1103515245u + 12345u;
			c = first_cp(ch[(seed >> 16) % nch]);
			node = trie_child(t, node, c);
			s = trie_da_child(d, s, trie_da_code(d, c));
			ok &= (node == 0) == (s == 0) && (s == 0 ||
			    (d->cell[s].val == val[node] && d->aux[s] == aux[node]));
			steps++;
			if (node == 0)
				break;
		}
	}
	ok &= trie_da_child(d, 0, trie_da_code(d, 0x4E01)) == 0 && steps > 40000;
	CHECK("trie_da: the trie's edges and values, and no others", ok);
	trie_da_free(d);
	d = trie_da_build(t, val, NULL, NULL);
	CHECK("trie_da: no aux when none is given", d != NULL && d->aux == NULL);
	trie_da_free(d);
	trie_add(t, 0, 0x20000);
	CHECK("trie_da: none for an edge beyond the BMP",
	    trie_da_build(t, val, NULL, NULL) == NULL);
	trie_free(t);
}

struct prefixes {
	int pairs, triples, ok;
};

static void
on_pair(void *arg, uint32_t a, uint32_t b, uint32_t node)
{
	struct prefixes *x = arg;

	x->pairs++;
	/* 北京 (北京市 under it) and 上海; node is the node of the pair */
	x->ok &= ((a == 0x5317 && b == 0x4EAC) || (a == 0x4E0A && b == 0x6D77)) &&
	    node != 0;
}

static void
on_triple(void *arg, uint32_t a, uint32_t b, uint32_t c)
{
	struct prefixes *x = arg;

	x->triples++;
	x->ok &= a == 0x5317 && b == 0x4EAC && c == 0x5E02;	/* 北京市 */
}

/* trie_pairs and trie_triples give the first two and three code points
 * of the keys that have them, once each, and nothing of shorter keys */
static void
test_trie_prefixes(void)
{
	const char *keys[] = { "上海", "北京", "北京市", "北京市区", "南" };
	struct trie *t = trie_new(16);
	struct trie_cursor cur = { 0 };
	struct prefixes x = { 0, 0, 1 };
	size_t k;

	for (k = 0; k < sizeof keys / sizeof *keys; k++)
		trie_insert(t, &cur, keys[k], strlen(keys[k]));
	trie_insert_end(t, &cur);
	trie_pairs(t, on_pair, &x);
	trie_triples(t, on_triple, &x);
	CHECK("trie_pairs and trie_triples", x.ok && x.pairs == 2 && x.triples == 1);
	trie_free(t);
}

/* The gazetteer's filters of where a name may begin let through every
 * name's first two code points (and its first three, or its two and the
 * end), and turn most other pairs away. */
static void
test_gazetteer_filters(void)
{
	static const char *const names[] = { "北京市", "浦东新区", "张江镇", "武威市", "凉州区" };
	struct wordseg *ws = ws_new();
	struct gazetteer *gz = gz_load(NULL, ws);
	int ok = gz != NULL, away = 0, k;
	uint32_t c[4];

	for (k = 0; ok && k < 5; k++) {
		size_t i = 0, n = strlen(names[k]);
		int j;

		for (j = 0; j < 3; j++)
			c[j] = utf8_next(names[k], n, &i);
		ok &= gz_may_pair(gz, c[0], c[1]) && gz_triple(gz, c[0], c[1], c[2]);
	}
	/* pairs of Latin letters begin no name: nearly all are turned away */
	for (k = 0; ok && k < 26 * 26; k++)
		away += !gz_may_pair(gz, 'a' + k / 26, 'a' + k % 26);
	CHECK("gazetteer: the filters let every name through", ok);
	CHECK("gazetteer: the filters turn other pairs away", away > 26 * 26 * 9 / 10);
	gz_free(gz);
	ws_free(ws);
}

struct stopper {
	struct wordseg *ws;
	int n;
};

static void
on_tok_stop(void *arg, size_t b, size_t e, enum toktype t)
{
	struct stopper *st = arg;

	(void)b, (void)e, (void)t;
	if (++st->n == 2)
		ws_stop(st->ws);
}

/* ws_stop in the callback: no token after that one, and the next cut
 * starts afresh */
static void
test_ws_stop(void)
{
	static const char text[] = "武威市凉州区的学生在兰州上学。";
	struct stopper st = { ws_new(), 0 };

	ws_cut(st.ws, text, sizeof text - 1, on_tok_stop, &st);
	CHECK("ws_stop: no token after the one that stopped", st.n == 2);
	st.n = 0;
	ws_cut(st.ws, text, sizeof text - 1, on_tok_stop, &st);
	CHECK("ws_stop: the next cut is whole until it stops again", st.n == 2);
	CHECK("ws_stop: a cut that does not stop gives every token",
	    cut_is(st.ws, "武威市凉州区", "武威市/w 凉州区/w"));
	ws_free(st.ws);
}

/* Cut n strings of up to most pieces drawn from piece[0..npiece) (a
 * fixed seed: the same strings every run) with x and with y; 1 when
 * every cut is the same (else the first that differs is printed, under
 * the names xname and yname). *with counts the cuts by x that hold one
 * of the words of mark[0..nmark). */
static int
cuts_alike(struct wordseg *x, struct wordseg *y, const char *const *piece,
    size_t npiece, uint32_t seed, int n, int most, const char *xname,
    const char *yname, const char *const *mark, size_t nmark, int *with)
{
	int k;
	size_t i;

	for (k = 0; k < n; k++) {
		char in[160];
		size_t len = 0;
		int j, m;
		struct toks a = { "", in }, b = { "", in };

		seed = seed * 1103515245u + 12345u;
		m = 1 + (int)(seed >> 16) % most;
		for (j = 0; j < m; j++) {
			const char *p;

			seed = seed * 1103515245u + 12345u;
			p = piece[(seed >> 16) % npiece];
			if (len + strlen(p) + 1 >= sizeof in)
				break;
			memcpy(in + len, p, strlen(p));
			len += strlen(p);
		}
		in[len] = '\0';
		ws_cut(x, in, len, on_tok, &a);
		ws_cut(y, in, len, on_tok, &b);
		if (strcmp(a.s, b.s) != 0) {
			printf("# %s\n#   %s: %s\n#   %s: %s\n", in, xname, a.s,
			    yname, b.s);
			return 0;
		}
		for (i = 0; i < nmark; i++)
			if (strstr(a.s, mark[i]) != NULL) {
				++*with;
				break;
			}
	}
	return 1;
}

/* The cut on the prebuilt list's dense trie is the cut on its hash
 * trie: strings of characters that make many words of the list (and
 * numerals, a character beyond the BMP, one on no word, Latin). */
static void
test_dense_cut(void)
{
	static const char *const piece[] = {
		"中", "华", "人", "民", "共", "和", "国", "大", "学", "生", "活",
		"动", "力", "量", "子", "的", "一", "是", "不", "了", "在", "有",
		"上", "海", "北", "京", "市", "长", "江", "桥", "研", "究", "命",
		"三", "十", "万", "𠀀", "〇", "乂", "a", "，", "。", "经", "济",
		"发", "展", "改", "革", "开", "放", "新", "闻", "记", "者",
		"人民", "共和国", "研究", "大学生", "经济", "改革开放", "新闻记者",
		"长江大桥", "北京市", "生命力",
	};
	/* words of three or more characters */
	static const char *const longer[] = { "共和国/w", "改革开放/w" };
	struct wordseg *dense = ws_new(), *hash = ws_new();
	int same, words = 0;

	ws_dense(hash, 0);
	same = cuts_alike(dense, hash, piece, sizeof piece / sizeof *piece,
	    4242, 3000, 40, "dense", "hash", longer,
	    sizeof longer / sizeof *longer, &words);
	CHECK("words: the dense trie cuts as the hash trie does",
	    same && words > 0);
	ws_free(dense);
	ws_free(hash);
}

/* ws_join appends the tokens of ws_cut, a space between each two:
 * strings of Han words and characters, numerals, Latin and numbers of
 * every length to 30 bytes (the short copies part at 1, 2, 4, 8 and 16
 * bytes), URLs, punctuation runs, spaces and tabs, a character beyond
 * the BMP; appended after what out holds, and into an empty out. */
struct joinref {
	struct buf b;
	const char *src;
	size_t start;
};

static void
on_join(void *arg, size_t b, size_t e, enum toktype t)
{
	struct joinref *r = arg;

	(void)t;
	if (r->b.len > r->start)
		buf_addc(&r->b, ' ');
	buf_add(&r->b, r->src + b, e - b);
}

/* ws_join's out is full: what it holds added to the pieces so far */
static void
join_full(void *arg, struct buf *out)
{
	struct buf *pieces = arg;

	if (pieces->len > 0)
		buf_addc(pieces, ' ');
	buf_add(pieces, out->p, out->len);
}

static void
test_join(void)
{
	static const char *const piece[] = {
		"中", "华", "人民", "共和国", "研究", "改革开放", "新闻记者",
		"十", "三", "万", "𠀀", "乂", "，", "。", "。。", "!!", "……",
		" ", "\t", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh",
		"abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq",
		"abcdefghijklmnopqrstuvwxyz1234", "1", "12", "2022", "1,234.5",
		"99.06%", "5G", "http://a.cn/x", "www.a.cn", "а", "ы", "é",
	};
	struct wordseg *ws = ws_new();
	struct buf got = { 0 }, pieces = { 0 };
	uint32_t seed = 777;
	int k, same = 1, first = 1, split = 0;

	for (k = 0; k < 3000 && same; k++) {
		char in[200];
		size_t len = 0;
		int j, m;
		struct joinref want = { { 0 }, in, 0 };

		seed = seed * 1103515245u + 12345u;
		m = 1 + (int)(seed >> 16) % 30;
		for (j = 0; j < m; j++) {
			const char *p;

			seed = seed * 1103515245u + 12345u;
			p = piece[(seed >> 16) % (sizeof piece / sizeof *piece)];
			if (len + strlen(p) + 1 >= sizeof in)
				break;
			memcpy(in + len, p, strlen(p));
			len += strlen(p);
		}
		in[len] = '\0';
		got.len = 0;
		if (k % 2)	/* after what is there */
			buf_add(&got, "x\ty", 3);
		buf_add(&want.b, got.p, got.len);
		want.start = got.len;
		ws_cut(ws, in, len, on_join, &want);
		ws_join(ws, in, len, &got, k % 3 ? SIZE_MAX : 8, join_full,
		    &pieces);
		if (pieces.len > 0) {	/* the pieces before got's */
			if (got.len > 0)
				buf_addc(&pieces, ' ');
			buf_add(&pieces, got.p, got.len);
			got.len = 0;
			buf_add(&got, pieces.p, pieces.len);
			pieces.len = 0;
			split++;
		}
		same = got.len == want.b.len && (got.len == 0 ||
		    memcmp(got.p, want.b.p, got.len) == 0);
		if (!same)
			printf("# %s\n#   join: %.*s\n#   cut:  %.*s\n", in,
			    (int)got.len, got.p, (int)want.b.len, want.b.p);
		first &= want.b.len > 0;
		buf_free(&want.b);
	}
	CHECK("words: ws_join joins the tokens of ws_cut", same && !first &&
	    split > 0);
	buf_free(&got);
	buf_free(&pieces);
	ws_free(ws);
}

struct pfx {
	char s[4096];
	size_t len;
	size_t skip;		/* on_pfx_past: the words of more code points */
};

static void
on_pfx(void *arg, size_t len, const char *tag, double freq)
{
	struct pfx *p = arg;

	p->len += (size_t)snprintf(p->s + p->len, sizeof p->s - p->len,
	    "%zu/%s/%a ", len, tag, freq);
	if (p->len >= sizeof p->s)
		p->len = sizeof p->s - 1;
}

static void
on_pfx_past(void *arg, size_t len, const char *tag, double freq)
{
	if (len > ((struct pfx *)arg)->skip)
		on_pfx(arg, len, tag, freq);
}

/* out_ulong writes what printf writes, the numbers of three digits or
 * fewer (put in the buffer as made) and the longer ones; the buffer is
 * emptied after each, never written out. */
static void
test_out_ulong(void)
{
	static const unsigned long edge[] = { 0, 9, 10, 99, 100, 999, 1000,
	    1001, 65535, 4294967295UL, (unsigned long)-1 };
	char want[32];
	unsigned long v;
	size_t k;
	int same = 1;

	for (k = 0; k < 2000 + sizeof edge / sizeof *edge; k++) {
		v = k < 2000 ? k : edge[k - 2000];
		out_buf.len = 0;
		out_ulong(v);
		snprintf(want, sizeof want, "%lu", v);
		if (out_buf.len != strlen(want) ||
		    memcmp(out_buf.p, want, out_buf.len) != 0)
			same = 0;
	}
	out_buf.len = 0;
	CHECK("out_ulong: the digits printf gives", same);
}

/* The look-ups on the prebuilt list's dense trie (its words' tags and
 * frequencies beside the cells) answer as those on its hash trie: every
 * word of a stretch of the built-in list and strings of characters
 * that make many words (and a character beyond the BMP, one on no word,
 * Latin, an empty string). */
static void
test_dense_lookup(void)
{
	extern const char zh_words_data[];
	extern const unsigned long zh_words_size;
	static const char *const piece[] = {
		"中", "华", "人", "民", "共", "和", "国", "大", "学", "生", "活",
		"一", "是", "不", "了", "在", "有", "三", "十", "万", "个", "两",
		"上", "海", "北", "京", "市", "长", "江", "桥", "国家", "名",
		"𠀀", "乂", "B", "超", "C++", "，",
	};
	struct wordseg *dense = ws_new(), *hash = ws_new();
	const char *p = zh_words_data, *end = p + zh_words_size;
	uint32_t seed = 99, cp[64];
	int k, same = 1, words = 0, tagged = 0, past = 0;

	ws_dense(hash, 0);
	for (k = 0; k < 6000 && same; k++) {
		char in[256];
		size_t len = 0, i = 0, m = 0;
		struct pfx a = { "", 0, 0 }, b = { "", 0, 0 };
		size_t skip;
		double fa, fb;
		const char *ta, *tb, *ta2, *tb2;

		if (k % 2 == 0 && p < end) {
			/* a row of the list: its word */
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			const char *tab = memchr(p, '\t', (size_t)((nl ? nl : end) - p));

			if (*p != '#' && tab && (size_t)(tab - p) < sizeof in) {
				len = (size_t)(tab - p);
				memcpy(in, p, len);
			}
			p = nl ? nl + 1 : end;
			/* skip ahead, to see words of the whole list */
			for (i = 0; i < 40 && p < end; i++) {
				nl = memchr(p, '\n', (size_t)(end - p));
				p = nl ? nl + 1 : end;
			}
		} else {
			int j, n;

			seed = seed * 1103515245u + 12345u;
			n = (int)(seed >> 16) % 8;
			for (j = 0; j < n; j++) {
				const char *q;

				seed = seed * 1103515245u + 12345u;
				q = piece[(seed >> 16) % (sizeof piece / sizeof *piece)];
				if (len + strlen(q) >= sizeof in)
					break;
				memcpy(in + len, q, strlen(q));
				len += strlen(q);
			}
		}
		in[len] = '\0';
		ta = ws_tag(dense, in, len);
		tb = ws_tag(hash, in, len);
		ta2 = ws_word(dense, in, len, &fa);
		tb2 = ws_word(hash, in, len, &fb);
		same &= (ta == NULL) == (tb == NULL) && (ta == NULL ||
		    strcmp(ta, tb) == 0) && ta2 == ta && tb2 == tb &&
		    ws_freq(dense, in, len) == ws_freq(hash, in, len) &&
		    fa == fb && fa == ws_freq(hash, in, len);
		words += ta != NULL;
		tagged += ta != NULL && *ta != '\0';
		for (i = 0; i < len && m < 64;)
			cp[m++] = utf8_next(in, len, &i);
		ws_prefixes(dense, cp, m, on_pfx, &a);
		ws_prefixes(hash, cp, m, on_pfx, &b);
		if (strcmp(a.s, b.s) != 0 || !same) {
			printf("# %s\n#   dense: %s\n#   hash: %s\n", in, a.s, b.s);
			same = 0;
		}
		/* the words past a length: those of ws_prefixes, on both */
		for (skip = 0; skip < 4; skip++) {
			struct pfx all = { "", 0, skip }, d = { "", 0, 0 },
			    h = { "", 0, 0 };

			ws_prefixes(hash, cp, m, on_pfx_past, &all);
			ws_prefixes_past(dense, cp, m, skip, on_pfx, &d);
			ws_prefixes_past(hash, cp, m, skip, on_pfx, &h);
			if (strcmp(all.s, d.s) != 0 || strcmp(all.s, h.s) != 0) {
				printf("# %s past %zu\n#   dense: %s\n#   hash: "
				    "%s\n", in, skip, d.s, h.s);
				same = 0;
			}
			past += skip > 0 && all.len > 0;
		}
	}
	CHECK("words: the dense trie's look-ups answer as the hash trie's",
	    zh_words_prebuilt.da != NULL && zh_words_prebuilt.da->aux != NULL &&
	    same && words > 2000 && tagged > 2000 && past > 2000);
	ws_free(dense);
	ws_free(hash);
}

/* The byte scan for plain ASCII tokens gives the tokens the token
 * pattern gives, on strings made of the characters where they could
 * part: letters that begin URLs, digits and thousands commas, joiners,
 * '@' after up to 70 characters, %, full-width letters, digits and
 * joiners, ‰, Han, spaces. A fixed seed: the same strings every run. */
static void
test_plain_latin(void)
{
	static const char *const piece[] = {
		"a", "Z", "h", "f", "w", "x", "0", "7", "12", ",", ".", ":", "-",
		"_", "/", "&", "'", "+", "%", "#", "@", " ", "ａ", "９", "．",
		"％", "‰", "中", "年", "http://", "www.", "ftp", "1,234",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "\t",
	};
	struct wordseg *fast = ws_new(), *slow = ws_new();
	int same, none = 0;

	ws_plain_latin(slow, 0);
	same = cuts_alike(fast, slow, piece, sizeof piece / sizeof *piece,
	    12345, 4000, 24, "scan", "pattern", NULL, 0, &none);
	CHECK("words: the byte scan cuts as the token pattern does", same);
	CHECK("words: the pattern alone still cuts",
	    cut_is(slow, "PM2.5和5G", "PM2.5/l 和/w 5G/l"));
	ws_free(fast);
	ws_free(slow);
}

static jmp_buf back;

static void
jump_back(int status)
{
	(void)status;
	longjmp(back, 1);
}

/* A refused state file is fatal in the tools; a caller that survives
 * die() (diag_die) finds everything freed: under the sanitizer build,
 * LeakSanitizer checks that at exit. */
static void
test_fatal_loads(void)
{
	char path[] = "/tmp/zhpipe-unit-fatal.XXXXXX";
	int fd = mkstemp(path), refused = 0;
	FILE *f;

	if (fd < 0)
		return;
	close(fd);
	diag_die = jump_back;
	f = fopen(path, "w");
	fputs("this is not a database, just text long enough to be read\n", f);
	fclose(f);
	refused = 0;
	if (setjmp(back) == 0)
		sdb_close(sdb_open(path, 0, 0));
	else
		refused = 1;
	CHECK("a file that is not a state refused, nothing left open", refused);
	diag_die = NULL;
	unlink(path);
}

/* The gz_name entries of a name, as "code:form,..." (form F for full,
 * S short, O former), or "" when the gazetteer has no such name. */
static void
gz_entries(const struct gazetteer *gz, const char *name, char *out, size_t cap)
{
	uint32_t node = 0, k;
	size_t i = 0, n = strlen(name), len = 0;

	out[0] = '\0';
	while (i < n)
		if ((node = trie_child(gz->trie, node, utf8_next(name, n, &i))) == 0)
			return;
	if (node >= gz->capnodes)
		return;
	for (k = gz->first[node]; k; k = gz->names[k - 1].next)
		len += (size_t)snprintf(out + len, cap - len, "%s%s:%c",
		    len ? "," : "", gz->r[gz->names[k - 1].region].code,
		    "FSO"[gz->names[k - 1].form]);
}

/* A gazetteer is loaded from rows; a bad one is reported with the
 * line of its first bad row and refused (NULL), everything freed (the
 * sanitizer build checks for leaks), the caller deciding what follows. */
static int
gz_refused_at(const char *text, unsigned long line)
{
	struct rows r;
	struct gazetteer *gz;
	int ok;

	rows_buf(&r, "unit", text, strlen(text), 0);
	gz = gz_read(&r, NULL);
	ok = gz == NULL && r.failed && r.lineno == line && exit_status == 1;
	rows_close(&r);
	gz_free(gz);
	exit_status = 0;
	return ok;
}

static void
test_gazetteer_load(void)
{
	static const struct {
		const char *what, *text;
		unsigned long line;	/* reported; 0: the whole file */
	} bad[] = {
		{ "gazetteer: four fields a row",
		    "62\tprovince\t甘肃省\t\n62\tprovince\t甘肃省\n", 2 },
		{ "gazetteer: codes are digits", "x\tprovince\t甘肃省\t\n", 1 },
		{ "gazetteer: a known level", "62\tstate\t甘肃省\t\n", 1 },
		{ "gazetteer: unknown parent, at its line",
		    "62\tprovince\t甘肃省\t\n6206\tcity\t武威市\t99\n", 2 },
		{ "gazetteer: a parent of a higher level",
		    "62\tcity\t甘肃省\t\n6206\tcity\t武威市\t62\n", 2 },
		{ "gazetteer: duplicate code",
		    "62\tprovince\t甘肃省\t\n62\tprovince\t甘肃\t\n", 2 },
		{ "gazetteer: former name of an unknown code",
		    "61\tformer\t旧省\t\n62\tprovince\t甘肃省\t\n", 1 },
		{ "gazetteer: invalid UTF-8", "\xff\xfe\n", 1 },
		{ "gazetteer: no divisions", "# nothing\n", 0 },
		{ "gazetteer: names without '/'", "62\tprovince\t甘肃/省\t\n", 1 },
		{ "gazetteer: names without ','",
		    "62\tprovince\t甘肃省\t\n6206\tcity\t武威,市\t62\n", 2 },
		{ "gazetteer: former names without ':'",
		    "62\tprovince\t甘肃省\t\n62\tformer\t甘:肃\t\n", 2 },
		{ "gazetteer: names without a full-width '/' (NFKC)",
		    "62\tprovince\t甘肃\xef\xbc\x8f省\t\n", 1 },
		{ "gazetteer: names without control characters",
		    "62\tprovince\t甘肃\r省\t\n", 1 },
	};
	static const char good[] = "# a comment\n"
	    "1\tprovince\t示例省\t\n"
	    "11\tcity\t北城市\t1\n"
	    "11\tformer\t老城市\t\n"
	    "111\ttown\t东镇\t11\n";
	struct gazetteer *gz = gz_load_buf("unit", good, strlen(good), NULL);
	struct buf b = { 0 };
	size_t k;
	int ok;

	ok = gz != NULL && gz->n == 3 && gz->r[2].parent == 1 &&
	    strcmp(gz->r[1].name, "北城市") == 0;
	if (ok) {
		gz_path(gz, 2, &b);
		ok = b.len == strlen("示例省/北城市/东镇") &&
		    memcmp(b.p, "示例省/北城市/东镇", b.len) == 0 &&
		    trie_find(gz->trie, "老城市") != 0 &&
		    trie_find(gz->trie, "北城") != 0;
	}
	CHECK("gazetteer from a buffer: divisions, parents, path, names", ok);
	buf_free(&b);
	gz_free(gz);
	for (k = 0; k < sizeof bad / sizeof *bad; k++)
		CHECK(bad[k].what, gz_refused_at(bad[k].text, bad[k].line));
	CHECK("gazetteer: a missing file is reported, not fatal",
	    gz_load("/nonexistent/regions.tsv", NULL) == NULL &&
	    exit_status == 1);
	exit_status = 0;
}

/* "variant" rows: another written form of a name, found as a full name
 * with its own short form; not a former name; refused for an unknown
 * code. Names in Traditional characters are taken as Simplified, as the
 * text is read: 灣仔區 adds nothing to 湾仔区. */
static void
test_gazetteer_variants(void)
{
	static const char tsv[] =
	    "81\tprovince\t香港特别行政区\t\n"
	    "8103\tcity\t新界\t81\n"
	    "810307\tcounty\t沙田区\t8103\n"
	    "810102\tcounty\t湾仔区\t81\n"
	    "810102\tvariant\t灣仔區\t81\n"
	    "810102\tvariant\t下環區\t81\n"
	    "810307\tvariant\t沙田區\t8103\n"
	    "81\tvariant\t香港特別行政區\t\n"
	    "810102\tformer\t湾仔旧区\t81\n";
	struct gazetteer *gz = gz_load_buf("unit", tsv, strlen(tsv), NULL);
	char got[256];

	CHECK("variant rows are no divisions", gz && gz->n == 4);
	if (gz == NULL)
		return;
	gz_entries(gz, "湾仔区", got, sizeof got);
	CHECK("a Traditional variant is its Simplified name, one entry",
	    strcmp(got, "810102:F") == 0);
	gz_entries(gz, "灣仔區", got, sizeof got);
	CHECK("names are held in Simplified characters", got[0] == '\0');
	gz_entries(gz, "下环区", got, sizeof got);
	CHECK("a variant is found as a full name", strcmp(got, "810102:F") == 0);
	gz_entries(gz, "下环", got, sizeof got);
	CHECK("a variant has its short form (區)", strcmp(got, "810102:S") == 0);
	gz_entries(gz, "沙田", got, sizeof got);
	CHECK("a short form shared by name and variant is one entry",
	    strcmp(got, "810307:S") == 0);
	gz_entries(gz, "澳门", got, sizeof got);
	CHECK("no name, no entry", got[0] == '\0');
	gz_entries(gz, "香港", got, sizeof got);
	CHECK("short form of 特別行政區", strcmp(got, "81:S") == 0);
	gz_entries(gz, "湾仔旧区", got, sizeof got);
	CHECK("former rows stay former", strcmp(got, "810102:O") == 0);
	gz_free(gz);
	CHECK("a variant of an unknown code refused", gz_refused_at(
	    "81\tprovince\t香港特别行政区\t\n8199\tvariant\t某区\t81\n", 2));
}

/* A former row's parent: the path of what the name was; a short form
 * of a former name that is no name today; an unknown parent refused. */
static void
test_gazetteer_former_paths(void)
{
	static const char tsv[] =
	    "32\tprovince\t江苏省\t\n"
	    "3202\tcity\t无锡市\t32\n"
	    "320205\tcounty\t锡山区\t3202\n"
	    "42\tprovince\t湖北省\t\n"
	    "4206\tcity\t襄阳市\t42\n"
	    "320205\tformer\t锡山市\t3202\n"
	    "4206\tformer\t襄樊市\t42\n"
	    "4206\tformer\t襄阳地区\t42\n";
	struct gazetteer *gz = gz_load_buf("unit", tsv, strlen(tsv), NULL);
	struct buf b = { 0 };
	char got[256];
	uint32_t node;
	const struct gz_name *x;

	CHECK("former rows with parents load", gz != NULL && gz->nformers == 3);
	if (gz == NULL)
		return;
	node = trie_find(gz->trie, "锡山市");
	x = node ? &gz->names[gz->first[node] - 1] : NULL;
	if (x && x->former)
		gz_former_path(gz, x->former, &b);
	CHECK("a former name's path says what it was",
	    x && x->region == 2 && b.len == strlen("江苏省/无锡市/锡山市") &&
	    memcmp(b.p, "江苏省/无锡市/锡山市", b.len) == 0);
	gz_entries(gz, "襄樊", got, sizeof got);
	CHECK("a former name's short form is found", strcmp(got, "4206:O") == 0);
	gz_entries(gz, "襄阳", got, sizeof got);
	CHECK("a former short form that is a name today is left out",
	    strcmp(got, "4206:S") == 0);
	buf_free(&b);
	gz_free(gz);
	CHECK("a former name with an unknown parent refused", gz_refused_at(
	    "42\tprovince\t湖北省\t\n4206\tcity\t襄阳市\t42\n"
	    "4206\tformer\t襄樊市\t43\n", 3));
}

/* Organisation heads: words and endings, one character only as listed */
static void
test_orgheads(void)
{
	static const char list[] = "# heads\n公司\t120\t105\n队\t116\t381\n"
	    "市委\t17\t2\n局\t1\t1\n-当局\t0\t6\n";
	struct orgheads *oh = oh_new_buf(list, strlen(list));
	struct orgheads *bi = oh_new();
	struct orgheads *ve = oh_new_venues();

	CHECK("org heads: four read, no-heads not counted", oh_size(oh) == 4);
	CHECK("org heads: a row -word ends with a head and is none",
	    oh_head(oh, "公安局", 9) && !oh_head(oh, "当局", 6) &&
	    !oh_head(oh, "台湾当局", 12) && !oh_is(oh, "当局", 6) &&
	    oh_none(oh, "台湾当局", 12) && !oh_none(oh, "公安局", 9));
	CHECK("org heads: the built-in venues",
	    oh_head(ve, "人民大会堂", 15) && oh_head(ve, "音乐厅", 9) &&
	    !oh_head(ve, "大学", 6) && !oh_head(ve, "公司", 6));
	CHECK("org heads: a head is one", oh_is(oh, "公司", 6) &&
	    oh_head(oh, "公司", 6));
	CHECK("org heads: a word that ends with one",
	    oh_head(oh, "集团公司", 12) && !oh_is(oh, "集团公司", 12));
	CHECK("org heads: no head", !oh_head(oh, "公园", 6) &&
	    !oh_head(oh, "司", 3));
	CHECK("org heads: the built-in list has bodies, not fields",
	    oh_size(bi) > 100 && oh_is(bi, "出版社", 9) &&
	    oh_is(bi, "大学", 6) && !oh_is(bi, "文学", 6) &&
	    !oh_is(bi, "会", 3) && oh_is(bi, "厂", 3));
	oh_free(oh);
	oh_free(bi);
	oh_free(ve);
}

/* Roles and the guards, on the built-in lists */
static void
test_placetag_roles(void)
{
	static const char tsv[] =
	    "41\tprovince\t河南省\t\n"
	    "4105\tcity\t安阳市\t41\n"
	    "410502\tcounty\t文峰区\t4105\n"
	    "32\tprovince\t江苏省\t\n"
	    "3205\tcity\t苏州市\t32\n"
	    "320583\tcounty\t昆山市\t3205\n"
	    "71\tprovince\t台湾省\t\n";
	struct wordseg *ws = ws_new();
	struct gazetteer *gz = gz_load_buf("unit", tsv, strlen(tsv), ws);
	struct placetag *pt = gz ? pt_new(gz, ws) : NULL;
	const char *t1 = "河南省安阳市文峰区国税局发出通告";
	const char *t2 = "记者夏昆山报道";
	const char *t3 = "台湾同胞回乡";
	size_t k;
	int ok = 1;

	if (pt == NULL) {
		CHECK("placetag: the test gazetteer loads", 0);
		return;
	}
	pt_reset(pt);
	pt_scan(pt, 0, t1, strlen(t1));
	pt_resolve(pt);
	for (k = 0; k < pt->n; k++)
		ok &= pt->m[k].org;
	CHECK("placetag: a path that opens an organisation's name is org",
	    pt->n == 3 && ok);
	pt_reset(pt);
	pt_scan(pt, 0, t2, strlen(t2));
	CHECK("placetag: a short form after a surname is no place", pt->n == 0);
	pt_reset(pt);
	pt_scan(pt, 0, t3, strlen(t3));
	pt_resolve(pt);
	CHECK("placetag: a name inside a word with a known suffix",
	    pt->n == 1 && pt->m[0].be == 6 && !pt->m[0].org &&
	    pt->m[0].region == 6);
	pt_free(pt);
	gz_free(gz);
	ws_free(ws);
}

/* A state saved to a file reads back the same, from the path and from
 * its bytes in memory; bytes that are no state are refused. */
static void
test_statedb(void)
{
	char path[] = "/tmp/zhpipe-unit-state.XXXXXX";
	struct counts *c = counts_new(), *got = counts_new();
	struct statedb *db;
	struct buf bytes = { 0 };
	int fd = mkstemp(path), refused = 0;
	ssize_t k;

	if (fd < 0)
		return;
	close(fd);
	unlink(path);
	db = sdb_open(path, 1, 0);
	counts_add(c, 42, 3);
	counts_add(c, (uint64_t)1 << 63 | 5, 1);
	sdb_save_counts(db, c);
	sdb_commit(db);
	sdb_close(db);
	fd = open(path, O_RDONLY);
	while (fd >= 0 && (buf_reserve(&bytes, 65536),
	    k = read(fd, bytes.p + bytes.len, 65536)) > 0)
		bytes.len += (size_t)k;
	if (fd >= 0)
		close(fd);
	db = sdb_open_mem("mem", bytes.p, bytes.len);
	sdb_load_counts(db, got);
	CHECK("statedb: counts saved, read back from the bytes",
	    counts_get(got, 42) == 3 && counts_get(got, (uint64_t)1 << 63 | 5)
	    == 1 && counts_size(got) == 2);
	counts_free(got);
	got = counts_new();
	counts_add(got, 42, 1);
	counts_touch(got, (uint64_t)1 << 63 | 5);
	counts_touch(got, 99);
	sdb_load_counts_of(db, got);
	CHECK("statedb: the counts of the keys at hand only, added",
	    counts_get(got, 42) == 4 && counts_get(got, (uint64_t)1 << 63 | 5)
	    == 1 && counts_get(got, 99) == 0 && counts_size(got) == 3);
	{
		struct counts *many = counts_new();
		uint64_t j;

		for (j = 1000; j < 1200; j++)
			counts_touch(many, j);
		counts_add(many, 42, 1);
		sdb_load_counts_of(db, many);
		CHECK("statedb: a small state read through, the keys at hand",
		    counts_get(many, 42) == 4 && counts_size(many) == 201);
		counts_free(many);
	}
	{
		/* a state of 75 lines, read through some rows at a time: all
		 * of them, then those of the keys at hand (every other one,
		 * and some it has not) */
		struct statedb *m = sdb_open(NULL, 1, 0);
		struct counts *w = counts_new(), *all = counts_new(),
		    *half = counts_new();
		uint64_t j;
		int ok = 1;

		for (j = 1; j <= 75; j++)
			counts_add(w, j * 0x9E3779B97F4A7C15ULL, (uint32_t)j);
		sdb_save_counts(m, w);
		sdb_load_counts(m, all);
		for (j = 1; j <= 150; j++)
			if (j % 2 == 0 || j > 75)
				counts_touch(half, j * 0x9E3779B97F4A7C15ULL);
		sdb_load_counts_of(m, half);
		for (j = 1; j <= 150; j++) {
			uint64_t key = j * 0x9E3779B97F4A7C15ULL;

			ok &= counts_get(all, key) == (j <= 75 ? j : 0) &&
			    counts_loaded(all, key) == counts_get(all, key);
			ok &= counts_get(half, key) == (j <= 75 && j % 2 == 0 ?
			    j : 0) && counts_has(half, key) == (j % 2 == 0 ||
			    j > 75);
		}
		CHECK("statedb: a state read through in parts, all of it or "
		    "the keys at hand", ok && counts_size(all) == 75 &&
		    counts_size(half) == 37 + 75);
		counts_free(w);
		counts_free(all);
		counts_free(half);
		sdb_close(m);
	}
	{
		uint64_t k[2] = { 42, 7 };

		sdb_fetch_counts(db, got, k, 2);
		CHECK("statedb: fetch leaves keys it has, looks up the rest",
		    counts_get(got, 42) == 4 && counts_has(got, 7));
	}
	{
		/* keys looked up together: out of the B-tree's order (a
		 * negative one among them), twice over, 0, stored or not,
		 * more than a few at once; each loaded once */
		struct statedb *m = sdb_open(NULL, 1, 0);
		struct counts *w = counts_new(), *f = counts_new();
		uint64_t k[80], j, neg = (uint64_t)1 << 63;
		size_t i, n = 0;
		int ok = 1;

		for (j = 1; j <= 30; j++)
			counts_add(w, j % 3 ? j * 7 : neg | j, (uint32_t)j);
		sdb_save_counts(m, w);
		for (j = 40; j >= 1; j--) {
			k[n++] = j % 3 ? j * 7 : neg | j;
			if (j % 4 == 0)
				k[n++] = j % 3 ? j * 7 : neg | j;
		}
		k[n++] = 0;
		counts_add(f, 14, 5);	/* a key it has: left as it is */
		sdb_fetch_counts(m, f, k, n);
		for (j = 1; j <= 40; j++) {
			uint64_t key = j % 3 ? j * 7 : neg | j;

			ok &= counts_has(f, key) && counts_get(f, key) ==
			    (key == 14 ? 5 : j <= 30 ? j : 0);
		}
		sdb_fetch_counts(m, f, k, 3);	/* all known: none again */
		for (i = 0; i < 3; i++)
			ok &= counts_get(f, k[i]) == counts_get(w, k[i]);
		CHECK("statedb: keys fetched together, each once, in any order",
		    ok && counts_size(f) == 40 && !counts_has(f, 0));
		counts_free(w);
		counts_free(f);
		sdb_close(m);
	}
	sdb_close(db);
	diag_die = jump_back;
	if (setjmp(back) == 0)
		sdb_close(sdb_open_mem("mem", "not a state", 11));
	else
		refused = 1;
	diag_die = NULL;
	CHECK("statedb: bytes that are no state refused", refused);
	unlink(path);
	buf_free(&bytes);
	counts_free(c);
	counts_free(got);
	/* a state in memory is made at its first use: before, it answers as
	 * an empty one; a run that stores nothing ends without one */
	{
		struct counts *none = counts_new(), *some = counts_new();
		int64_t ids[SDB_BUCKET];
		struct statedb *m1 = sdb_open(NULL, 1, 0);
		struct statedb *m2 = sdb_open(NULL, 1, 0);

		sdb_save_counts(m1, none);
		CHECK("statedb: a state in memory unused is an empty one",
		    sdb_memory(m1) && !sdb_signatures(m1) && !sdb_folded(m1) &&
		    !sdb_stored(m1, 5) && sdb_bucket(m1, 5, ids) == 0 &&
		    sdb_prune(m1, 1, 3) == 0);
		sdb_commit(m1);
		sdb_close(m1);
		counts_add(some, 42, 2);
		CHECK("statedb: a state in memory made at its first use",
		    !sdb_doc_seen(m2, 7) && (sdb_doc_add(m2, 7), 1) &&
		    sdb_doc_seen(m2, 7) && (sdb_save_counts(m2, some), 1) &&
		    (sdb_load_counts(m2, none), counts_get(none, 42) == 2));
		sdb_commit(m2);
		sdb_close(m2);
		counts_free(none);
		counts_free(some);
	}
}

/* sdb_buckets() answers each key as sdb_bucket() does: the first
 * SDB_BUCKET rows of a fuller bucket, keys given twice, out of order,
 * negative as SQLite's integers, or in no bucket. */
static void
test_statedb_buckets(void)
{
	char path[] = "/tmp/zhpipe-unit-bands.XXXXXX";
	static const uint64_t keys[] = { 900, 7, (uint64_t)1 << 63 | 3, 55,
		7, 0, 12, (uint64_t)-1, 900 };
	enum { NK = sizeof keys / sizeof keys[0] };
	int64_t one[SDB_BUCKET], all[NK][SDB_BUCKET];
	size_t n[NK], i, j, ok = 1;
	struct statedb *db;
	sqlite3 *raw;
	int fd = mkstemp(path);

	if (fd < 0)
		return;
	close(fd);
	unlink(path);
	sdb_close((db = sdb_open(path, 1, 0), sdb_commit(db), db));
	if (sqlite3_open(path, &raw) != SQLITE_OK)
		return;
	/* bucket 7 holds 12 documents, stored out of order; 900 and the
	 * negative ones a few; 55 and 12 none */
	sqlite3_exec(raw, "INSERT INTO docs (id, name, sig, doc, form) VALUES "
	    "(1, 'a', x'00', 1, 2);"
	    "INSERT INTO bands VALUES (7, 31), (7, 4), (7, 19), (7, 8), (7, 2),"
	    " (7, 40), (7, 11), (7, 3), (7, 27), (7, 6), (7, 1), (7, 13);"
	    "INSERT INTO bands VALUES (900, 5), (900, 2), (-9223372036854775805,"
	    " 17), (-1, 9), (-1, 1), (56, 4), (11, 3);", NULL, NULL, NULL);
	sqlite3_close(raw);
	db = sdb_open(path, 0, 0);
	sdb_buckets(db, keys, NK, all, n);
	for (i = 0; i < NK; i++) {
		size_t m = sdb_bucket(db, keys[i], one);

		ok &= m == n[i];
		for (j = 0; j < m && j < n[i]; j++)
			ok &= one[j] == all[i][j];
	}
	CHECK("statedb: the buckets of many keys at once, each as alone", ok);
	CHECK("statedb: a fuller bucket gives its first rows", n[1] ==
	    SDB_BUCKET && all[1][0] == 1 && all[1][SDB_BUCKET - 1] == 13 &&
	    n[4] == SDB_BUCKET && all[4][2] == 3);
	CHECK("statedb: buckets of negative keys, and none", n[2] == 1 &&
	    all[2][0] == 17 && n[7] == 2 && all[7][0] == 1 && n[3] == 0 &&
	    n[5] == 0 && n[6] == 0 && n[0] == 2 && n[8] == 2);
	sdb_close(db);
	unlink(path);
}

/* A pattern and what a reader of it should say, as text. */
struct pat_case {
	const char *pat, *want;
};

/* Check what text() says of each of cases[0..n) (named by what). */
static void
check_pat_cases(const char *what, const struct pat_case *cases, size_t n,
    void (*text)(const char *pat, struct buf *out))
{
	char name[300];
	size_t k;

	for (k = 0; k < n; k++) {
		struct buf b = { 0 };

		text(cases[k].pat, &b);
		snprintf(name, sizeof name, "%s %s: '%s' (got '%.*s')", what,
		    cases[k].pat, cases[k].want, (int)b.len, b.p ? b.p : "");
		CHECK(name, b.len == strlen(cases[k].want) &&
		    memcmp(b.p ? b.p : "", cases[k].want, b.len) == 0);
		buf_free(&b);
	}
}

/* The sets of rx_needs as text: each set's members, sets apart by a
 * space. */
static void
needs_text(const char *pat, struct buf *b)
{
	struct rx_set set[8];
	size_t n = rx_needs(pat, strlen(pat), set, 8), k;
	unsigned j;

	for (k = 0; k < n; k++) {
		if (k)
			buf_addc(b, ' ');
		for (j = 0; j < set[k].n; j++)
			utf8_put(b, set[k].c[j]);
	}
}

static void
test_rx_needs(void)
{
	static const struct pat_case cases[] = {
		{ "^(本文|本网)?(来源|转自)\\s*[:：]", "来转 源自 :：" },
		{ "a?b*c+d{0,2}e{2,}?f", "c e f" },
		{ "x|y.z", "xy xz" },
		{ "[a-c]\\.[^d]\\d", "abc ." },
		{ "[]a]\\][\\]-]", "]a ] ]-" },
		{ "(?:ab|c)(?=q)(?!r)(?#note)(?<n>[|｜])$", "ac bc |｜" },
		{ "(a|)b", "b" },
		{ "\\d+年\\s*(\\d{1,2}月)?", "年" },
		{ "[A-Za-z]x", "x" },		/* a large class is dropped */
		{ "[A-E]\\d", "ABCDE" },
		{ "(?i:ab)c", "aA bB c" },	/* caseless: ASCII */
		{ "(?i:k)-(?i:s)", "kK\xe2\x84\xaa - sS\xc5\xbf" },
		{ "(?i:中a[bc])", "aA" },
		{ "a(?i)b", "" },
		{ "(?i:a(?-i)b)", "" },
		{ "\\Qa\\E", "" },
		{ "ab{,3}", "" },		/* a literal { in older PCRE2 */
		{ "[[:alpha:]]x", "" },
		{ "a\\x41", "" },
		{ "(*UCP)a", "" },
		{ "a)", "" },
	};
	size_t k;
	struct rx_set sp;
	struct regex rx;
	uint32_t c;
	long outside = 0, inside = 0;
	static const char menu[] = "^(\\S{2,4}\\s+){3,}\\S{2,4}$";

	/* \s: every code point PCRE2 takes for \s is in its set */
	CHECK("rx_needs \\s: a set of white space, the one need of a menu's "
	    "pattern", rx_needs(menu, strlen(menu), &sp, 1) == 1 &&
	    sp.n == 26 && sp.c[0] == '\t' && sp.c[25] == 0x3000);
	rx_needs("\\s", 2, &sp, 1);
	rx_builtin(&rx, "^\\s$", 0);
	for (c = 0; c < 0x110000; c++) {
		struct buf b = { 0 };
		size_t mb, me;
		unsigned j;
		int in = 0;

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		utf8_put(&b, c);
		for (j = 0; j < sp.n; j++)
			in |= sp.c[j] == c;
		if (rx_find(&rx, b.p, b.len, 0, 0, &mb, &me))
			outside += !in, inside += in;
		buf_free(&b);
	}
	rx_free(&rx);
	CHECK("rx_needs \\s: no code point PCRE2 takes for \\s is outside "
	    "its set", outside == 0 && inside >= 20);
	/* (?i:x) of an ASCII letter: what PCRE2 matches is in its set; the
	 * code points any letter matches, then each letter on those */
	{
		uint32_t cand[64];
		size_t nc = 0, j;
		char pat[16];

		rx_builtin(&rx, "^(?i:[a-z])$", 0);
		for (c = 0; c < 0x110000; c++) {
			struct buf b = { 0 };
			size_t mb, me;

			if (c >= 0xD800 && c <= 0xDFFF)
				continue;
			utf8_put(&b, c);
			if (rx_find(&rx, b.p, b.len, 0, 0, &mb, &me)) {
				if (nc < 64)
					cand[nc] = c;
				nc++;
			}
			buf_free(&b);
		}
		rx_free(&rx);
		outside = nc > 64;
		for (k = 0; k < 52 && nc <= 64; k++) {
			char x = (char)(k < 26 ? 'a' + k : 'A' + k - 26);

			snprintf(pat, sizeof pat, "(?i:%c)", x);
			rx_needs(pat, strlen(pat), &sp, 1);
			snprintf(pat, sizeof pat, "^(?i:%c)$", x);
			rx_builtin(&rx, pat, 0);
			for (j = 0; j < nc; j++) {
				struct buf b = { 0 };
				size_t mb, me;
				unsigned m;
				int in = 0;

				utf8_put(&b, cand[j]);
				for (m = 0; m < sp.n; m++)
					in |= sp.c[m] == cand[j];
				if (rx_find(&rx, b.p, b.len, 0, 0, &mb, &me) && !in)
					outside++;
				buf_free(&b);
			}
			rx_free(&rx);
		}
		CHECK("rx_needs (?i:x): no code point PCRE2 matches for an ASCII "
		    "letter is outside its set", outside == 0 && nc >= 52);
	}
	check_pat_cases("rx_needs", cases, sizeof cases / sizeof cases[0],
	    needs_text);
}

/* Does rx match code point c alone (no surrogate does)? */
static int
rx_takes(struct regex *rx, uint32_t c)
{
	struct buf b = { 0 };
	size_t mb, me;
	int m;

	if (c >= 0xD800 && c <= 0xDFFF)
		return 0;
	utf8_put(&b, c);
	m = rx_find(rx, b.p, b.len, 0, 0, &mb, &me);
	buf_free(&b);
	return m;
}

/* The first characters of rx_first as text, "\d" after them when it
 * has digits, "-" when it says nothing. */
static void
first_text(const char *pat, struct buf *b)
{
	struct rx_first f;
	unsigned j;

	if (!rx_first(pat, strlen(pat), &f))
		buf_addc(b, '-');
	else
		for (j = 0; j < f.n; j++)
			utf8_put(b, f.c[j]);
	if (f.digit)
		buf_add(b, "\\d", 2);
}

static void
test_rx_first(void)
{
	static const struct pat_case cases[] = {
		{ "^(相关新闻|热点)\\s*$", "相热" },
		{ "^(本文|本网)?(来源|转自)\\s*[:：]", "本来转" },
		{ "^[（(]?(原标题|来源)", "（(原来" },
		{ "^\\d{4}[-./年]", "\\d" },
		{ "^a*b?(c|d?)e", "abcde" },
		{ "^(?:x|y)+z", "xy" },
		{ "^(?i:ab)", "aA" },
		{ "^\\bq", "q" },
		{ "^a|b", "ab" },
		{ "^(?i:中)", "-" },
		{ "^(a|)", "-" },		/* may be empty */
		{ "^x?", "-" },
		{ "^.a", "-" },
		{ "^\\Sa", "-" },
		{ "^[^a]", "-" },
		{ "^(?=a)a", "-" },
		{ "^\\x41", "-" },
		{ "^a(", "-" },
	};
	struct regex rx;
	struct rx_first f;
	uint32_t c;
	long wrong = 0;

	check_pat_cases("rx_first", cases, sizeof cases / sizeof cases[0],
	    first_text);
	/* \d: no code point PCRE2 takes for it is one rx_first_may says
	 * no to */
	rx_first("\\d", 2, &f);
	rx_builtin(&rx, "^\\d$", 0);
	for (c = 0; c < 0x110000; c++)
		wrong += rx_takes(&rx, c) && !rx_first_may(&f, c);
	rx_free(&rx);
	CHECK("rx_first \\d: every code point PCRE2 takes for \\d may begin "
	    "a match", wrong == 0 && rx_first_may(&f, '7') &&
	    rx_first_may(&f, 0xFF17) && !rx_first_may(&f, 0x4E2D) &&
	    !rx_first_may(&f, 0xFF08) && !rx_first_may(&f, 'a'));
}

/* Lines made of pieces of the rules' own patterns, of other text and of
 * bytes that are not UTF-8: the name rules_match gives each (through the
 * alternations and the branches guarded by what they need) must be the
 * name of the first rule whose pattern, compiled on its own, matches. */
static void
rules_vs_plain(const char *label, struct rules *r, const char **extra,
    size_t nextra, int lines, int min_named, size_t min_rules)
{
	struct regex *plain = xcalloc(r->n, sizeof *plain);
	struct buf tok = { 0 }, line = { 0 };
	size_t *off = NULL, ntok = 0, k, i, named = 0, diff = 0;
	unsigned long seed = 12345;
	char err[300], name[200];
	unsigned char *seen = xcalloc(r->n, 1);
	size_t rules_seen = 0;

	/* the pieces: each character of the patterns, each run of their
	 * literal characters, and the extras */
	for (k = 0; k < r->n + nextra; k++) {
		const char *p = k < r->n ? r->pat[k] : extra[k - r->n];
		size_t run = 0;

		if (k < r->n && rx_compile(&plain[k], r->pat[k], 0, err,
		    sizeof err) < 0)
			die(2, "rules_vs_plain: %s", err);
		for (i = 0; ; ) {
			int meta = p[i] == '\0' || (k < r->n &&
			    strchr("\\^$.[]()|*+?{}", p[i]) != NULL);
			size_t w = meta ? 1 : utf8_seqlen((unsigned char)p[i]);

			if (k >= r->n && p[i] != '\0')
				w = strlen(p), meta = 0;
			if (meta || k >= r->n) {
				size_t b = meta ? i - run : i;
				size_t e = meta ? i : i + w;

				if (e > b) {
					off = xrealloc(off, (ntok + 2) * sizeof *off);
					off[ntok++] = tok.len;
					buf_add(&tok, p + b, e - b);
					off[ntok] = tok.len;
				}
				run = 0;
				if (k >= r->n || p[i] == '\0')
					break;
				i++;
				continue;
			}
			if (run) {	/* the character alone too */
				off = xrealloc(off, (ntok + 2) * sizeof *off);
				off[ntok++] = tok.len;
				buf_add(&tok, p + i, w);
				off[ntok] = tok.len;
			}
			run += w;
			i += w;
		}
	}
	for (k = 0; k < (size_t)lines; k++) {
		size_t m = 1 + k % 9, j, b, e;
		const char *got, *want = NULL;
		int gaveup;

		line.len = 0;
		for (j = 0; j < m; j++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			i = (size_t)(seed >> 33) % ntok;
			buf_add(&line, tok.p + off[i], off[i + 1] - off[i]);
		}
		for (i = 0; i < r->n && want == NULL; i++)
			if (rx_find(&plain[i], line.p, line.len, 0, 0, &b, &e))
				want = r->name[i], seen[i] = 1;
		got = rules_match(r, line.p, line.len, &gaveup);
		named += want != NULL;
		if ((got == NULL) != (want == NULL) ||
		    (got && strcmp(got, want) != 0)) {
			if (diff++ == 0)
				fprintf(stderr, "%s: '%.*s': %s, not %s\n", label,
				    (int)line.len, line.p, got ? got : "none",
				    want ? want : "none");
		}
	}
	for (k = 0; k < r->n; k++)
		rules_seen += seen[k];
	snprintf(name, sizeof name, "%s: %d generated lines named as by the "
	    "rules alone (%zu named, by %zu rules)", label, lines, named,
	    rules_seen);
	CHECK(name, diff == 0 && named >= (size_t)min_named &&
	    rules_seen >= min_rules);
	for (k = 0; k < r->n; k++)
		rx_free(&plain[k]);
	free(plain);
	free(seen);
	free(off);
	buf_free(&tok);
	buf_free(&line);
}

static void
test_rules_guard(void)
{
	static const char *extra[] = { " ", "　", "2024", "12", "3", ":",
	    "COPYRIGHT", "Copy", "\xe2\x84\xaaright", "©",
	    "：", "-", "\xE5", "\x80", "\xE6\x9D", "王五", "今天", "新闻", "a",
	    "x.com", "　记者 张三", "|", "，", "。", "(c) 2019", "Tags" };
	static const char user[] =
	    "u1\t^(?:ab|cd)+x[yz]$\n"
	    "u2\t\\(c\\)\\s*\\d{4}|^#[^#]+#$\n"
	    "u3\t(?i)^ab\n"
	    "u4\t^(a|b)\\1z\n"
	    "u5\t^[^x]{0,3}[A-C]+\\.(?:com|cn)\n"
	    "u6\t^(?<n>q|r)s[\\]\\-]\n"
	    "u7\tq(?=r)|zz\n"
	    "u8\t\\Qab\\E+c\n"
	    "u9\t(?i:s(k|q)\\s?y)\n";
	static const char *uextra[] = { "a", "b", "c", "d", "x", "y", "z", "#",
	    "(", ")", "1", " ", ".", "A", "B", "com", "cn", "q", "r", "s", "]",
	    "-", "\xC3", "中", "AB", "Ab", "S", "K", "\xe2\x84\xaa", "\xc5\xbf",
	    "Y", "Q", "s\xe2\x84\xaay", "\xc5\xbfQY", "SKy " };
	struct rules r = { 0 };

	rules_load(&r, NULL);
	rules_vs_plain("rules_match, built-in rules", &r, extra,
	    sizeof extra / sizeof extra[0], 30000, 1000, 12);
	rules_free(&r);
	CHECK("rules_load_buf: rules of many kinds of syntax",
	    rules_load_buf(&r, "t", user, sizeof user - 1) == 0);
	rules_vs_plain("rules_match, rules of many kinds of syntax", &r, uextra,
	    sizeof uextra / sizeof uextra[0], 30000, 1000, 8);
	rules_free(&r);
}

static void
test_regex_opts(void)
{
	struct regex rx;
	char err[200];
	size_t b, e;

	CHECK("regex compile error reported", rx_compile(&rx, "(", 0, err,
	    sizeof err) < 0 && strstr(err, "offset") != NULL);
	rx_builtin(&rx, "\\p{Han}+", 0);
	CHECK("regex find", rx_find(&rx, "ab中文c", strlen("ab中文c"), 0, 0, &b, &e) &&
	    b == 2 && e == 8);
	CHECK("regex invalid UTF-8 subject", !rx_find(&rx, "\xff\xfe", 2, 0, 0,
	    &b, &e));
	rx_free(&rx);
	{	/* the limits follow each subject's length */
		char *s = xmalloc(4000);

		memset(s, 'a', 4000);
		rx_builtin(&rx, "^(a|b)*$", 0);
		s[3999] = '!';
		rx_limit(&rx, 1);
		rx.warned = 1;
		CHECK("regex limit: a short subject", !rx_find(&rx, "a!", 2, 0, 0,
		    &b, &e) && !rx.gaveup);
		CHECK("regex limit: a long one right after gets its own",
		    !rx_find(&rx, s, 4000, 0, 0, &b, &e) && !rx.gaveup);
		CHECK("regex limit: and the short one its own again",
		    !rx_find(&rx, "a!", 2, 0, 0, &b, &e) && !rx.gaveup);
		rx_free(&rx);
		rx_builtin(&rx, "^(a|aa)+$", 0);
		rx_limit(&rx, 1);
		rx.warned = 1;
		s[60] = 'b';
		CHECK("regex limit: exponential backtracking gives up",
		    !rx_find(&rx, s, 61, 0, 0, &b, &e) && rx.gaveup);
		rx_free(&rx);
		free(s);
	}
	CHECK("opts_count good", opts_count("n", "12", 100) == 12);
	CHECK("opts_count rejects junk", opts_count("n", "1x", 100) < 0 &&
	    opts_count("n", "0", 100) < 0 && opts_count("n", "101", 100) < 0);
}

static int
value_is(const char *in, const char *want)
{
	uint32_t cp[256];
	size_t n = 0, i = 0, len = strlen(in);
	struct num v;
	char out[NUM_MAXDIGITS + 48];
	int rc;

	while (i < len && n < 256)
		cp[n++] = utf8_next(in, len, &i);
	rc = ar_digit(cp[0]) >= 0 ? ar_parse(cp, n, &v) : cn_parse(cp, n, &v);
	if (want == NULL)
		return rc < 0;
	if (rc < 0 || num_format(&v, out, sizeof out) < 0)
		return 0;
	if (strcmp(out, want) != 0)
		printf("# %s: got %s, want %s\n", in, out, want);
	return strcmp(out, want) == 0;
}

static void
test_numerals(void)
{
	struct num a, b;
	char out[64];

	CHECK("numerals 一千三百四十六", value_is("一千三百四十六", "1346"));
	CHECK("numerals 一万零十二", value_is("一万零十二", "10012"));
	CHECK("numerals 二十万亿", value_is("二十万亿", "20000000000000"));
	CHECK("numerals 三万五", value_is("三万五", "35000"));
	CHECK("numerals 一百二", value_is("一百二", "120"));
	CHECK("numerals 百二万", value_is("百二万", "1200000"));
	CHECK("numerals 一百零五", value_is("一百零五", "105"));
	CHECK("numerals 九十六点四", value_is("九十六点四", "96.4"));
	CHECK("numerals 二〇二二", value_is("二〇二二", "2022"));
	CHECK("numerals capitals", value_is("壹拾万零叁仟肆佰伍拾叁", "103453"));
	CHECK("numerals 廿 卅", value_is("廿二", "22") && value_is("卅三", "33"));
	CHECK("numerals 两 俩", value_is("两千", "2000") && value_is("俩", "2"));
	CHECK("numerals 负零点一", value_is("负零点一", "-0.1"));
	CHECK("numerals 亿 after 万", value_is("四千五百六十九万八千三百一十一亿",
	    "4569831100000000"));
	CHECK("numerals rejects 百千", value_is("百千", NULL));
	CHECK("numerals rejects 点", value_is("点五", NULL));
	CHECK("numerals arabic separators", value_is("1,234,567.5", "1234567.5"));
	CHECK("numerals full-width", value_is("９６．４", "96.4"));
	CHECK("numerals rejects 1,23", value_is("1,23", NULL));
	CHECK("numerals leading zeros", value_is("0.050", "0.05"));
	CHECK("numerals too many digits", value_is(
	    "1111111111111111111111111111111111111111111111111111111111111111111111"
	    "1111111111111111111111111111111111111111111111111111111111111111111111"
	    "1111111111111111111111111111111111111111111111111111111111111111111111",
	    NULL));

	num_digit(&a, 4, -2);			/* 0.04 */
	num_digit(&b, 5, 4);			/* 50000 */
	CHECK("num_add exact", num_add(&a, &b) == 0 &&
	    num_format(&a, out, sizeof out) > 0 && strcmp(out, "50000.04") == 0);
	num_digit(&a, 4, 0);
	num_shift(&a, -1);			/* 0.4 */
	num_digit(&b, 5, -1);
	num_add(&a, &b);			/* 0.9 */
	num_add(&a, &b);			/* 1.4 */
	CHECK("num_add carries", num_format(&a, out, sizeof out) > 0 &&
	    strcmp(out, "1.4") == 0);
	num_digit(&a, 2, 0);
	num_digit(&b, 3, 0);
	CHECK("num_divide 2/3", num_divide(&a, &b, out, sizeof out) > 0 &&
	    strcmp(out, "0.666667") == 0);
	num_digit(&b, 4, 0);
	CHECK("num_divide 2/4", num_divide(&a, &b, out, sizeof out) > 0 &&
	    strcmp(out, "0.5") == 0);
	num_zero(&b);
	CHECK("num_divide by zero refused", num_divide(&a, &b, out, sizeof out) < 0);
	CHECK("num_cmp", (num_digit(&a, 1, 3), num_digit(&b, 9, 2),
	    num_cmp(&a, &b) > 0));
	CHECK("cn_numeral", cn_numeral(0x4E07) == 14 && cn_numeral(0x96F6) == 0 &&
	    cn_numeral('7') == -1 && cn_numeral(0x5EFF) == 20);
}

struct hits {
	char s[1024];
};

static void
on_hit(void *arg, const struct nx_hit *h)
{
	struct hits *hs = arg;
	size_t l = strlen(hs->s);

	snprintf(hs->s + l, sizeof hs->s - l, "%s%s:%s%c%s", l ? " " : "",
	    nkind_name[h->kind], h->value, h->qual, h->unit);
}

static int
hits_are(struct numex *nx, const char *in, const char *want)
{
	struct hits hs = { "" };

	nx_scan(nx, in, strlen(in), on_hit, &hs);
	if (strcmp(hs.s, want) != 0)
		printf("# %s: got %s\n", in, hs.s);
	return strcmp(hs.s, want) == 0;
}

/* A word of the list found on the code points of a line, where a
 * full-width letter was folded to ASCII (ｋｇ: kg), is weighed by the
 * frequency of the line's bytes, which are not that word: 三kg的,
 * common here, does not make 三 part of a word (it would, through the
 * long word 甲乙丙丁三 the cut takes around it), and 三ｋｇ is a
 * measure. */
static void
test_numex_folded_word(void)
{
	static const char ud[] = "甲乙丙丁三 1000\n三kg的 1000\n";
	struct wordseg *ws = ws_new();
	struct numex *nx;

	CHECK("numex folded word: user words",
	    ws_load_user_buf(ws, "u", ud, sizeof ud - 1) == 0);
	nx = nx_new(ws, 0);
	CHECK("numex folded word: weighed by its bytes",
	    hits_are(nx, "甲乙丙丁三ｋｇ的", "measure:3=千克"));
	nx_free(nx);
	ws_free(ws);
}

struct subj {
	const char *in;
	char s[256];
	int hits;
};

static void
on_subject(void *arg, const struct nx_hit *h)
{
	struct subj *sj = arg;

	if (sj->hits++ == 0 && h->sbe - h->sbb < sizeof sj->s) {
		memcpy(sj->s, sj->in + h->sbb, h->sbe - h->sbb);
		sj->s[h->sbe - h->sbb] = '\0';
	}
}

/* The subject of the first expression of in is want. */
static int
subject_is(struct numex *nx, const char *in, const char *want)
{
	struct subj sj = { in, "", 0 };

	nx_scan(nx, in, strlen(in), on_subject, &sj);
	if (sj.hits == 0 || strcmp(sj.s, want) != 0)
		printf("# %s: subject '%s' (%d hits)\n", in, sj.s, sj.hits);
	return sj.hits > 0 && strcmp(sj.s, want) == 0;
}

static void
test_numex(void)
{
	struct wordseg *ws = ws_new();
	struct numex *nx = nx_new(ws, 1);

	CHECK("numex money with qualifier", hits_are(nx, "投入2700多万元",
	    "money:27000000>元"));
	CHECK("numex 1.3万多名", hits_are(nx, "1.3万多名", "count:13000>名"));
	CHECK("numex date never a count", hits_are(nx, "2022年12月8日",
	    "date:20221208="));
	CHECK("numex range", hits_are(nx, "80—180元", "range:80..180=元"));
	CHECK("numex lexicalised", hits_are(nx, "统一思想,进一步", ""));
	CHECK("numex phone", hits_are(nx, "0931-8159799", "phone:09318159799="));
	CHECK("numex code", hits_are(nx, "PM2.5", "code:="));
	CHECK("numex empty", hits_are(nx, "", ""));
	/* the words of numex's lists that end a subject, or are one */
	CHECK("numex subject: a verb that names a thing ends it",
	    subject_is(nx, "村党组织领办集体经济组织1043个",
	    "村党组织领办集体经济组织"));
	CHECK("numex subject: 全体 is not part of it",
	    subject_is(nx, "全体党员1200名", "党员"));
	CHECK("numex subject: 全体 after the measure word is none",
	    subject_is(nx, "选派1334名全体党员", ""));
	nx_free(nx);
	ws_free(ws);
	test_numex_folded_word();
}

/* A date is reported only when the day is on the calendar: months of
 * 30 days, February of leap years (Gregorian rules), lunar months. */
static void
test_numex_calendar(void)
{
	static const struct { const char *what, *in, *want; } cases[] = {
		{ "calendar: 4月30日", "4月30日", "date:430=" },
		{ "calendar: 4月31日 is no date", "4月31日", "code:=" },
		{ "calendar: 2月29日 without a year", "2月29日", "date:229=" },
		{ "calendar: 2月30日 is no date", "2月30日", "code:=" },
		{ "calendar: leap year", "2024年2月29日", "date:20240229=" },
		{ "calendar: common year", "2023年2月29日", "code:=" },
		{ "calendar: 1900 is no leap year", "1900年2月29日", "code:=" },
		{ "calendar: 2000 is a leap year", "2000年2月29日", "date:20000229=" },
		{ "calendar: month 13", "2023年13月", "code:=" },
		{ "calendar: 2023-02-29", "2023-02-29", "code:=" },
		{ "calendar: 2023.04.31", "2023.04.31", "code:=" },
		{ "calendar: a lunar month has 30 days", "农历二月三十日", "date:230=" },
		{ "calendar: not 31", "农历三月三十一日", "code:=" },
		/* without a word list, as here: what needs it is skipped */
		{ "no word list: 数十 after a Han character", "人数十个",
		    "count:10>个" },
		/* numerals in the words of numex's own list, which are
		 * found by the characters beside the numeral: the word
		 * starts at the numeral (the one after it tells), or before
		 * (the one before it tells); not beside other characters */
		{ "no word list: 一线 is a word", "到一线去", "" },
		{ "no word list: 万一 is a word", "万一出事", "" },
		{ "no word list: 百年大计 is a word", "共同的百年大计", "" },
		{ "no word list: 亿万 is a word", "亿万人民", "" },
		{ "no word list: 之一 is a word", "原因之一", "" },
		{ "no word list: 征程万里 is a word", "征程万里", "" },
		{ "no word list: 一 before 个", "到一个去", "count:1=个" },
	};
	struct numex *nx = nx_new(NULL, 0);
	size_t k;

	for (k = 0; k < sizeof cases / sizeof *cases; k++)
		CHECK(cases[k].what, hits_are(nx, cases[k].in, cases[k].want));
	nx_free(nx);
}

/* The classes of numbers that news text holds, one check each; the
 * golden cases of tests/extract-num/ hold sentences of each class. */
static void
test_numex_classes(void)
{
	static const struct { const char *what, *in, *want; } cases[] = {
		{ "numex Traditional", "兩萬個", "count:20000=个" },
		{ "numex capitals", "貳萬參仟元", "money:23000=元" },
		{ "numex spaces inside", "四千 七百 二十一 萬", "count:47210000=" },
		{ "numex digits and units", "3千零50万", "count:30500000=" },
		{ "numex 成", "七成半", "percent:75=%" },
		{ "numex 折", "打8.5折", "percent:85=折" },
		{ "numex half after a unit", "两吨半", "measure:2.5=吨" },
		{ "numex Latin unit", "身高175cm", "measure:175=厘米" },
		{ "numex exponent", "4.7E-2", "count:0.047=" },
		{ "numex magnitude letter", "4.5K", "count:4500=" },
		{ "numex 4K is a code", "4K", "code:=" },
		{ "numex mixed fraction", "负二又四分之一", "fraction:-2.25=" },
		{ "numex exact fraction", "一千万分之三", "fraction:0.0000003=" },
		{ "numex money summed", "三美元又五美分", "money:3.05=美元" },
		{ "numex 块 and a bare digit", "三块五", "money:3.5=元" },
		{ "numex measure word of the list", "一盏灯", "count:1=盏" },
		{ "numex collective", "两国", "count:2=" },
		{ "numex ordinal without 第", "九届", "ordinal:9=届" },
		{ "numex name", "八国集团", "name:8=" },
		{ "numex 十分 is very", "十分重要", "" },
		{ "numex 一起 is together", "一起去", "" },
		{ "numex list marker", "：二、", "" },
		{ "numex 四十两", "四十两", "measure:40=两" },
		{ "numex 二百千瓦", "二百千瓦", "measure:200=千瓦" },
		{ "numex digit-pair year", "九七年", "year:1997=" },
		{ "numex decade", "九十年代", "year:1990=年代" },
		{ "numex lunar day", "正月十五", "date:115=" },
		{ "numex clock time", "下午三点半", "time:153000=" },
		{ "numex decimal of 亿", "四点五亿", "count:450000000=" },
	};
	struct wordseg *ws = ws_new();
	struct numex *nx = nx_new(ws, 0);
	struct num a, b;
	char out[64];
	size_t l, k;
	const struct unit *u;
	uint32_t cm[] = { 'C', 'm', 0x4E00 }, m5[] = { 'm', 'g' };

	for (k = 0; k < sizeof cases / sizeof *cases; k++)
		CHECK(cases[k].what, hits_are(nx, cases[k].in, cases[k].want));
	nx_free(nx);
	ws_free(ws);

	CHECK("nu_fold leaves Han alone (simplify.h reads Traditional)",
	    nu_fold(0x842C) == 0x842C && nu_fold(0x4E00) == 0x4E00);
	CHECK("nu_fold full-width letters", nu_fold(0xFF4B) == 'k' &&
	    nu_fold(0xFF2B) == 'K');
	CHECK("nu_find any case", (u = nu_find(cm, 3, &l)) != NULL && l == 2 &&
	    strcmp(u->norm, "厘米") == 0);
	CHECK("nu_find longest", (u = nu_find(m5, 2, &l)) != NULL && l == 2 &&
	    strcmp(u->norm, "毫克") == 0);
	num_digit(&a, 3, 0);
	num_digit(&b, 1, 7);
	CHECK("num_divide exact when it ends",
	    num_divide(&a, &b, out, sizeof out) > 0 &&
	    strcmp(out, "0.0000003") == 0);
	num_digit(&b, 7, 0);
	CHECK("num_divide to 6 places when it does not",
	    num_divide(&a, &b, out, sizeof out) > 0 &&
	    strcmp(out, "0.428571") == 0);
}

/* an article of lines, in the test's own words */
static void
ls_fill(struct ls_line *l, const char *const *text, size_t n)
{
	size_t i;

	memset(l, 0, n * sizeof *l);
	for (i = 0; i < n; i++) {
		l[i].text = text[i];
		l[i].len = strlen(text[i]);
		l[i].nrec = 1;
	}
}

#define F(i, name) (f[(i) * LS_NFEAT + LS_##name])

static void
test_lineshape(void)
{
	static const char *const page[] = {
		"首页",				/* 0 */
		"|",				/* 1 */
		"要闻",				/* 2 */
		"河边的柳树发了新芽，附近的居民在傍晚时常来这里散步。",	/* 3 */
		"他说，今年的春天来得比往年早一些，大家都很高兴。",	/* 4 */
		"相关阅读",			/* 5 */
		"老街的茶馆重新开张了",		/* 6 */
		"2024-03-18",			/* 7 */
		"#城市漫步#",			/* 8 */
		"发布时间：09-30 22:46",	/* 9 */
		"3小时前",			/* 10 */
		"1、本站文章仅供参考",		/* 11 */
		"评论(12)",			/* 12 */
		"x = foo($y);",			/* 13 */
		"The weather was fine today, said the man.",	/* 14 */
		"第二段也写了几句话，",		/* 15 */
	};
	enum { N = sizeof page / sizeof page[0] };
	struct ls_line l[N];
	float *f = xcalloc(N * LS_NFEAT, sizeof *f);
	struct lineshape *ls = ls_new();
	struct ls_model m;
	size_t i;
	int k;

	CHECK("lineshape: feature names", strcmp(ls_feature_names[0], "len1") == 0 &&
	    strcmp(ls_feature_names[LS_NFEAT - 1], "coderun") == 0 &&
	    strcmp(ls_feature_names[LS_r_dated_list], "r_dated_list") == 0);
	CHECK("lineshape: rule bits", ls_rule_bit("menu") == LS_r_menu - LS_r_copyright &&
	    ls_rule_bit("dated-list") == LS_r_dated_list - LS_r_copyright &&
	    ls_rule_bit("mine") == -1);
	ls_fill(l, page, N);
	l[5].nrule = 1;
	l[5].rules = 1u << ls_rule_bit("related");
	l[2].nrec = 2;
	l[2].nrepeat = 1;
	ls_features(ls, l, N, f);
	CHECK("lineshape: length buckets", F(0, len1) == 0 && F(0, len3) == 1 &&
	    F(1, len1) == 1 && F(3, len20) == 0 && F(3, len40) == 1);
	CHECK("lineshape: sentence and clause ends", F(3, ends) == 1 &&
	    F(0, ends) == 0 && F(15, endclause) == 1 && F(15, ends) == 0 &&
	    F(14, ends) == 1);
	CHECK("lineshape: Han and Latin shares", F(0, han) == 1 &&
	    F(14, han) == 0 && F(14, nohan) == 1 && F(14, latin) > 0.6f);
	/* 的 在 了 都 are function words of the word list; 首页 has none */
	CHECK("lineshape: function words from the word list",
	    F(3, func) > 0.05f && F(3, func2) == 1 && F(0, func) == 0);
	CHECK("lineshape: a lone separator", F(1, seponly) == 1 && F(1, sep) > 0 &&
	    F(0, seponly) == 0);
	CHECK("lineshape: a date alone", F(7, dateonly) == 1 && F(7, date) == 1 &&
	    F(6, dateonly) == 0 && F(6, date) == 0);
	CHECK("lineshape: date and time at the end", F(9, enddate) == 1 &&
	    F(9, time) == 1 && F(9, labelcolon) == 1 && F(3, labelcolon) == 0);
	CHECK("lineshape: a headline followed by a date", F(6, linklist) == 1 &&
	    F(4, linklist) == 0);
	CHECK("lineshape: topic tag", F(8, hash) == 1 && F(0, hash) == 0);
	CHECK("lineshape: relative time", F(10, reltime) == 1 && F(9, reltime) == 0);
	CHECK("lineshape: numbered clause", F(11, numitem) == 1 && F(3, numitem) == 0);
	CHECK("lineshape: a count in brackets", F(12, count) == 1 && F(11, count) == 0);
	CHECK("lineshape: code-like symbols", F(13, code) > 0.3f && F(3, code) == 0);
	CHECK("lineshape: evidence", F(5, x_rule) == 1 && F(5, r_related) == 1 &&
	    F(5, r_menu) == 0 && F(2, x_repeat) == 0.5f && F(2, multi) == 1 &&
	    F(6, prev_boil) == 1);
	CHECK("lineshape: place", F(0, pos) == 0 && F(0, before) == 1 &&
	    F(3, before) == 0 && F(5, after) == 0 && F(4, after) == 0 &&
	    F(3, blk4) == 1 && F(0, blk4) == 0 && F(15, after) == 1);
	CHECK("lineshape: runs of short lines", F(0, run) > F(3, run) &&
	    F(3, run) == 0 && F(1, prev_short) == 1 && F(1, next_short) == 1);
	CHECK("lineshape: windows", F(4, w1_sent) == 0.5f && F(0, w1_sent) == 0 &&
	    F(0, w1_short) == 1);
	/* some lines' features: theirs bit for bit, whichever of their
	 * neighbours are left out */
	{
		float *g = xcalloc(N * LS_NFEAT, sizeof *g);
		unsigned char need[N];
		int pat, same = 1, nrow = 0;

		for (pat = 0; pat < N + 3; pat++) {
			for (i = 0; i < N; i++)
				need[i] = pat < N ? i == (size_t)pat :
				    pat == N ? i % 2 : pat == N + 1 ? i % 3 == 0 :
				    i == 0 || i + 1 == N;
			memset(g, 0x5A, N * LS_NFEAT * sizeof *g);
			ls_features_some(ls, l, N, need, g);
			for (i = 0; i < N; i++)
				if (need[i]) {
					nrow++;
					same &= memcmp(g + i * LS_NFEAT,
					    f + i * LS_NFEAT,
					    LS_NFEAT * sizeof *g) == 0;
				}
		}
		CHECK("lineshape: the features of some lines are theirs of all",
		    same && nrow == N + N / 2 + (N + 2) / 3 + 2);
		free(g);
	}
	/* the same text twice: the second is an exact repeat */
	{
		static const char *const two[] = { "点击查看", "正文一句话。", "点击查看" };
		struct ls_line t[3];
		float g[3 * LS_NFEAT];

		ls_fill(t, two, 3);
		ls_features(ls, t, 3, g);
		CHECK("lineshape: exact repeats", g[2 * LS_NFEAT + LS_x_repeat_exact] == 1 &&
		    g[LS_x_repeat_exact] == 0 && g[LS_NFEAT + LS_x_repeat_exact] == 0);
	}
	/* exact repeats among many lines, against the plain statement: an
	 * earlier line has the same bytes (same lengths, other bytes; empty
	 * lines; a text three times) */
	{
		enum { NR = 300 };
		static char text[NR][8];
		struct ls_line *t = xcalloc(NR, sizeof *t);
		float *g = xcalloc(NR * LS_NFEAT, sizeof *g);
		uint64_t x = 0x2545F4914F6CDD1DULL;
		size_t j, nrep = 0;
		int ok = 1;

		for (i = 0; i < NR; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			snprintf(text[i], sizeof text[i], "%u", (unsigned)(x % 240));
			t[i].text = text[i];
			t[i].len = x % 11 == 0 ? 0 : strlen(text[i]);
			t[i].nrec = 1;
		}
		ls_features(ls, t, NR, g);
		for (i = 0; i < NR; i++) {
			int want = 0;

			for (j = 0; j < i && !want; j++)
				want = t[j].len == t[i].len &&
				    memcmp(t[j].text, t[i].text, t[i].len) == 0;
			ok &= g[i * LS_NFEAT + LS_x_repeat_exact] == want;
			nrep += want;
		}
		CHECK("lineshape: exact repeats among many lines", ok &&
		    nrep > 50 && nrep < NR - 50);
		free(t);
		free(g);
	}
	/* the Han characters with a shape of their own (年月日时分) and of a
	 * relative time (昨): looked up apart from the others */
	{
		static const char *const shapes[] = { "2024年3月18日",
			"发布于2024年3月18日 9时30分", "昨天下午", "明天下午",
			"二〇二四年三月", "（3月18日）", "【3/18】", "共3.8万人",
			"3月18日 新闻" };
		struct ls_line t[9];
		float g[9 * LS_NFEAT];

		ls_fill(t, shapes, 9);
		ls_features(ls, t, 9, g);
		/* in brackets, a date alone still; a number is no date; a
		 * date and more is not a date alone */
		CHECK("lineshape: dates in brackets, numbers, dates and more",
		    g[5 * LS_NFEAT + LS_dateonly] == 1 &&
		    g[5 * LS_NFEAT + LS_date] == 1 &&
		    g[6 * LS_NFEAT + LS_dateonly] == 1 &&
		    g[6 * LS_NFEAT + LS_date] == 1 &&
		    g[7 * LS_NFEAT + LS_date] == 0 &&
		    g[7 * LS_NFEAT + LS_dateonly] == 0 &&
		    g[8 * LS_NFEAT + LS_date] == 1 &&
		    g[8 * LS_NFEAT + LS_dateonly] == 0);
		CHECK("lineshape: dates written with 年月日", g[LS_dateonly] == 1 &&
		    g[LS_date] == 1 && g[LS_NFEAT + LS_date] == 1 &&
		    g[LS_NFEAT + LS_dateonly] == 0 &&
		    g[4 * LS_NFEAT + LS_date] == 0 &&
		    g[2 * LS_NFEAT + LS_reltime] == 1 &&
		    g[3 * LS_NFEAT + LS_reltime] == 0);
	}
	/* relative times: each word by its first character, and a number
	 * of units before 前 (ASCII or full-width digits) */
	{
		static const char *const rel[] = { "刚刚发布", "剛剛更新",
			"前天晚上", "昨日下午", "３ 小時前", "5分钟前更新", "目前",
			"前3小时", "此前天气晴", "刚才" };
		static const int want[] = { 1, 1, 1, 1, 1, 1, 0, 0, 1, 0 };
		struct ls_line t[10];
		float g[10 * LS_NFEAT];
		int ok = 1;

		ls_fill(t, rel, 10);
		ls_features(ls, t, 10, g);
		for (i = 0; i < 10; i++)
			ok &= g[i * LS_NFEAT + LS_reltime] == want[i];
		CHECK("lineshape: relative times", ok);
	}
	/* chrome words found by their first character, the longest first;
	 * a word that only begins like one is none */
	{
		static const char *const chrome[] = { "更多", "上一篇下一页",
			"在线阅读全文", "相信", "阅读" };
		struct ls_line t[5];
		float g[5 * LS_NFEAT];

		ls_fill(t, chrome, 5);
		ls_features(ls, t, 5, g);
		CHECK("lineshape: chrome words", g[LS_chrome] == 1.0f / 3 &&
		    g[LS_chrome_share] == 1 &&
		    g[LS_NFEAT + LS_chrome] == 2.0f / 3 &&
		    g[LS_NFEAT + LS_chrome_share] == 1 &&
		    g[2 * LS_NFEAT + LS_chrome] == 2.0f / 3 &&
		    g[2 * LS_NFEAT + LS_chrome_share] == 1 &&
		    g[3 * LS_NFEAT + LS_chrome] == 0 &&
		    g[4 * LS_NFEAT + LS_chrome] == 1.0f / 3);
	}
	/* a feed: headline, teaser cut short, source and time, four times,
	 * then ten paragraphs of one shape */
	{
		static const char *const feed[] = {
			"第一条新闻的标题", "这是第一条新闻的导语，写到一半……", "某网 3小时前",
			"第二条新闻的标题", "这是第二条新闻的导语，也写到一半...", "某报 5小时前",
			"第三条新闻的标题", "这是第三条新闻的导语，同样没写完…", "某台 昨天",
			"第四条新闻的标题", "这是第四条新闻的导语，还是没写完…", "某刊 前天",
			"正文的第一段写了一件事情的来龙去脉，说得清清楚楚。",
			"正文的第二段接着写这件事情后来怎样了，也说得明白。",
			"正文的第三段写了人们对这件事情的看法和以后的打算。",
			"正文的第四段写了当地的天气和道路，都很平常的样子。",
			"正文的第五段写了一位老人的回忆，他说那年也是这样。",
			"正文的第六段写了孩子们放学以后在河边玩耍的情形。",
			"正文的第七段写了市场上的菜价，比上个月略有下降。",
			"正文的第八段写了工厂里新来的机器和工人们的看法。",
			"正文的第九段写了晚上的广场舞，音乐一直放到九点。",
			"正文的第十段写了第二天早上大家又去上班的情景。",
		};
		enum { NF = sizeof feed / sizeof feed[0] };
		struct ls_line t[NF];
		float g[NF * LS_NFEAT];

		ls_fill(t, feed, NF);
		ls_features(ls, t, NF, g);
		CHECK("lineshape: teasers cut short nearby",
		    g[4 * LS_NFEAT + LS_ellipsis] == 1 &&
		    g[3 * LS_NFEAT + LS_ellipsis] == 0 &&
		    g[4 * LS_NFEAT + LS_w7_ellip] > 0.2f &&
		    g[21 * LS_NFEAT + LS_w7_ellip] == 0);
		CHECK("lineshape: shapes repeating with a period",
		    g[4 * LS_NFEAT + LS_period] > 0.4f &&
		    g[21 * LS_NFEAT + LS_period] == 0);
	}
	/* cohesion: the words a line shares with the sentence lines */
	{
		static const char *const coh[] = {
			"登录",
			"首页",
			"本市公园门票下周半价，游客可以提前在网上预约。",
			"成人票原价：四十元",
			"用 docker 跑这个 app 很方便，只要一条命令。",
			"成人票和儿童票都参加，原价四十元的门票只收二十元。",
			"另有一段完全无关的话语写在这里。",
			"docker run --rm app",
			"2024",
			/* the words of the table row, a line with letters;
			 * words of the sentence with letters only */
			"成人票原价：四十元 rm",
			"只要一条命令",
		};
		static const char *const tiny[] = {
			"登录", "首页", "只有一句话。", "版权所有",
		};
		enum { NC = sizeof coh / sizeof coh[0] };
		struct ls_line t[NC];
		float g[NC * LS_NFEAT];
		double s = 0;
		size_t j;

		ls_fill(t, coh, NC);
		ls_features(ls, t, NC, g);
		/* 成人 人票 原价 四十 十元 of 成人 人票 票原 原价 四十 十元
		 * (a word not in the sentences may be taken as in them a
		 * few times in a hundred: not in this table) */
		CHECK("lineshape: cohesion of a table row with the prose",
		    g[3 * LS_NFEAT + LS_cohes] == 5.0f / 6);
		/* the words of lines without letters are kept from the
		 * scan; those of lines with letters are read again: the
		 * same words either way */
		CHECK("lineshape: cohesion of Han words, with letters or not",
		    g[9 * LS_NFEAT + LS_cohes] == 5.0f / 6 &&
		    g[10 * LS_NFEAT + LS_cohes] == 1);
		CHECK("lineshape: cohesion of a menu item",
		    g[0 * LS_NFEAT + LS_cohes] == 0 && g[LS_NFEAT + LS_cohes] == 0);
		/* docker and app, not run; rm is too short to be a word */
		CHECK("lineshape: cohesion of Latin words",
		    g[7 * LS_NFEAT + LS_cohes] == 2.0f / 3);
		/* a sentence line is not told apart from itself; a line
		 * without words has none */
		CHECK("lineshape: cohesion of sentence lines and wordless lines",
		    g[6 * LS_NFEAT + LS_cohes] == 1 &&
		    g[2 * LS_NFEAT + LS_cohes] == 1 &&
		    g[8 * LS_NFEAT + LS_cohes] == 0);
		/* the mean over the lines within 7 that have words (not 2024) */
		for (j = 0; j < 8; j++)
			if (j != 1)
				s += g[j * LS_NFEAT + LS_cohes];
		CHECK("lineshape: cohesion nearby",
		    fabs(g[LS_NFEAT + LS_w7_cohes] - s / 7) < 1e-6);
		/* too little prose to compare with: no line is told apart */
		ls_fill(t, tiny, 4);
		ls_features(ls, t, 4, g);
		CHECK("lineshape: cohesion with too little prose",
		    g[0 * LS_NFEAT + LS_cohes] == 1 &&
		    g[3 * LS_NFEAT + LS_cohes] == 1);
	}
	/* lines that read as code, and lines that do not */
	{
		static const struct { const char *s; int code; } cl[] = {
			{ "docker stop web && docker rm web", 1 },
			{ "x = foo($y);", 1 },
			{ "  --init \\", 1 },
			{ "-v /etc/localtime:/etc/localtime:ro", 1 },
			{ "import json", 1 },
			{ "client.close()", 1 },
			{ "cd $HOME", 1 },
			{ "# 查看容器的日志", 1 },
			{ "#!/bin/sh", 1 },
			{ "// 读完以后关掉文件", 1 },
			{ "std::vector<int> v", 1 },
			{ "https://example.com/a?b=c", 0 },
			{ "www.example.com", 0 },
			{ "Home", 0 },
			{ "zhangsan", 0 },
			{ "The weather was fine today, said the man.", 0 },
			{ "Price: $1,000 (up 3%)", 0 },
			{ "首页", 0 },
			{ "用 docker 跑这个 app 很方便，只要一条命令。", 0 },
			{ "#话题#", 0 },
			{ "版权所有 © 2024 example.com", 0 },
		};
		struct ls_line t[1];
		float g[LS_NFEAT];
		size_t k;
		int ok = 1;

		for (k = 0; k < sizeof cl / sizeof cl[0]; k++) {
			const char *one[1];
			size_t han = 0, nonsp = 0;
			const char *p = cl[k].s;

			one[0] = p;
			ls_fill(t, one, 1);
			ls_features(ls, t, 1, g);
			while (*p) {
				uint32_t c;
				size_t at = 0, n = strlen(p);

				c = utf8_next(p, n, &at);
				nonsp += c != ' ';
				han += c >= 0x4E00 && c <= 0x9FFF;
				p += at;
			}
			if (ls_code_line(cl[k].s, strlen(cl[k].s), han, nonsp) !=
			    cl[k].code) {
				fprintf(stderr, "code line? %s\n", cl[k].s);
				ok = 0;
			}
		}
		CHECK("lineshape: lines that read as code", ok);
		/* a NUL byte at the end is no ending of a statement */
		CHECK("lineshape: a NUL byte is no code",
		    ls_code_line("Home\0", 5, 0, 5) == 0);
	}
	/* a block of code: three lines or more that read as code, between
	 * the article's first and last sentence */
	{
		static const char *const prog[] = {
			"docker ps -a",			/* 0: before the prose */
			"docker rm -f web",
			"docker image prune -f",
			"这篇笔记记下部署一个小服务的步骤，照着做就可以。",
			"先停掉旧的容器：",
			"# 停掉旧的，再起一个新的",	/* 5: a comment */
			"docker stop web && docker rm web",
			"docker run -d --name web \\",
			"  -p 8080:80 nginx",
			"然后看一看它是不是起来了：",
			"docker ps",			/* 10: two lines only */
			"docker logs web",
			"最后用浏览器打开这个端口，就能看到欢迎页面了。",
		};
		enum { NP = sizeof prog / sizeof prog[0] };
		struct ls_line t[NP];
		float g[NP * LS_NFEAT];
		size_t j;
		int ok = 1;

		ls_fill(t, prog, NP);
		ls_features(ls, t, NP, g);
		for (j = 0; j < NP; j++)
			ok &= (g[j * LS_NFEAT + LS_coderun] > 0) ==
			    (j >= 5 && j <= 8);
		CHECK("lineshape: a block of code between the sentences", ok &&
		    g[5 * LS_NFEAT + LS_coderun] == (float)(log1p(4) / 4));
	}
	/* an article with more words of Han pairs than are kept from the
	 * scan: the lines past them are read again, to the same words */
	{
		enum { NB = 60000 };
		const char **text = xmalloc(NB * sizeof *text);
		struct ls_line *t = xmalloc(NB * sizeof *t);
		float *g = xmalloc((size_t)NB * LS_NFEAT * sizeof *g);
		size_t j;

		for (j = 1; j < NB - 1; j++)
			text[j] = "成人票和儿童票都参加，原价四十元的门票只收二十元。";
		/* no sentence (no end, 40 characters or fewer), but too
		 * long for the room left when it comes last */
		text[0] = text[NB - 1] =
		    "成人票和儿童票都参加原价四十元的门票只收二十元成人票";
		ls_fill(t, text, NB);
		ls_features(ls, t, NB, g);
		CHECK("lineshape: cohesion past the words kept from the scan",
		    g[LS_cohes] > 0.8f &&
		    g[(size_t)(NB - 1) * LS_NFEAT + LS_cohes] == g[LS_cohes]);
		free(text);
		free(t);
		free(g);
	}
	/* a model of one tree: boilerplate when the line has no sentence end */
	{
		static const char model[] =
		    "# a test model\nbase\t0\nthreshold\t0.6\ntree\t0\n"
		    "split\tends\t0.5\t1\t2\nleaf\t3\nleaf\t-3\n";
		double p0, p3;

		CHECK("lineshape: model loads", ls_model_load(&m, "test", model,
		    sizeof model - 1) == 0 && m.ntree == 1 && m.nnode == 3 &&
		    m.threshold == 0.6);
		p0 = ls_score(&m, f);
		p3 = ls_score(&m, f + 3 * LS_NFEAT);
		CHECK("lineshape: model scores", p0 > 0.9 && p3 < 0.1);
		ls_model_free(&m);
	}
	{
		static const char *const bad[] = {
			"tree\t0\nsplit\tnosuch\t1\t1\t2\nleaf\t1\nleaf\t2\n",
			"tree\t0\nsplit\tends\t0.5\t1\t7\nleaf\t1\nleaf\t2\n",
			"tree\t0\nsplit\tends\t0.5\t0\t1\nleaf\t1\n",
			"leaf\t1\n",
			"base\tx\n",
			"bush\t1\n",
			"tree\t0\n",
			"tree\t0\ntree\t1\nleaf\t1\n",
			"tree\t0\nsplit\tends\t0.5\t1\t1\nleaf\t1\n",
			"tree\t0\nsplit\tends\t0.5\t1\t2\nleaf\t1\ntree\t1\nleaf\t2\n",
			"tree\t0\nsplit\tends\t0.5\t1\t2\nleaf\t1\nleaf\t2\nleaf\t3\n",
		};
		int refused = 0;

		for (k = 0; k < (int)(sizeof bad / sizeof bad[0]); k++)
			if (ls_model_load(&m, "bad model", bad[k], strlen(bad[k])) < 0 &&
			    m.node == NULL)
				refused++;
		exit_status = 0;
		CHECK("lineshape: bad models are refused",
		    refused == (int)(sizeof bad / sizeof bad[0]));
	}
	/* a whole article: lines from records, sure lines, the model's */
	{
		static const char body0[] = "base\t-3\n", boil0[] = "base\t3\n",
		    over[] = "base\t-3\noverrule\t0.5\n";
		struct ls_rec r[5];
		struct ls_result res;
		struct ls_model mb, mo, mv;

		memset(r, 0, sizeof r);
		r[0].text = "版权所有"; r[0].ev = LS_EV_RULE; r[0].rule = "copyright";
		r[1].text = "第一句话。"; r[1].newline = 1;
		r[2].text = "第二句话。";
		r[3].text = "首页"; r[3].newline = 1; r[3].ev = LS_EV_REPEAT;
		r[4].text = "另一行"; r[4].newline = 1; r[4].ev = LS_EV_TAIL;
		for (i = 0; i < 5; i++)
			r[i].len = strlen(r[i].text);
		CHECK("lineshape: article models load",
		    ls_model_load(&mb, "t", body0, sizeof body0 - 1) == 0 &&
		    ls_model_load(&mo, "t", boil0, sizeof boil0 - 1) == 0 &&
		    ls_model_load(&mv, "t", over, sizeof over - 1) == 0 &&
		    mv.overrule == 0.5 && mb.overrule == 0);
		ls_article(ls, &mb, r, 5, &res);
		CHECK("lineshape: records grouped into lines", res.nline == 4 &&
		    res.first[0] == 0 && res.first[1] == 1 && res.first[2] == 3 &&
		    res.first[3] == 4 && res.first[4] == 5 && res.feat == NULL);
		CHECK("lineshape: lines a rule named or repeats are boilerplate, "
		    "the model judges the rest, a closing line stays",
		    res.boiler[0] == 1 && res.boiler[1] == 0 && res.boiler[2] == 1 &&
		    res.boiler[3] == 1);
		ls_article(ls, &mv, r, 5, &res);
		CHECK("lineshape: the model overrules a closing line it scores low",
		    res.boiler[0] == 1 && res.boiler[1] == 0 && res.boiler[2] == 1 &&
		    res.boiler[3] == 0);
		ls_article(ls, &mo, r, 5, &res);
		CHECK("lineshape: the model's boilerplate", res.boiler[1] == 1 &&
		    res.boiler[3] == 1);
		ls_article(ls, NULL, r, 5, &res);
		CHECK("lineshape: features alone", res.nline == 4 && res.boiler[0] == 0 &&
		    res.feat[LS_NFEAT + LS_multi] == 1 && res.feat[LS_multi] == 0 &&
		    res.feat[2 * LS_NFEAT + LS_x_repeat] == 1 &&
		    res.feat[3 * LS_NFEAT + LS_x_tail] == 1);
		ls_model_free(&mb);
		ls_model_free(&mo);
		ls_model_free(&mv);
	}
	/* a feature that no split reads may be left out of an article's
	 * lines, one that a split reads may not: the built-in model reads
	 * no exact repeat, this one nothing else */
	{
		static const char rep[] = "base\t0\nthreshold\t0.5\ntree\t0\n"
		    "split\tx_repeat_exact\t0.5\t1\t2\nleaf\t-3\nleaf\t3\n";
		static const char *const txt[] = { "同一行文字", "第一句话。",
			"同一行文字", "另一行" };
		struct ls_rec r[4];
		struct ls_result res;
		struct ls_model mr, mi;

		memset(r, 0, sizeof r);
		for (i = 0; i < 4; i++) {
			r[i].text = txt[i];
			r[i].len = strlen(txt[i]);
			r[i].newline = 1;
		}
		ls_model_builtin(&mi);
		CHECK("lineshape: the features a model reads",
		    ls_model_load(&mr, "t", rep, sizeof rep - 1) == 0 &&
		    mr.uses[LS_x_repeat_exact] && !mr.uses[LS_ends] &&
		    !mi.uses[LS_x_repeat_exact] && mi.uses[LS_ends]);
		ls_article(ls, &mr, r, 4, &res);
		CHECK("lineshape: a feature a split reads is computed",
		    res.nline == 4 && res.boiler[0] == 0 && res.boiler[1] == 0 &&
		    res.boiler[2] == 1 && res.boiler[3] == 0);
		r[2].text = "另一行文字";	/* no longer a repeat */
		r[2].len = strlen(r[2].text);
		ls_article(ls, &mr, r, 4, &res);
		CHECK("lineshape: a feature a split reads is computed again",
		    res.nline == 4 && res.boiler[2] == 0);
		ls_model_free(&mr);
		ls_model_free(&mi);
	}
	/* smoothing: an uncertain line between two sure ones takes their side */
	{
		static const char sm[] = "base\t0\nthreshold\t0.5\nsmooth\t0.2\t0.9\n";
		double p[5] = { 0.95, 0.3, 0.95, 0.6, 0.1 };
		unsigned char b[5];

		CHECK("lineshape: smoothing band loads", ls_model_load(&m, "t", sm,
		    sizeof sm - 1) == 0 && m.lo == 0.2 && m.hi == 0.9);
		ls_decide(&m, p, 5, b);
		CHECK("lineshape: smoothing", b[0] == 1 && b[1] == 1 && b[2] == 1 &&
		    b[3] == 1 && b[4] == 0);
		p[4] = 0.05;
		p[2] = 0.1;
		ls_decide(&m, p, 5, b);
		CHECK("lineshape: no smoothing when the sides differ", b[1] == 0 &&
		    b[3] == 0 && b[2] == 0);
		ls_model_free(&m);
	}
	ls_model_builtin(&m);
	CHECK("lineshape: the built-in model", m.ntree > 0 && m.threshold > 0 &&
	    m.threshold < 1);
	for (i = 0; i < N; i++) {
		double p = ls_score(&m, f + i * LS_NFEAT);

		if (!(p >= 0 && p <= 1))
			break;
	}
	CHECK("lineshape: scores are probabilities", i == N);
	{
		/* lines of features drawn at random, scored four at a time
		 * and one at a time, in an order of their own */
		enum { NS = 203 };
		float *g = xmalloc(NS * LS_NFEAT * sizeof *g);
		size_t which[NS];
		double p[NS], q;
		uint64_t x = 88172645463325252ULL;
		int same = 1, differ = 0;

		for (i = 0; i < NS * LS_NFEAT; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			g[i] = x % 4 == 0 ? 0 : (float)(x >> 40) / (1 << 20) *
			    (x % 3 == 0 ? 1 : 40);
		}
		for (i = 0; i < NS; i++)
			which[i] = (i * 37 + 11) % NS;
		ls_score_lines(&m, g, which, NS - 2, p);
		for (i = 0; i < NS - 2; i++) {
			q = ls_score(&m, g + which[i] * LS_NFEAT);
			same &= memcmp(&q, &p[which[i]], sizeof q) == 0;
			differ |= p[which[i]] != p[which[0]];
		}
		CHECK("lineshape: scores of lines together, the same bits",
		    same && differ);
		free(g);
	}
	ls_model_free(&m);
	ls_features(ls, l, 0, f);	/* nothing: no crash */
	ls_free(ls);
	free(f);
}

/* parmap: items come back in the order they went in, each worked on
 * once, by 1 to 4 threads, whatever order the work ends in */
struct pm_item {
	unsigned in, out, times;
};

static void
pm_square(void *ctx, void *item)
{
	struct pm_item *it = item;
	unsigned *calls = ctx;

	if (it->in % 5 == 0)	/* some take longer */
		usleep(200);
	it->out = it->in * it->in;
	it->times++;
	(*calls)++;
}

/* each thread matches with a regex of its own: the match contexts and
 * JIT stacks they use must be their own too */
struct rx_item {
	const char *s;
	size_t n;
	int found, gaveup;
};

static void
rx_work(void *ctx, void *item)
{
	struct rx_item *it = item;
	size_t b, e;

	it->found = rx_find(ctx, it->s, it->n, 0, 0, &b, &e);
	it->gaveup = ((struct regex *)ctx)->gaveup;
}

static void
test_parmap(void)
{
	enum { N = 300 };
	static struct pm_item items[N];
	unsigned calls[4];
	void *ctx[4] = { &calls[0], &calls[1], &calls[2], &calls[3] };
	size_t t, k;

	for (t = 1; t <= 4; t++) {
		struct parmap *pm = pm_new(t, 2 * t, pm_square, ctx);
		size_t put = 0, got = 0, bad = 0, sum = 0;
		struct pm_item *it;

		memset(items, 0, sizeof items);
		memset(calls, 0, sizeof calls);
		CHECK("parmap: nothing in flight, nothing out", pm_get(pm) == NULL);
		while (put < N) {
			if (pm_full(pm)) {
				it = pm_get(pm);
				bad += it != &items[got] || it->out != it->in * it->in;
				got++;
			}
			items[put].in = (unsigned)put;
			pm_put(pm, &items[put++]);
		}
		CHECK("parmap: full at its depth", pm_full(pm));
		while ((it = pm_get(pm)) != NULL) {
			bad += it != &items[got] || it->out != it->in * it->in;
			got++;
		}
		for (k = 0; k < N; k++)
			bad += items[k].times != 1;
		for (k = 0; k < t; k++)
			sum += calls[k];
		CHECK("parmap: every item out once, in order, worked on once",
		    bad == 0 && got == N && sum == N);
		pm_free(pm);
	}
	pm_free(NULL);

	{
		/* many short matches at once, with repeated groups that
		 * backtrack (as the menu rules do), and a match limit */
		enum { NR = 20000 };
		static struct rx_item ri[NR];
		static const char *line[] = {
			"ab | cd | ef | gh | ij",	/* matches */
			"ab | cd | ef | gh | ij !",	/* backtracks, fails */
		};
		struct regex rx[3];
		void *rctx[3];
		int wrong = 0;
		struct parmap *pm;

		for (k = 0; k < 3; k++) {
			rx_builtin(&rx[k], "^(?:(\\w+)\\s*[|]\\s*){2,}\\w+$", 0);
			rx_limit(&rx[k], 100000);
			rctx[k] = &rx[k];
		}
		pm = pm_new(3, 12, rx_work, rctx);
		for (k = 0; k < NR; k++) {
			ri[k].s = line[k % 2];
			ri[k].n = strlen(line[k % 2]);
			if (pm_full(pm))
				(void)pm_get(pm);
			pm_put(pm, &ri[k]);
		}
		while (pm_get(pm) != NULL)
			;
		pm_free(pm);
		for (k = 0; k < NR; k++)
			wrong += ri[k].found != (k % 2 == 0) || ri[k].gaveup;
		CHECK("regex: threads matching at once each match alike", wrong == 0);
		for (k = 0; k < 3; k++)
			rx_free(&rx[k]);
	}
}

/* Bytes of each class the block validator tells apart (the high nibble,
 * and the low one where it matters: overlongs, surrogates, > U+10FFFF). */
static const unsigned char utf8_probe[] = {
	0x00, 0x01, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
	0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4,
	0xF5, 0xF7, 0xF8, 0xFF
};

/* Do utf8_clean and each of its ways this processor has give the
 * scalar answer on s[0..n)? Counts the ways compared in *ways. */
static int
utf8_ways_agree(const char *s, size_t n, size_t *ways)
{
	int want = utf8_clean_by(s, n, UTF8_SCALAR), w, r;

	if (utf8_clean(s, n) != want)
		return 0;
	for (w = UTF8_SSSE3; w <= UTF8_AVX2; w++) {
		r = utf8_clean_by(s, n, w);
		if (r >= 0 && r != want)
			return 0;
		*ways += r >= 0;
	}
	return 1;
}

/* s[0..len) at offset o of 64 bytes of ASCII, checked there and as
 * the end of the buffer. */
static int
utf8_ways_at(const unsigned char *s, size_t len, size_t o, size_t *ways)
{
	char b[64 + 4];

	memset(b, 'a', sizeof b);
	memcpy(b + o, s, len);
	return utf8_ways_agree(b, 64, ways) && utf8_ways_agree(b, o + len, ways);
}

static void
test_utf8_simd(void)
{
	static const char *const bad[] = {
		"\0", "\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80",
		"\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x80\x80\x80",
		"\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
		"\xff", "\xe4\xb8", "\xf0\x9f\x98", "\xc2", "\xe4\xb8\xad\x80"
	};
	static const size_t badlen[] = {
		1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 1, 2, 3, 1, 4
	};
	const size_t np = sizeof utf8_probe;
	unsigned char q[4];
	char big[600];
	size_t ways = 0, fails = 0, i, j, k, o, t;
	unsigned seed = 12345;

	/* every one- and two-byte sequence at every offset mod 32 */
	for (i = 0; i < 65536 + 256; i++)
		for (o = 0; o < 32; o++) {
			q[0] = (unsigned char)(i < 256 ? i : (i - 256) >> 8);
			q[1] = (unsigned char)(i - 256);
			fails += !utf8_ways_at(q, i < 256 ? 1 : 2, o, &ways);
		}
	CHECK("utf8_clean's ways agree on every 1- and 2-byte sequence",
	    fails == 0);
	/* three bytes of each class at every offset mod 32, four bytes
	 * from a lead byte across the end of a block */
	fails = 0;
	for (i = 0; i < np * np * np; i++)
		for (o = 0; o < 32; o++) {
			q[0] = utf8_probe[i / (np * np)];
			q[1] = utf8_probe[i / np % np];
			q[2] = utf8_probe[i % np];
			fails += !utf8_ways_at(q, 3, o, &ways);
		}
	for (i = 0; i < np * np * np * np; i++)
		for (o = 0; o < 32; o++) {
			q[0] = utf8_probe[i / (np * np * np)];
			q[1] = utf8_probe[i / (np * np) % np];
			q[2] = utf8_probe[i / np % np];
			q[3] = utf8_probe[i % np];
			/* a lead byte, both sides of a block's end */
			if (q[0] >= 0xC0 && (o % 16 == 0 || o % 16 >= 12))
				fails += !utf8_ways_at(q, 4, o, &ways);
		}
	CHECK("utf8_clean's ways agree on 3- and 4-byte sequences", fails == 0);
	/* each error in a long run of Han characters, ASCII and 4-byte
	 * characters, at every place: both sides of each block's end */
	fails = 0;
	for (t = 0; t < sizeof bad / sizeof *bad; t++)
		for (i = 0; i + badlen[t] <= 200; i++) {
			for (j = 0; j < 200; j += 3)
				memcpy(big + j, j % 48 == 45 ? "ab " : "\xe4\xb8\xad", 3);
			memcpy(big + 120, "\xf0\x9f\x98\x80", 4);
			memcpy(big + i, bad[t], badlen[t]);
			fails += !utf8_ways_agree(big, 200, &ways) ||
			    !utf8_ways_agree(big, i + badlen[t], &ways) ||
			    utf8_clean(big, 200);
		}
	CHECK("utf8_clean finds each error at every place of a long line",
	    fails == 0);
	/* long random lines of characters of 1 to 4 bytes, some broken */
	fails = 0;
	for (i = 0; i < 20000; i++) {
		size_t n = 0, len;

		seed = seed * 1103515245u + 12345u;
		len = (seed >> 8) % 590;
		while (n + 4 <= len) {
			uint32_t c;
			int32_t w = 0;

			seed = seed * 1103515245u + 12345u;
			switch ((seed >> 16) % 4) {
			case 0: c = 0x20 + (seed >> 3) % 0x5F; break;
			case 1: c = 0x80 + (seed >> 3) % 0x780; break;
			case 2: c = 0x4E00 + (seed >> 3) % 0x5000; break;
			default: c = 0x10000 + (seed >> 3) % 0x100000; break;
			}
			U8_APPEND_UNSAFE((uint8_t *)big + n, w, c);
			n += (size_t)w;
		}
		seed = seed * 1103515245u + 12345u;
		for (k = (seed >> 20) % 4; k > 0 && n > 0; k--) {
			seed = seed * 1103515245u + 12345u;
			big[(seed >> 8) % n] = (char)utf8_probe[(seed >> 4) % np];
		}
		fails += !utf8_ways_agree(big, n, &ways);
	}
	CHECK("utf8_clean's ways agree on random lines", fails == 0);
	printf("# utf8_clean: %zu answers of the block ways compared\n", ways);
	CHECK("utf8_clean's block ways were compared (SSSE3 or AVX2)",
	    ways > 0 || utf8_clean_by("a", 1, UTF8_SSSE3) < 0);
}

int
main(void)
{
	diag_init("test_common");
	test_utf8();
	test_utf8_simd();
	test_fold();
	test_fields();
	test_reader();
	test_reader_mem();
	test_reader_cr();
	test_article();
	test_rows();
	test_counts();
	test_spool();
	test_art_spool();
	test_boilerclass();
	test_boilerclass_shape();
	test_lineshape();
	test_site_key();
	test_docid();
	test_minhash();
	test_docsig();
	test_neardup();
	test_boilerrun();
	test_parmap();
	test_labels();
	test_sentence();
	test_punct();
	test_words();
	test_user_dict();
	test_prebuilt();
	test_prebuilt_linewords();
	test_prebuilt_model();
	test_splitter();
	test_warc_mem();
	test_jsonl();
	test_jsonl_unread();
	test_simplify();
	test_textnorm();
	test_nfkc_pieces();
	test_trie_insert();
	test_trie_prefixes();
	test_trie_da();
	test_gazetteer_filters();
	test_ws_stop();
	test_plain_latin();
	test_dense_cut();
	test_join();
	test_dense_lookup();
	test_out_ulong();
	test_fatal_loads();
	test_gazetteer_load();
	test_gazetteer_variants();
	test_gazetteer_former_paths();
	test_orgheads();
	test_placetag_roles();
	test_statedb();
	test_statedb_buckets();
	test_regex_opts();
	test_norm_fold();
	test_rx_needs();
	test_rx_first();
	test_rules_guard();
	test_numerals();
	test_numex();
	test_numex_calendar();
	test_numex_classes();
	printf("# %d checks, %d failed\n", ntest, nfail);
	return nfail != 0;
}
