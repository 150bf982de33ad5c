/* boiler.c - normal forms of lines, boilerplate rules, sentence ends */
#include "boiler.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "bytes.h"
#include "diag.h"
#include "punct.h"
#include "hash.h"
#include "rows.h"
#include "simplify.h"
#include "spool.h"
#include "textnorm.h"
#include "utf8.h"

extern const char zh_boilerplate_data[];
extern const unsigned long zh_boilerplate_size;

/* What a line's key keeps of a character above ASCII: nothing, '0'
 * for a digit, or the character (a letter or Han), as ICU says, asked
 * once for each block of 256 code points met. */
enum { FOLD_DROP, FOLD_DIGIT, FOLD_KEEP };

struct act_block;

/* Answers kept for the short lines seen (menus, bylines and notices come
 * again and again, and the key's folding depends on the line alone):
 * open addressing on the line's hash, the line's bytes kept to compare,
 * its answer after them. Emptied when full. */
#define MEMO_SLOTS 16384	/* a power of 2, half of them used at most */
#define MEMO_LINE 256		/* longer lines are not kept */
#define MEMO_TEXT (MEMO_SLOTS / 2 * 64)	/* bytes of lines and answers */
#define MEMO_SEED 0x4D454D4F

struct line_memo {
	struct memo_slot {
		uint64_t h;	/* 0: an empty slot */
		uint32_t off, len, vlen;	/* the line, then its answer */
	} *slot;
	size_t used;
	struct buf text;
};

static void
memo_clear(struct line_memo *m)
{
	if (m == NULL || m->slot == NULL)
		return;
	memset(m->slot, 0, MEMO_SLOTS * sizeof *m->slot);
	m->used = 0;
	m->text.len = 0;
}

static void
memo_free(struct line_memo *m)
{
	if (m == NULL)
		return;
	free(m->slot);
	buf_free(&m->text);
	memset(m, 0, sizeof *m);
}

/* The slot of s[0..n): the line's (a known line: ->h set), or the empty
 * one where it would go; *h is the line's hash. NULL for a line too long
 * or empty. */
static struct memo_slot *
memo_find(struct line_memo *m, const char *s, size_t n, uint64_t *h)
{
	size_t i;

	if (n == 0 || n > MEMO_LINE)
		return NULL;
	if (m->slot == NULL)
		m->slot = xcalloc(MEMO_SLOTS, sizeof *m->slot);
	*h = hash64_long(s, n, MEMO_SEED) | 1;
	for (i = (size_t)*h & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1)) {
		struct memo_slot *e = &m->slot[i];

		if (e->h == 0 || (e->h == *h && e->len == n &&
		    memcmp(m->text.p + e->off, s, n) == 0))
			return e;
	}
}

/* the answer kept in slot e */
static const char *
memo_answer(const struct line_memo *m, const struct memo_slot *e)
{
	return m->text.p + e->off + e->len;
}

/* Keep a[0..na) then b[0..nb) as the answer for s[0..n), whose empty
 * slot memo_find() gave as e. */
static void
memo_keep(struct line_memo *m, struct memo_slot *e, uint64_t h,
    const char *s, size_t n, const void *a, size_t na, const void *b,
    size_t nb)
{
	if (m->used >= MEMO_SLOTS / 2 ||
	    m->text.len + n + na + nb > MEMO_TEXT) {
		memo_clear(m);
		e = memo_find(m, s, n, &h);
	}
	e->h = h;
	e->off = (uint32_t)m->text.len;
	e->len = (uint32_t)n;
	e->vlen = (uint32_t)(na + nb);
	buf_add(&m->text, s, n);
	buf_add(&m->text, a, na);
	buf_add(&m->text, b, nb);
	m->used++;
}

struct normaliser {
	struct textnorm *tn;
	struct simplify *simp;
	struct buf nf, folded;
	uint8_t *fold[0x110000 >> 8];
	uint8_t keep[256];	/* all of U+xx00..U+xxFF is FOLD_KEEP */
	uint8_t plain[256];	/* keep[] and tn_inert_blocks() both */
	/* a bit for each character of three bytes (c >> 6, c & 63): 0 in
	 * plain blocks, but for those simplify converts */
	uint64_t stop[1024];
	int ascii_plain;	/* tn_ascii_plain() */
	struct act_block *act[0x10000 >> 8];	/* see act_block() */
	struct line_memo memo;	/* the key and folding of short lines */
	int onepass;		/* the last line was folded in one pass */
};

struct normaliser *
norm_new(void)
{
	struct normaliser *nm = xcalloc(1, sizeof *nm);

	nm->tn = tn_new(TN_NFKC);
	nm->simp = simp_new();
	nm->ascii_plain = tn_ascii_plain(nm->tn);
	memset(nm->stop, 0xFF, sizeof nm->stop);
	return nm;
}

void
norm_free(struct normaliser *nm)
{
	size_t k;

	if (nm == NULL)
		return;
	tn_free(nm->tn);
	simp_free(nm->simp);
	for (k = 0; k < sizeof nm->fold / sizeof *nm->fold; k++)
		free(nm->fold[k]);
	for (k = 0; k < sizeof nm->act / sizeof *nm->act; k++)
		free(nm->act[k]);
	buf_free(&nm->nf);
	buf_free(&nm->folded);
	memo_free(&nm->memo);
	free(nm);
}

static uint8_t
fold_class(uint32_t c)
{
	if (u_isdigit((UChar32)c))
		return FOLD_DIGIT;
	return uc_is_han(c) || u_isalpha((UChar32)c) ? FOLD_KEEP : FOLD_DROP;
}

