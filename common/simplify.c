/* simplify.c - Traditional Chinese read as Simplified through OpenCC,
 * with a map from the converted line back to the line as given
 *
 * The map gives each code point of the converted line the span of the
 * original it came from. OpenCC's dictionaries for these conversions
 * hold Han characters only and map each word or character to one of the
 * same length, so the converted line is aligned with the original by
 * walking both: characters other than Han must come out as they went
 * in, each run of Han characters must keep its length, and then the code
 * points pair up one to one (a run that kept its length is taken to be
 * converted word for word in place: a dictionary whose words grow in one
 * place and shrink in another of the same run would pair them wrongly,
 * and none of OpenCC's does). When that fails (a dictionary with a word
 * of another length) the line is converted again run of Han characters
 * by run: a run that keeps its length pairs up as before; in a run that
 * does not, the characters at its ends that convert alone to what stands
 * there pair up, and what is left between maps as one piece (a word
 * found inside it maps to all of it). A span of the converted line maps
 * to the characters it came from, never into the middle of one, and the
 * text converted is always the converter's. */
#include "simplify.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <opencc.h>

#include "buf.h"
#include "diag.h"
#include "utf8.h"

#define MAXCHAIN 4

struct simplify {
	char *configs[MAXCHAIN];
	opencc_t cc[MAXCHAIN];
	size_t ncc;
	int opened;
	int all;		/* every line, not only those the table names */
	struct buf out, tmp;	/* the converted line; scratch */
	struct buf conv;	/* one character converted */
	int changed;		/* the last line was converted */
	int same;		/* ... and its offsets are the original's */
	/* the last converted line, per code point */
	size_t n, m;		/* code points: original, converted */
	uint32_t *ocp, *obyte;	/* original: code point, byte offset (n + 1) */
	uint32_t *fcp, *fbyte;	/* converted: the same (m + 1) */
	/* converted code point j came from original [srcb[j], srce[j]) */
	uint32_t *srcb, *srce;
	size_t ocap, fcap;
};

static void close_config(opencc_t cc);

static struct simplify *
make(const char *const *configs, size_t n, int all)
{
	struct simplify *sp = xcalloc(1, sizeof *sp);
	size_t k;

	if (n == 0 || n > MAXCHAIN)
		die(EXIT_TROUBLE, "simplify: %zu OpenCC configurations (1 to %d)",
		    n, MAXCHAIN);
	for (k = 0; k < n; k++)
		sp->configs[k] = xstrdup(configs[k]);
	sp->ncc = n;
	sp->all = all;
	return sp;
}

struct simplify *
simp_new(void)
{
	static const char *const chain[] = SIMP_CHAIN;

	return make(chain, sizeof chain / sizeof *chain, 0);
}

struct simplify *
simp_new_chain(const char *const *configs, size_t n)
{
	return make(configs, n, 1);
}

void
simp_free(struct simplify *sp)
{
	size_t k;

	if (sp == NULL)
		return;
	for (k = 0; k < sp->ncc; k++) {
		if (sp->opened)
			close_config(sp->cc[k]);
		free(sp->configs[k]);
	}
	buf_free(&sp->out);
	buf_free(&sp->tmp);
	buf_free(&sp->conv);
	free(sp->ocp);
	free(sp->obyte);
	free(sp->fcp);
	free(sp->fbyte);
	free(sp->srcb);
	free(sp->srce);
	free(sp);
}

int
simp_needed(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned b;

		/* the rest of the BMP from U+2000 (lead bytes E2..EF, the
		 * most of Chinese text): the word of the first two bytes, the
		 * bit of the last */
		while (n - i >= 3 && (unsigned)(p[i] - 0xE2) < 0x0E) {
			if (zh_tradset_bmp[(p[i] & 0x0F) << 6 |
			    (p[i + 1] & 0x3Fu)] >> (p[i + 2] & 0x3F) & 1)
				return 1;
			i += 3;
		}
		if (i >= n)
			break;
		/* lead bytes below E2 start code points below U+2000 */
		if ((b = p[i]) < 0xE2) {
			i += b < 0x80 ? 1 : b < 0xE0 ? 2 : 3;
			continue;
		}
		if (simp_changes(utf8_next(s, n, &i)))
			return 1;
	}
	return 0;
}

/* Opening a configuration reads its dictionaries (some milliseconds):
 * the converters a process opened are shared by every simplify that
 * names the same configuration (the normal forms and the signatures of
 * one run, say), and closed when the last of them is freed. A converter
 * keeps no state between calls, so threads may share one; the list of
 * those opened is changed under a lock. */
static pthread_mutex_t opened_lock = PTHREAD_MUTEX_INITIALIZER;
static struct opened {
	char *config;
	opencc_t cc;
	unsigned refs;
} *opened;
static size_t nopened;

static opencc_t
open_config_locked(const char *config)
{
	size_t k;
	opencc_t cc;

	for (k = 0; k < nopened; k++)
		if (opened[k].refs && strcmp(opened[k].config, config) == 0) {
			opened[k].refs++;
			return opened[k].cc;
		}
	if ((cc = opencc_open(config)) == (opencc_t)-1)
		return cc;
	for (k = 0; k < nopened && opened[k].refs; k++)
		;	/* a free slot, or one more */
	if (k == nopened)
		opened = xrealloc(opened, ++nopened * sizeof *opened);
	opened[k].config = xstrdup(config);
	opened[k].cc = cc;
	opened[k].refs = 1;
	return cc;
}

static opencc_t
open_config(const char *config)
{
	opencc_t cc;

	pthread_mutex_lock(&opened_lock);
	cc = open_config_locked(config);
	pthread_mutex_unlock(&opened_lock);
	return cc;
}

static void
close_config_locked(opencc_t cc)
{
	size_t k;

	for (k = 0; k < nopened; k++)
		if (opened[k].refs && opened[k].cc == cc) {
			if (--opened[k].refs == 0) {
				opencc_close(cc);
				free(opened[k].config);
				opened[k].config = NULL;
			}
			break;
		}
	for (k = 0; k < nopened && !opened[k].refs; k++)
		;
	if (k == nopened) {	/* none left open */
		free(opened);
		opened = NULL;
		nopened = 0;
	}
}

static void
close_config(opencc_t cc)
{
	pthread_mutex_lock(&opened_lock);
	close_config_locked(cc);
	pthread_mutex_unlock(&opened_lock);
}

static void
open_chain(struct simplify *sp)
{
	size_t k, bad;

	for (k = 0; k < sp->ncc; k++) {
		sp->cc[k] = open_config(sp->configs[k]);
		if (sp->cc[k] == (opencc_t)-1) {
			const char *why = opencc_error();

			for (bad = k; k-- > 0;)
				close_config(sp->cc[k]);
			die(EXIT_TROUBLE, "cannot open the OpenCC configuration "
			    "%s (is OpenCC's data installed?): %s",
			    sp->configs[bad], why && *why ? why : "unknown error");
		}
	}
	sp->opened = 1;
}

/* Append the conversion of s[0..n) to out, in one call of each
 * converter. */
static void
convert_piece(struct simplify *sp, const char *s, size_t n, struct buf *out)
{
	char *cur = NULL, *next;
	size_t k, len = n;

	if (n == 0)
		return;
	if (!sp->opened)
		open_chain(sp);
	for (k = 0; k < sp->ncc; k++) {
		next = opencc_convert_utf8(sp->cc[k], cur ? cur : s, len);
		if (next == NULL)
			die(EXIT_TROUBLE, "OpenCC (%s): %s", sp->configs[k],
			    opencc_error());
		if (cur)
			opencc_convert_utf8_free(cur);
		cur = next;
		len = strlen(cur);
	}
	if (!utf8_clean(cur, len))
		die(EXIT_TROUBLE, "OpenCC gave ill-formed UTF-8");
	buf_add(out, cur, len);
	opencc_convert_utf8_free(cur);
}

/* OpenCC holds a few times its input while converting: a long line is
 * converted in pieces of about CHUNK bytes, each ending after a
 * character other than Han where there is one in its second half (no
 * word of the dictionaries spans one), else at a character boundary. */
#define CHUNK 65536