static const uint8_t *
fold_block(struct normaliser *nm, uint32_t c)
{
	uint8_t *b = nm->fold[c >> 8];
	uint32_t k;

	if (b == NULL) {
		b = nm->fold[c >> 8] = xmalloc(256);
		for (k = 0; k < 256; k++)
			b[k] = fold_class((c & ~0xFFu) + k);
		for (k = 0; k < 256 && b[k] == FOLD_KEEP; k++)
			;
		if (c < 0x10000)
			nm->keep[c >> 8] = k == 256;
	}
	return b;
}

/* What a line's key makes of a character below U+10000 when NFKC
 * takes it alone (tn_alone) and no character of the line is one
 * simplify converts: ACT_COPY, its own bytes; ACT_BAIL, no answer here;
 * else the number of bytes in out[] (a digit, a folded ASCII mapping). */
enum { ACT_COPY = 0xFE, ACT_BAIL = 0xFF };

struct act_block {
	uint8_t n[256];
	char out[256][8];
};

static uint8_t
ascii_fold(char c)
{
	unsigned b = (unsigned char)c;

	if (b - '0' < 10)
		return '0';
	if ((b | 0x20) - 'a' < 26)
		return (uint8_t)(b | 0x20);
	return 0;
}

static const struct act_block *
act_block(struct normaliser *nm, uint32_t c)
{
	struct act_block *a = nm->act[c >> 8];
	uint32_t k, base = c & ~0xFFu;

	if (a)
		return a;
	a = nm->act[c >> 8] = xcalloc(1, sizeof *a);
	for (k = 0; k < 256; k++) {
		uint32_t cp = base + k;
		const char *map = NULL;
		int r, j;

		a->n[k] = ACT_BAIL;
		if (cp < 0x80 || (cp >= 0xD800 && cp <= 0xDFFF) ||
		    (r = tn_alone(nm->tn, cp, &map)) < 0)
			continue;
		if (r == 0) {
			if (simp_changes(cp))
				continue;
			switch (fold_block(nm, cp)[k]) {
			case FOLD_KEEP:
				a->n[k] = ACT_COPY;
				break;
			case FOLD_DIGIT:
				a->out[k][0] = '0';
				a->n[k] = 1;
				break;
			default:
				a->n[k] = 0;
			}
			continue;
		}
		for (j = 0; j < r && (unsigned char)map[j] < 0x80; j++)
			;
		if (j < r || simp_changes(cp))	/* a one-pass line holds none */
			continue;
		a->n[k] = 0;
		for (j = 0; j < r; j++)
			if (ascii_fold(map[j]))
				a->out[k][a->n[k]++] = (char)ascii_fold(map[j]);
	}
	return a;
}

/* The line's folded form appended to out in one pass, when NFKC and the
 * simplification would give the line back as it is, or would only map
 * characters to ASCII: a line of ASCII and of characters below U+10000
 * that NFKC takes one at a time (tn_alone), none of them one simplify
 * converts. Characters of three bytes from blocks that NFKC keeps
 * (tn_inert_blocks) and the key keeps all go by runs. Returns 0, out as
 * it was, on any other line. */
static int
fold_plain(struct normaliser *nm, const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run, start = out->len;
	char *o;

	if (!nm->ascii_plain)
		return 0;
	/* a character of 2 or 3 bytes gives at most 8 (a mapping): room
	 * for 4 a byte */
	buf_reserve(out, 4 * n + 8);
	o = out->p + out->len;
	while (i < n) {
		unsigned b = p[i];
		const struct act_block *a;
		uint32_t c;
		size_t len;
		uint8_t v;

		if (b < 0x80) {
			if (b - '0' < 10)
				*o++ = '0';
			else if ((b | 0x20) - 'a' < 26)
				*o++ = (char)(b | 0x20);
			i++;
			continue;
		}
		for (run = i; n - i >= 3 && (p[i] & 0xF0) == 0xE0; i += 3) {
			/* the word of c >> 6 (a character of three bytes) */
			unsigned w = (p[i] & 0x0Fu) << 6 | (p[i + 1] & 0x3Fu);

			if (!(nm->stop[w] >> (p[i + 2] & 0x3F) & 1))
				continue;
			if (nm->plain[w >> 2] || !nm->keep[w >> 2] ||
			    !tn_inert_blocks(nm->tn)[w >> 2])
				break;
			nm->plain[w >> 2] = 1;
			memcpy(nm->stop + (w & ~3u), zh_tradset_bmp + (w & ~3u),
			    4 * sizeof *nm->stop);
			if (nm->stop[w] >> (p[i + 2] & 0x3F) & 1)
				break;
		}
		memcpy(o, s + run, i - run);
		o += i - run;
		if (i >= n || p[i] < 0x80)
			continue;
		b = p[i];
		if ((b & 0xF0) == 0xE0 && n - i >= 3) {
			c = utf8_decode3(p + i);
			len = 3;
		} else if (b >= 0xC2 && b < 0xE0 && n - i >= 2) {
			c = (b & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu);
			len = 2;
		} else
			break;
		a = act_block(nm, c);
		v = a->n[c & 0xFF];
		if (v == ACT_BAIL)
			break;
		if (v == ACT_COPY) {
			memcpy(o, s + i, len);
			o += len;
		} else {
			memcpy(o, a->out[c & 0xFF], v);
			o += v;
		}
		i += len;
	}
	if (i < n) {
		out->len = start;
		return 0;
	}
	out->len = (size_t)(o - out->p);
	return 1;
}

/* the hash of the form out[start..), 0 for an empty one */
static inline uint64_t
form_hash(const struct buf *out, size_t start)
{
	uint64_t h;

	if (out->len == start)
		return 0;
	h = hash64(out->p + start, out->len - start, 0);
	return h ? h : 1;
}

/* The key's folding of the line (see boiler.h), appended to out; its
 * hash, 0 for an empty form. A short line that NFKC or the
 * simplification change (one of Traditional characters, converted by
 * OpenCC) is folded once: its hash and folded form are kept. */
static uint64_t
norm_key(struct normaliser *nm, const char *s, size_t n, struct buf *out)
{
	size_t i = 0, j, tn, run = 0, runlen = 0, start = out->len;
	uint64_t h, mh = 0;
	const char *t;
	char *o;
	struct memo_slot *e = NULL;

	if ((nm->onepass = fold_plain(nm, s, n, out)) != 0)
		goto hash;
	e = memo_find(&nm->memo, s, n, &mh);
	if (e && e->h) {
		const char *v = memo_answer(&nm->memo, e);

		memcpy(&h, v, sizeof h);
		buf_add(out, v + sizeof h, e->vlen - sizeof h);
		return h;
	}
	tn_apply(nm->tn, s, n, &nm->nf);
	t = simp_line(nm->simp, nm->nf.p ? nm->nf.p : "", nm->nf.len, &tn);
	/* no longer than t: a character gives itself, '0' or nothing (and a
	 * lead byte cut short at the end, its 3 bytes at most) */
	buf_reserve(out, tn + 4);
	o = out->p + out->len;
	while (i < tn) {
		unsigned char b = (unsigned char)t[i];
		uint32_t c;
		uint8_t k;

		if (b < 0x80) {
			if (runlen) {
				memcpy(o, t + run, runlen);
				o += runlen;
				runlen = 0;
			}
			if (b >= '0' && b <= '9')
				*o++ = '0';
			else if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')
				*o++ = (char)(b | 0x20);
			i++;
			continue;
		}
		j = i;
		/* three bytes of a block kept whole (Han): no more to ask */
		if (tn - i >= 3 && (b & 0xF0) == 0xE0 && nm->keep[(b & 0x0F) << 4 |
		    ((unsigned char)t[i + 1] & 0x3F) >> 2]) {
			if (runlen == 0)
				run = j;
			runlen += 3;
			i += 3;
			continue;
		}
		c = utf8_next(t, tn, &i);
		k = c < 0x110000 ? fold_block(nm, c)[c & 0xFF] : fold_class(c);
		if (k == FOLD_KEEP) {	/* the run of kept characters grows */
			if (runlen == 0)
				run = j;
			runlen += i - j;
			continue;
		}
		if (runlen) {
			memcpy(o, t + run, runlen);
			o += runlen;
			runlen = 0;
		}
		if (k == FOLD_DIGIT)
			*o++ = '0';
	}
	memcpy(o, t + run, runlen);
	o += runlen;
	out->len = (size_t)(o - out->p);
	h = form_hash(out, start);
	if (e)
		memo_keep(&nm->memo, e, mh, s, n, &h, sizeof h,
		    out->p + start, out->len - start);
	return h;
hash:
	return form_hash(out, start);
}

uint64_t
norm_hash(struct normaliser *nm, const char *s, size_t n)
{
	nm->folded.len = 0;
	return norm_key(nm, s, n, &nm->folded);
}

int
norm_plain(const struct normaliser *nm)
{
	return nm->onepass;
}

const char *
norm_folded(const struct normaliser *nm, size_t *len)
{
	*len = nm->folded.len;
	return nm->folded.p;
}

#define SITE_SEED 0x53495445

uint64_t
site_key(const char *line, size_t n, size_t text_off, long site_field,
    int *absent)
{
	size_t b, e, h;
	long i;

	*absent = site_field > 0;
	for (i = 1, b = 0; b <= n; i++, b = e + 1) {
		const char *t = b < n ? memchr(line + b, '\t', n - b) : NULL;

		e = t ? (size_t)(t - line) : n;
		if (b == text_off || (site_field && i != site_field))
			continue;
		if (site_field) {
			*absent = 0;
			return hash64(line + b, e - b, SITE_SEED) | 1;
		}
		if (e - b > 8 && memcmp(line + b, "https://", 8) == 0)
			h = b + 8;
		else if (e - b > 7 && memcmp(line + b, "http://", 7) == 0)
			h = b + 7;
		else
			continue;
		for (b = h; h < e && line[h] != '/' && line[h] != ':'; h++)
			;
		return hash64(line + b, h - b, SITE_SEED) | 1;
	}
	return SITE_SEED;	/* one site for all */
}

uint64_t
article_site(const struct article *a, long site_field, int *warned)
{
	size_t n;
	const char *line = art_line(a, 0, &n);
	int absent;
	uint64_t site = site_key(line, n, a->r[0].toff - a->r[0].off,
	    site_field, &absent);

	if (absent && !*warned) {
		input_warning(a->r[0].file, a->r[0].lineno, "no key field %ld "
		    "(--site-field) in the record: its article counts as "
		    "one site with every other such article", site_field);
		*warned = 1;
	}
	return site;
}

uint64_t
line_key(uint64_t site, uint64_t h)
{
	uint64_t k = h ^ (site * 0x9E3779B97F4A7C15ULL);

	return k ? k : 1;
}

/* An even site: every site key is odd (site_key), so no line key of a
 * site is a form key but by a collision of the hashes. */
#define FORM_SITE 0x464F524D53495445ULL

uint64_t
form_key(uint64_t h)
{
	return line_key(FORM_SITE, h);
}

static void
forms_room(struct forms *f, size_t n)
{
	if (n > f->cap) {
		f->cap = n;
		f->key = xrealloc(f->key, f->cap * sizeof *f->key);
		f->gkey = xrealloc(f->gkey, f->cap * sizeof *f->gkey);
		f->flen = xrealloc(f->flen, f->cap * sizeof *f->flen);
		f->plain = xrealloc(f->plain, f->cap);
	}
}