/* Append the conversion of s[0..n) to out. */
static void
convert(struct simplify *sp, const char *s, size_t n, struct buf *out)
{
	size_t at = 0;

	while (n - at > CHUNK) {
		size_t i = at, cut = 0, end = at + CHUNK;

		while (i < end) {
			uint32_t c = utf8_next(s, n, &i);

			if (!uc_is_han(c) && i - at > CHUNK / 2)
				cut = i;
		}
		if (cut == 0)
			cut = i;
		convert_piece(sp, s + at, cut - at, out);
		at = cut;
	}
	convert_piece(sp, s + at, n - at, out);
}

static uint32_t *
grow(uint32_t *p, size_t need)
{
	return xrealloc(p, need * sizeof *p);
}

/* Decode s[0..n) into cp[] and byte offsets off[] (n + 1 entries);
 * returns the number of code points. */
static size_t
decode(const char *s, size_t n, uint32_t *cp, uint32_t *off)
{
	size_t i = 0, k = 0;

	while (i < n) {
		off[k] = (uint32_t)i;
		cp[k++] = utf8_next(s, n, &i);
	}
	off[k] = (uint32_t)n;
	return k;
}

/* Decode sp->out; the arrays grow keeping what they hold. */
static void
decode_out(struct simplify *sp)
{
	if (sp->out.len + 1 > sp->fcap) {
		sp->fcap = sp->out.len + 1;
		sp->fcp = grow(sp->fcp, sp->fcap);
		sp->fbyte = grow(sp->fbyte, sp->fcap);
		sp->srcb = grow(sp->srcb, sp->fcap);
		sp->srce = grow(sp->srce, sp->fcap);
	}
	sp->m = decode(sp->out.p ? sp->out.p : "", sp->out.len, sp->fcp,
	    sp->fbyte);
}

/* Pair the converted line with the original (see the top of the file);
 * 0 when they do not pair up. */
static int
align(struct simplify *sp)
{
	size_t i = 0, j = 0, i2, j2, k;

	while (i < sp->n || j < sp->m) {
		if (i < sp->n && !uc_is_han(sp->ocp[i])) {
			if (j >= sp->m || sp->fcp[j] != sp->ocp[i])
				return 0;
			sp->srcb[j] = (uint32_t)i;
			sp->srce[j++] = (uint32_t)++i;
			continue;
		}
		if (i >= sp->n)
			return 0;
		for (i2 = i; i2 < sp->n && uc_is_han(sp->ocp[i2]); i2++)
			;
		for (j2 = j; j2 < sp->m && uc_is_han(sp->fcp[j2]); j2++)
			;
		if (i2 - i != j2 - j)
			return 0;
		for (k = 0; k < i2 - i; k++) {
			sp->srcb[j + k] = (uint32_t)(i + k);
			sp->srce[j + k] = (uint32_t)(i + k + 1);
		}
		i = i2;
		j = j2;
	}
	return 1;
}

/* The piece map being built by by_runs(). */
struct pieces {
	uint32_t *b, *e;
	size_t n, cap;
};

/* Converted code points, count of them, all from original [ob, oe). */
static void
piece(struct pieces *pc, size_t count, size_t ob, size_t oe)
{
	while (count-- > 0) {
		if (pc->n == pc->cap) {
			pc->cap = pc->cap ? pc->cap * 2 : 64;
			pc->b = grow(pc->b, pc->cap);
			pc->e = grow(pc->e, pc->cap);
		}
		pc->b[pc->n] = (uint32_t)ob;
		pc->e[pc->n++] = (uint32_t)oe;
	}
}

/* Is the conversion of original code point k alone the one code point
 * at t[0..n)? */
static int
converts_to(struct simplify *sp, const char *s, size_t k, const char *t,
    size_t n)
{
	size_t at = sp->conv.len;
	int same;

	convert(sp, s + sp->obyte[k], sp->obyte[k + 1] - sp->obyte[k],
	    &sp->conv);
	same = sp->conv.len - at == n && memcmp(sp->conv.p + at, t, n) == 0;
	sp->conv.len = at;
	return same;
}