void
forms_make(struct forms *f, struct normaliser *nm, uint64_t site,
    const struct article *a)
{
	size_t i;

	forms_room(f, a->n);
	f->folded.len = 0;
	for (i = 0; i < a->n; i++) {
		size_t tlen, start = f->folded.len;
		const char *t = art_text(a, i, &tlen);
		uint64_t h = norm_key(nm, t, tlen, &f->folded);

		f->key[i] = h ? line_key(site, h) : 0;
		f->gkey[i] = h ? form_key(h) : 0;
		f->flen[i] = f->folded.len - start;
		f->plain[i] = (unsigned char)nm->onepass;
	}
	f->n = a->n;
}

int
forms_spool(const struct forms *f, struct spool *sp)
{
	uint64_t len = f->folded.len;

	if (spool_write(sp, f->key, f->n * sizeof *f->key) < 0 ||
	    spool_write(sp, f->gkey, f->n * sizeof *f->gkey) < 0 ||
	    spool_write(sp, f->flen, f->n * sizeof *f->flen) < 0 ||
	    spool_write(sp, f->plain, f->n) < 0 ||
	    spool_write(sp, &len, sizeof len) < 0 ||
	    spool_write(sp, f->folded.p, f->folded.len) < 0)
		return -1;
	return 0;
}

int
forms_unspool(struct forms *f, size_t n, struct spool *sp)
{
	uint64_t len, off = 0;
	size_t i;

	forms_room(f, n);
	f->n = n;
	f->folded.len = 0;
	if ((n && (spool_read(sp, f->key, n * sizeof *f->key) != 1 ||
	    spool_read(sp, f->gkey, n * sizeof *f->gkey) != 1 ||
	    spool_read(sp, f->flen, n * sizeof *f->flen) != 1 ||
	    spool_read(sp, f->plain, n) != 1)) ||
	    spool_read(sp, &len, sizeof len) != 1)
		return -1;
	buf_reserve(&f->folded, (size_t)len + 1);
	if (len && spool_read(sp, f->folded.p, (size_t)len) != 1)
		return -1;
	f->folded.len = (size_t)len;
	for (i = 0; i < n; i++)
		off += f->flen[i];
	if (off != len) {
		errno = EIO;
		return -1;
	}
	return 1;
}

void
forms_free(struct forms *f)
{
	free(f->key);
	free(f->gkey);
	free(f->flen);
	free(f->plain);
	buf_free(&f->folded);
	memset(f, 0, sizeof *f);
}

/* Can the pattern be one branch of an alternation and mean the same?
 * Not with numbered back references or subroutine calls (the numbers
 * shift) or control verbs; when unsure, say no. */
static int
combinable(const char *pat)
{
	const char *p;

	for (p = pat; *p; p++) {
		if (p[0] == '\\' && p[1]) {
			if ((p[1] >= '1' && p[1] <= '9') || p[1] == 'g' ||
			    p[1] == 'k')
				return 0;
			p++;
			continue;
		}
		if (p[0] == '(' && (p[1] == '*' || (p[1] == '?' &&
		    p[2] && strchr("P&R+-0123456789", p[2]))))
			return 0;
	}
	return 1;
}

/* Add the rule name[0..nlen) with pattern pat: 0, or -1 with the
 * reason in err. */
static int
rule_add(struct rules *r, const char *name, size_t nlen, const char *pat,
    char *err, size_t errsz)
{
	r->rx = xrealloc(r->rx, (r->n + 1) * sizeof *r->rx);
	r->name = xrealloc(r->name, (r->n + 1) * sizeof *r->name);
	r->pat = xrealloc(r->pat, (r->n + 1) * sizeof *r->pat);
	r->alone = xrealloc(r->alone, (r->n + 1) * sizeof *r->alone);
	if (rx_compile(&r->rx[r->n], pat, 0, err, errsz) < 0)
		return -1;
	rx_limit(&r->rx[r->n], RULES_LIMIT);
	r->rx[r->n].warned = 1;		/* rules_match says it */
	r->name[r->n] = xmalloc(nlen + 1);
	memcpy(r->name[r->n], name, nlen);
	r->name[r->n][nlen] = '\0';
	r->pat[r->n] = xstrdup(pat);
	r->alone[r->n++] = combinable(pat) ? 0 : 1;
	r->stale = 1;
	return 0;
}

int
rules_load_rows(struct rules *r, struct rows *rows)
{
	struct buf pat = { 0 };
	char err[300];

	while (rows_next(rows)) {
		const char *tab = memchr(rows->s, '\t', rows->n);

		if (tab == NULL || tab == rows->s || tab + 1 == rows->s + rows->n) {
			rows_error(rows, "expected name<TAB>pattern");
			break;
		}
		pat.len = 0;
		buf_add(&pat, tab + 1, (size_t)(rows->s + rows->n - tab - 1));
		if (rule_add(r, rows->s, (size_t)(tab - rows->s), buf_cstr(&pat),
		    err, sizeof err) < 0) {
			rows_error(rows, "rule '%.*s': %s", (int)(tab - rows->s),
			    rows->s, err);
			break;
		}
	}
	buf_free(&pat);
	return rows->failed ? -1 : 0;
}

void
rules_copy(struct rules *dst, const struct rules *src)
{
	char err[300];
	size_t k;

	memset(dst, 0, sizeof *dst);
	for (k = 0; k < src->n; k++)
		if (rule_add(dst, src->name[k], strlen(src->name[k]),
		    src->pat[k], err, sizeof err) < 0)
			die(EXIT_TROUBLE, "rule '%s' compiled once, not twice: %s",
			    src->name[k], err);
	dst->on_gaveup = src->on_gaveup;
	dst->gaveup_arg = src->gaveup_arg;
}

void
rules_say_gaveup(const struct rules *r, size_t k, size_t n)
{
	warnx("rule '%s' gave up on a line of %zu bytes (taken as not "
	    "matching there; --stats counts such lines)", r->name[k], n);
}