/* A run of Han characters, original [i, i2), whose conversion at
 * t->p[at..] has another length: the characters at either end that
 * convert alone to what stands there pair up one to one, and the rest
 * of the run maps as one piece to the rest of the conversion. */
static void
run_pieces(struct simplify *sp, const char *s, size_t i, size_t i2,
    const struct buf *t, size_t at, struct pieces *pc)
{
	const char *r = t->p + at;
	size_t rn = t->len - at, rb = 0, re = rn, k = i, kk = i2;

	while (k < kk && rb < re) {
		size_t q = rb;

		(void)utf8_next(r, rn, &q);
		if (!converts_to(sp, s, k, r + rb, q - rb))
			break;
		piece(pc, 1, k, k + 1);
		rb = q;
		k++;
	}
	while (kk > k && re > rb) {
		size_t q = re - 1;

		while (q > rb && ((unsigned char)r[q] & 0xC0) == 0x80)
			q--;
		if (!converts_to(sp, s, kk - 1, r + q, re - q))
			break;
		re = q;
		kk--;
	}
	piece(pc, utf8_count(r + rb, re - rb), k, kk);
	for (; kk < i2; kk++)
		piece(pc, 1, kk, kk + 1);
}

/* Convert the line again, run of Han characters by run (see the top of
 * the file), into sp->out with its map. */
static void
by_runs(struct simplify *sp, const char *s)
{
	struct buf *t = &sp->tmp;
	struct pieces pc = { 0 };
	size_t i = 0, i2, k;

	t->len = 0;
	while (i < sp->n) {
		size_t at = t->len;

		if (!uc_is_han(sp->ocp[i])) {
			buf_add(t, s + sp->obyte[i], sp->obyte[i + 1] - sp->obyte[i]);
			piece(&pc, 1, i, i + 1);
			i++;
			continue;
		}
		for (i2 = i; i2 < sp->n && uc_is_han(sp->ocp[i2]); i2++)
			;
		convert(sp, s + sp->obyte[i], sp->obyte[i2] - sp->obyte[i], t);
		if (utf8_count(t->p + at, t->len - at) == i2 - i)
			for (k = i; k < i2; k++)
				piece(&pc, 1, k, k + 1);
		else
			run_pieces(sp, s, i, i2, t, at, &pc);
		i = i2;
	}
	/* the result becomes the converted line */
	{
		struct buf x = sp->out;

		sp->out = *t;
		*t = x;
	}
	decode_out(sp);
	if (sp->m != pc.n)
		die(EXIT_TROUBLE, "simplify: %zu code points mapped of %zu",
		    pc.n, sp->m);
	if (pc.n) {
		memcpy(sp->srcb, pc.b, pc.n * sizeof *pc.b);
		memcpy(sp->srce, pc.e, pc.n * sizeof *pc.e);
	}
	free(pc.b);
	free(pc.e);
}