int
rules_load_buf(struct rules *r, const char *name, const char *p, size_t n)
{
	struct rows rows;
	int rc;

	rows_buf(&rows, name, p, n, 0);
	rc = rules_load_rows(r, &rows);
	rows_close(&rows);
	return rc;
}

int
rules_load(struct rules *r, const char *path)
{
	struct rows rows;
	int rc;

	if (path == NULL)
		return rules_load_buf(r, "built-in rules", zh_boilerplate_data,
		    zh_boilerplate_size);
	if (rows_path(&rows, path, 0) < 0)
		return -1;
	rc = rules_load_rows(r, &rows);
	rows_close(&rows);
	return rc;
}

enum { ALONE_UNJOINABLE = 1, ALONE_SLOW };	/* values of alone[] */

/* The end of the top-level branch of pat that starts at p (at a '|' or
 * the NUL), or NULL when unsure (unbalanced, or quoted with \Q). */
static const char *
branch_end(const char *p)
{
	int depth = 0, inclass = 0;

	for (; *p; p++) {
		if (*p == '\\') {
			if (p[1] == '\0' || p[1] == 'Q')
				return NULL;
			p++;
			continue;
		}
		if (inclass) {
			if (*p == ']')
				inclass = 0;
			continue;
		}
		if (*p == '[') {
			inclass = 1;
			if (p[1] == '^')
				p++;
			if (p[1] == ']')
				p++;	/* a leading ] is a member */
		} else if (*p == '(')
			depth++;
		else if (*p == ')') {
			if (--depth < 0)
				return NULL;
		} else if (*p == '|' && depth == 0)
			return p;
	}
	return depth == 0 && !inclass ? p : NULL;
}

/* (?i) and the like change the options of all that follows them, across
 * branches: such a pattern is not split. */
static int
option_setting(const char *pat)
{
	const char *p = pat;

	while ((p = strstr(p, "(?")) != NULL) {
		size_t k = strspn(p + 2, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ-^");

		if (k > 0 && p[2 + k] == ')')
			return 1;
		p += 2;
	}
	return 0;
}

static void
add_branch(struct buf *all, const char *p, size_t n)
{
	if (all->len)
		buf_addc(all, '|');
	buf_add(all, "(?:", 3);
	buf_add(all, p, n);
	buf_addc(all, ')');
}

/* The literal a branch p[0..n) of a pattern begins with: the length of
 * its leading characters that stand for themselves, none of them made
 * optional or repeated by a quantifier after it; 0 when it begins
 * otherwise. Any match of the branch begins with those bytes. */
static size_t
lead_literal(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		size_t w = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		if (c < 0x80 && strchr("\\^$.[]()|*+?{}", c))
			break;
		if (i + w > n || (i + w < n && strchr("?*+{", p[i + w])))
			break;
		i += w;
	}
	return i;
}

/* Branches that need some characters (rx_needs), each tried alone and
 * only on a line that holds a member of each set it needs. Each set is
 * a bit; a character stands for the bits of the sets it is in, and for
 * the literals of r->lit that begin with it. One pass over a line finds
 * both. */
#define GUARD_SETS 128		/* bits of need[] */
#define GUARD_PER_BRANCH 6	/* the smallest sets of a branch */

struct guarded {
	struct regex rx;
	uint64_t need[2];
	size_t rule;		/* its rule, an index of r->rx */
	/* a branch anchored at ^ whose match begins with one of first */
	int lead1;
	struct rx_first first;
};

struct guard_char {
	uint32_t c;		/* 0: an empty slot */
	uint32_t lit0, nlit;	/* r->lit[lit0..lit0+nlit) begin with c */
	uint64_t m[2];
};

struct guards {
	struct guarded *b;
	size_t n, nsets;
	struct guard_char ascii[128];
	struct guard_char *tab;	/* the others, open addressing */
	size_t tabn, tabmask;
	uint64_t filter[1024];	/* bit c & 0xFFFF of each of them */
	/* each set is a branch's own: the first set of each branch, and
	 * the branch of each set, for the branches a line's sets allow */
	uint64_t lead[2];
	uint16_t owner[GUARD_SETS];
	/* of each rule (r->n): RULE_LIT when it has a branch led by one of
	 * the literals, RULE_ANY one that needs nothing seen; and which
	 * rules may match the line at hand (guard_may) */
	unsigned char *rule, *may;
	/* the rules tried alone (r->alone), in order, while alone_ok */
	size_t *alone, nalone;
	int alone_ok;
};

enum { RULE_LIT = 1, RULE_ANY = 2 };

static size_t
guard_slot(const struct guards *g, uint32_t c)
{
	size_t h = (size_t)((c * 0x9E3779B1u) >> 7) & g->tabmask;

	while (g->tab[h].c != 0 && g->tab[h].c != c)
		h = (h + 1) & g->tabmask;
	return h;
}

static struct guard_char *
guard_char(struct guards *g, uint32_t c)
{
	size_t h;

	if (c < 0x80)
		return &g->ascii[c];
	if (2 * (g->tabn + 1) > g->tabmask + 1) {	/* grow */
		struct guard_char *old = g->tab;
		size_t k, oldn = old ? g->tabmask + 1 : 0;

		g->tabmask = oldn ? 2 * oldn - 1 : 63;
		g->tab = xcalloc(g->tabmask + 1, sizeof *g->tab);
		for (k = 0; k < oldn; k++)
			if (old[k].c)
				g->tab[guard_slot(g, old[k].c)] = old[k];
		free(old);
	}
	h = guard_slot(g, c);
	if (g->tab[h].c == 0) {
		g->tab[h].c = c;
		g->tabn++;
	}
	g->filter[(c >> 6) & 1023] |= (uint64_t)1 << (c & 63);
	return &g->tab[h];
}

/* Take the branch p[0..n) as a guarded one: 1, or 0 when it needs
 * nothing to be seen (or the sets are all taken). */
static int
guard_add(struct guards *g, size_t rule, const char *p, size_t n)
{
	struct rx_set set[16];
	size_t ns = rx_needs(p, n, set, 16), i, j;
	struct guarded b = { 0 };
	char err[300], *pat;
	const char *e;

	for (i = 1; i < ns; i++)	/* the smallest first */
		for (j = i; j > 0 && set[j].n < set[j - 1].n; j--) {
			struct rx_set t = set[j];

			set[j] = set[j - 1];
			set[j - 1] = t;
		}
	if (ns > GUARD_PER_BRANCH)
		ns = GUARD_PER_BRANCH;
	if (ns > GUARD_SETS - g->nsets)
		ns = GUARD_SETS - g->nsets;
	if (ns == 0)
		return 0;
	pat = xmalloc(n + 1);
	memcpy(pat, p, n);
	pat[n] = '\0';
	if (rx_compile(&b.rx, pat, 0, err, sizeof err) < 0) {
		free(pat);
		return 0;
	}
	e = branch_end(pat);
	b.lead1 = *p == '^' && e != NULL && *e == '\0' &&
	    rx_first(p, n, &b.first);
	free(pat);
	rx_limit(&b.rx, RULES_LIMIT);
	b.rx.warned = 1;	/* the rule will say it gave up */
	g->lead[g->nsets >> 6] |= (uint64_t)1 << (g->nsets & 63);
	for (i = 0; i < ns; i++, g->nsets++) {
		uint64_t bit = (uint64_t)1 << (g->nsets & 63);

		g->owner[g->nsets] = (uint16_t)g->n;

		b.need[g->nsets >> 6] |= bit;
		for (j = 0; j < set[i].n; j++)
			guard_char(g, set[i].c[j])->m[g->nsets >> 6] |= bit;
	}
	b.rule = rule;
	g->b = xrealloc(g->b, (g->n + 1) * sizeof *g->b);
	g->b[g->n++] = b;
	return 1;
}

static void
guards_free(struct guards *g)
{
	size_t k;

	if (g == NULL)
		return;
	for (k = 0; k < g->n; k++)
		rx_free(&g->b[k].rx);
	free(g->b);
	free(g->tab);
	free(g->rule);
	free(g->may);
	free(g->alone);
	free(g);
}

/* The bits of the sets whose members s[0..n) holds, and whether it holds
 * one of the literals lit[0..nlit). A character is read where its bytes
 * are well-formed, and the scan moves on a byte where they are not: it
 * passes no character boundary (no lead byte or ASCII is a continuation
 * byte), so it finds the characters PCRE2 finds there, in valid UTF-8
 * or not. */
static void
guard_scan(const struct guards *g, char *const *lit, const size_t *litlen,
    const char *s, size_t n, uint64_t have[2], int *haslit)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	have[0] = have[1] = 0;
	*haslit = 0;
	while (i < n) {
		unsigned b = u[i];
		const struct guard_char *gc;
		size_t at = i;
		uint32_t c, k, x;

		if (b < 0x80) {
			gc = &g->ascii[b];
			i++;
		} else if (n - i >= 4 &&
		    ((x = load_le32(u + i)) & 0xC0C0F0) == 0x8080E0) {
			/* three bytes (most of Chinese text), read as a word:
			 * bits 6..15 of c pick the filter's word */
			c = (x & 0x0F) << 12 | (x >> 2 & 0xFC0) | (x >> 16 & 0x3F);
			i += 3;
			if (!(g->filter[c >> 6] >> (c & 63) & 1))
				continue;
			gc = &g->tab[guard_slot(g, c)];
		} else {
			if (b >= 0xE0 && b < 0xF0 && n - i >= 3 &&
			    (u[i + 1] & 0xC0) == 0x80 &&
			    (u[i + 2] & 0xC0) == 0x80) {
				c = utf8_decode3(u + i);
				i += 3;
			} else if (b >= 0xC0 && b < 0xE0 && n - i >= 2 &&
			    (u[i + 1] & 0xC0) == 0x80) {
				c = (b & 0x1Fu) << 6 | (u[i + 1] & 0x3Fu);
				i += 2;
			} else if (b >= 0xF0 && b < 0xF8 && n - i >= 4 &&
			    (u[i + 1] & 0xC0) == 0x80 &&
			    (u[i + 2] & 0xC0) == 0x80 &&
			    (u[i + 3] & 0xC0) == 0x80) {
				c = (b & 0x07u) << 18 | (u[i + 1] & 0x3Fu) << 12 |
				    (u[i + 2] & 0x3Fu) << 6 | (u[i + 3] & 0x3Fu);
				i += 4;
			} else {
				i++;
				continue;
			}
			if (!(g->filter[(c >> 6) & 1023] >> (c & 63) & 1))
				continue;
			gc = &g->tab[guard_slot(g, c)];
		}
		have[0] |= gc->m[0];
		have[1] |= gc->m[1];
		for (k = gc->lit0; k < gc->lit0 + gc->nlit && !*haslit; k++)
			*haslit = litlen[k] <= n - at &&
			    memcmp(s + at, lit[k], litlen[k]) == 0;
	}
}

/* The first character of s[0..n) where its bytes are well-formed UTF-8
 * (as PCRE2 reads them) and not NUL, else -1: not known. */
static int64_t
first_char(const char *s, size_t n)
{
	size_t w, i = 0;

	if (n == 0)
		return -1;
	w = utf8_seqlen((unsigned char)s[0]);
	if (w > n || !utf8_clean_scalar(s, w))
		return -1;
	return utf8_next(s, n, &i);
}