static int
kept(uint32_t c)
{
	size_t lo = 0, hi = zh_tradset_nkeep;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (zh_tradset_keep[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < zh_tradset_nkeep && zh_tradset_keep[lo] == c;
}

/* Put back the Simplified characters the conversion changed but should
 * not have (see simplify.h), where they pair up one to one. */
static void
keep_simplified(struct simplify *sp, const char *s)
{
	struct buf *t = &sp->tmp;
	size_t j, run = 0;
	int any = 0;

	for (j = 0; j < sp->m && !any; j++)
		any = sp->srce[j] - sp->srcb[j] == 1 &&
		    sp->fcp[j] != sp->ocp[sp->srcb[j]] && kept(sp->ocp[sp->srcb[j]]);
	if (!any)
		return;
	t->len = 0;
	for (j = 0; j < sp->m; j++) {
		uint32_t o = sp->srcb[j];

		if (sp->srce[j] - o != 1 || sp->fcp[j] == sp->ocp[o] ||
		    !kept(sp->ocp[o]))
			continue;
		buf_add(t, sp->out.p + run, sp->fbyte[j] - run);
		buf_add(t, s + sp->obyte[o], sp->obyte[o + 1] - sp->obyte[o]);
		run = sp->fbyte[j + 1];
	}
	buf_add(t, sp->out.p + run, sp->out.len - run);
	{
		struct buf x = sp->out;

		sp->out = *t;
		*t = x;
	}
	decode_out(sp);		/* one code point for one: the map stands */
}

/* Is the converted line the original character for character, each
 * changed one a Han character taking the bytes it took? Then the map is
 * the identity and no table of it is made. Simplified characters the
 * conversion changed (see simplify.h) are put back on the way. */
static int
same_layout(struct simplify *sp, const char *s, size_t n)
{
	char *t = sp->out.p;
	size_t i = 0, j = 0, tn = sp->out.len;

	while (i < n && j < tn) {
		size_t li = utf8_seqlen((unsigned char)s[i]), k = i, l = j;
		uint32_t c, d;

		if (li != utf8_seqlen((unsigned char)t[j]))
			return 0;
		if (memcmp(s + i, t + j, li) != 0) {
			c = utf8_next(s, n, &k);
			d = utf8_next(t, tn, &l);
			if (!uc_is_han(c) || !uc_is_han(d))
				return 0;
			if (!sp->all && kept(c))
				memcpy(t + j, s + i, li);
		}
		i += li;
		j += li;
	}
	return i == n && j == tn;
}

const char *
simp_line(struct simplify *sp, const char *s, size_t n, size_t *len)
{
	size_t j;

	sp->changed = 0;
	*len = n;
	if (!sp->all && !simp_needed(s, n))
		return s;
	if (n >= UINT32_MAX)
		die(EXIT_TROUBLE, "a line of %zu bytes is longer than 4 GB", n);
	sp->out.len = 0;
	convert(sp, s, n, &sp->out);
	if (sp->out.len == n && memcmp(sp->out.p, s, n) == 0)
		return s;
	if (same_layout(sp, s, n)) {
		if (memcmp(sp->out.p, s, n) == 0)
			return s;
		sp->changed = sp->same = 1;
		*len = sp->out.len;
		return sp->out.p;
	}
	if (sp->out.len >= UINT32_MAX)
		die(EXIT_TROUBLE, "a converted line of %zu bytes is longer "
		    "than 4 GB", sp->out.len);
	if (n + 1 > sp->ocap) {
		sp->ocap = n + 1;
		sp->ocp = grow(sp->ocp, sp->ocap);
		sp->obyte = grow(sp->obyte, sp->ocap);
	}
	sp->n = decode(s, n, sp->ocp, sp->obyte);
	decode_out(sp);
	if (!align(sp))
		by_runs(sp, s);
	if (!sp->all)
		keep_simplified(sp, s);
	if (sp->out.len == n && memcmp(sp->out.p, s, n) == 0)
		return s;
	/* the identity only when every character and the end keep their
	 * bytes (䮝 becomes a four-byte character as the last one) */
	sp->same = sp->m == sp->n && sp->out.len == n;
	for (j = 0; sp->same && j < sp->m; j++)
		sp->same = sp->srcb[j] == j && sp->srce[j] == j + 1 &&
		    sp->fbyte[j] == sp->obyte[j];
	sp->changed = 1;
	*len = sp->out.len;
	return sp->out.p;
}

int
simp_changed(const struct simplify *sp)
{
	return sp->changed;
}

/* The code point of the converted line that starts at byte b. */
static size_t
cp_at(const struct simplify *sp, size_t b)
{
	size_t lo = 0, hi = sp->m;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sp->fbyte[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
simp_back_cp(const struct simplify *sp, size_t *b, size_t *e)
{
	size_t jb = *b, je = *e;

	if (!sp->changed || sp->same)
		return;
	if (je > sp->m)
		je = sp->m;
	if (jb > je)
		jb = je;
	if (jb == je) {
		*b = *e = jb < sp->m ? sp->srcb[jb] : sp->n;
		return;
	}
	*b = sp->srcb[jb];
	*e = sp->srce[je - 1];
}

void
simp_back(const struct simplify *sp, size_t *b, size_t *e)
{
	size_t jb, je;

	if (!sp->changed || sp->same)
		return;
	jb = cp_at(sp, *b);
	je = cp_at(sp, *e);
	simp_back_cp(sp, &jb, &je);
	*b = sp->obyte[jb];
	*e = sp->obyte[je];
}