/* May branch gb match a line whose first character is first (-1: not
 * known)? An anchored branch begins its match there. */
static int
lead_may(const struct guarded *gb, int64_t first)
{
	return !gb->lead1 || first < 0 || rx_first_may(&gb->first,
	    (uint32_t)first);
}

/* Which rules of the alternations may match a line that holds the sets
 * have and (lit) a literal, and begins with first: g->may[k]. */
static void
guard_may(struct guards *g, size_t nrules, const uint64_t have[2], int lit,
    int64_t first)
{
	size_t k;

	for (k = 0; k < nrules; k++)
		g->may[k] = (g->rule[k] & RULE_ANY) ||
		    ((g->rule[k] & RULE_LIT) && lit);
	for (k = 0; k < 2; k++) {
		uint64_t m = have[k] & g->lead[k];

		for (; m; m &= m - 1) {
			const struct guarded *gb =
			    &g->b[g->owner[k << 6 | (unsigned)__builtin_ctzll(m)]];

			if (!((gb->need[0] & ~have[0]) |
			    (gb->need[1] & ~have[1])) && lead_may(gb, first))
				g->may[gb->rule] = 1;
		}
	}
}

/* Does a guarded branch that s[0..n) holds what it needs for match it
 * (or give up on it)? */
static int
guard_match(struct guards *g, const uint64_t have[2], const char *s,
    size_t n, int64_t first)
{
	size_t k, b, e;

	/* the branches in the order they came, as their first sets */
	for (k = 0; k < 2; k++) {
		uint64_t m = have[k] & g->lead[k];

		for (; m; m &= m - 1) {
			struct guarded *gb =
			    &g->b[g->owner[k << 6 | (unsigned)__builtin_ctzll(m)]];

			if ((gb->need[0] & ~have[0]) |
			    (gb->need[1] & ~have[1]) || !lead_may(gb, first))
				continue;
			if (rx_find(&gb->rx, s, n, 0, 0, &b, &e) ||
			    gb->rx.gaveup)
				return 1;
		}
	}
	return 0;
}

/* Each top-level branch of pat joins all[1] when it begins with ^, else
 * all[0] when it begins with a literal of 2 bytes or more (added to
 * r->lit), else all[2]; a pattern that cannot be split joins all[2]
 * whole. Those of all[1] and all[2] that need characters are guarded
 * instead. */
static void
add_rule_branches(struct rules *r, struct buf all[3], size_t rule)
{
	const char *pat = r->pat[rule], *p, *e;

	for (p = pat; (e = branch_end(p)) != NULL && *e; p = e + 1)
		;
	if (e == NULL || option_setting(pat)) {
		if (!guard_add(r->guard, rule, pat, strlen(pat))) {
			add_branch(&all[2], pat, strlen(pat));
			r->guard->rule[rule] |= RULE_ANY;
		}
		return;
	}
	for (p = pat;; p = e + 1) {
		size_t lit;
		int g;

		e = branch_end(p);
		lit = *p == '^' ? 0 : lead_literal(p, (size_t)(e - p));
		if (lit >= 2) {
			r->lit = xrealloc(r->lit, (r->nlit + 1) * sizeof *r->lit);
			r->litlen = xrealloc(r->litlen,
			    (r->nlit + 1) * sizeof *r->litlen);
			r->lit[r->nlit] = xmalloc(lit);
			memcpy(r->lit[r->nlit], p, lit);
			r->litlen[r->nlit++] = lit;
		}
		g = *p == '^' ? 1 : lit >= 2 ? 0 : 2;
		if (g == 0 || !guard_add(r->guard, rule, p, (size_t)(e - p))) {
			add_branch(&all[g], p, (size_t)(e - p));
			r->guard->rule[rule] |= g == 0 ? RULE_LIT : RULE_ANY;
		}
		if (*e == '\0')
			break;
	}
}

static void
free_lits(struct rules *r)
{
	size_t k;

	for (k = 0; k < r->nlit; k++)
		free(r->lit[k]);
	free(r->lit);
	free(r->litlen);
	r->lit = NULL;
	r->litlen = NULL;
	r->nlit = 0;
	guards_free(r->guard);
	r->guard = NULL;
}

/* The literals in byte order, and those that begin with each character
 * found from it (r->guard). */
static void
index_lits(struct rules *r)
{
	size_t i, j;

	for (i = 1; i < r->nlit; i++)	/* a few dozen: insertion */
		for (j = i; j > 0; j--) {
			size_t m = r->litlen[j - 1] < r->litlen[j] ?
			    r->litlen[j - 1] : r->litlen[j];
			int c = memcmp(r->lit[j - 1], r->lit[j], m);
			char *t;
			size_t tl;

			if (c < 0 || (c == 0 && r->litlen[j - 1] <= r->litlen[j]))
				break;
			t = r->lit[j], r->lit[j] = r->lit[j - 1], r->lit[j - 1] = t;
			tl = r->litlen[j], r->litlen[j] = r->litlen[j - 1],
			    r->litlen[j - 1] = tl;
		}
	for (i = 0; i < r->nlit; i++) {
		size_t at = 0;
		struct guard_char *gc = guard_char(r->guard,
		    utf8_next(r->lit[i], r->litlen[i], &at));

		if (gc->nlit == 0)
			gc->lit0 = (uint32_t)i;
		gc->nlit++;	/* one run: they are in byte order */
	}
}

/* The alternations of the rules that are not alone. */
static void
make_any(struct rules *r)
{
	struct buf all[3] = { { 0 }, { 0 }, { 0 } };
	char err[300];
	size_t k;
	int g;

	free_lits(r);
	r->guard = xcalloc(1, sizeof *r->guard);
	r->guard->rule = xcalloc(r->n + 1, 1);
	r->guard->may = xcalloc(r->n + 1, 1);
	for (k = 0; k < r->n; k++)
		if (!r->alone[k])
			add_rule_branches(r, all, k);
	index_lits(r);
	for (g = 0; g < 3; g++) {
		if (r->have_any[g])
			rx_free(&r->any[g]);
		r->have_any[g] = all[g].len > 0 && rx_compile(&r->any[g],
		    buf_cstr(&all[g]), 0, err, sizeof err) == 0;
		if (r->have_any[g]) {
			rx_limit(&r->any[g], RULES_LIMIT);
			r->any[g].warned = 1;	/* the rule will say it gave up */
		} else if (all[g].len > 0)	/* cannot happen: try them all */
			for (k = 0; k < r->n; k++)
				if (!r->alone[k])
					r->alone[k] = ALONE_UNJOINABLE;
		buf_free(&all[g]);
	}
	r->stale = 0;
	memo_clear(r->memo);
}

static const char *match_rules(struct rules *r, const char *s, size_t n,
    int *gaveup, int32_t *rule);

const char *
rules_match(struct rules *r, const char *s, size_t n, int *gaveup)
{
	int32_t rule;

	return match_rules(r, s, n, gaveup, &rule);
}

static const char *match_lines(struct rules *r, const char *s, size_t n,
    int *gaveup, int32_t *rule);

/* rules_match(); *rule is the index of the rule named, or -1. A short
 * line's answer is kept, unless a rule gave up on it; as a rule that
 * gives up is tried alone from then on, the answers kept so far are
 * dropped then, and when the rules change (make_any). */
static const char *
match_rules(struct rules *r, const char *s, size_t n, int *gaveup,
    int32_t *rule)
{
	struct memo_slot *e;
	uint64_t h = 0;
	const char *name;

	if (r->stale)
		make_any(r);
	if (r->memo == NULL)
		r->memo = xcalloc(1, sizeof *r->memo);
	e = memo_find(r->memo, s, n, &h);
	if (e && e->h) {
		memcpy(rule, memo_answer(r->memo, e), sizeof *rule);
		*gaveup = 0;
		return *rule >= 0 ? r->name[*rule] : NULL;
	}
	name = match_lines(r, s, n, gaveup, rule);
	if (*gaveup)
		memo_clear(r->memo);
	else if (e)
		memo_keep(r->memo, e, h, s, n, rule, sizeof *rule, NULL, 0);
	return name;
}

/* match_rules() without the memo, on rules it made current */
static const char *
match_lines(struct rules *r, const char *s, size_t n, int *gaveup,
    int32_t *rule)
{
	size_t i, k, b, e;
	int some = 0;	/* a rule of the alternations may match */
	uint64_t have[2];
	int lit;
	int64_t first;

	*gaveup = 0;
	*rule = -1;
	if (r->guard == NULL)	/* no rules */
		return NULL;
	guard_scan(r->guard, r->lit, r->litlen, s, n, have, &lit);
	first = first_char(s, n);
	/* a branch of any[0] matches where its literal is */
	if (r->have_any[0] && lit)
		some = rx_find(&r->any[0], s, n, 0, 0, &b, &e) ||
		    r->any[0].gaveup;
	if (!some && r->have_any[2])
		some = rx_find(&r->any[2], s, n, 0, 0, &b, &e) ||
		    r->any[2].gaveup;
	if (!some)
		some = guard_match(r->guard, have, s, n, first);
	if (!some && r->have_any[1])
		some = rx_find(&r->any[1], s, n, 0, 0, &b, &e) ||
		    r->any[1].gaveup;
	if (some)
		guard_may(r->guard, r->n, have, lit, first);
	if (!some && !r->guard->alone_ok) {
		struct guards *g = r->guard;

		g->alone = xrealloc(g->alone, (r->n + 1) * sizeof *g->alone);
		for (g->nalone = k = 0; k < r->n; k++)
			if (r->alone[k])
				g->alone[g->nalone++] = k;
		g->alone_ok = 1;
	}
	for (i = 0; some ? i < r->n : i < r->guard->nalone; i++) {
		/* one of the alternations' rules may match only if one of its
		 * branches may; if none may, those tried alone are all */
		k = some ? i : r->guard->alone[i];
		if (!r->alone[k] && (!some || !r->guard->may[k]))
			continue;
		if (rx_find(&r->rx[k], s, n, 0, 0, &b, &e)) {
			*rule = (int32_t)k;
			return r->name[k];
		}
		if (!r->rx[k].gaveup)
			continue;
		*gaveup = 1;
		if (r->alone[k] != ALONE_SLOW) {
			if (r->on_gaveup)
				r->on_gaveup(r->gaveup_arg, k, n);
			else
				rules_say_gaveup(r, k, n);
			if (r->alone[k] == 0)	/* out of the alternation */
				r->stale = 1;
			r->alone[k] = ALONE_SLOW;	/* from now on */
			r->guard->alone_ok = 0;
		}
	}
	return NULL;
}

void
rules_free(struct rules *r)
{
	size_t k;

	for (k = 0; k < r->n; k++) {
		rx_free(&r->rx[k]);
		free(r->name[k]);
		free(r->pat[k]);
	}
	free(r->rx);
	free(r->name);
	free(r->pat);
	free(r->alone);
	r->rx = NULL;
	r->name = r->pat = NULL;
	r->alone = NULL;
	r->n = 0;
	for (k = 0; k < 3; k++) {
		if (r->have_any[k])
			rx_free(&r->any[k]);
		r->have_any[k] = 0;
	}
	free_lits(r);
	r->stale = 0;
	memo_free(r->memo);
	free(r->memo);
	r->memo = NULL;
}

int
ends_sentence(const char *s, size_t n)
{
	return punct_ends_sentence(s, n, PUNCT_END | PUNCT_SEMI | PUNCT_PERIOD);
}
