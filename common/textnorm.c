/* textnorm.c - NFKC through ICU
 *
 * NFKC alone takes a short cut that gives the same result. The text is
 * cut at normalisation boundaries, as ICU reports them for each
 * character: a character ICU calls inert is copied as it is; a piece of
 * one character is replaced by that character's own NFKC (full-width ，
 * by ,), looked up in a table; only longer pieces (a letter and its
 * combining marks) go through ICU. What ICU says of each character is
 * asked once, 256 code points at a time; a run of characters of three
 * bytes from blocks where all are inert is stepped over undecoded. */
#include "textnorm.h"

#include <stdint.h>
#include <stdlib.h>

#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/ustring.h>

#include "diag.h"
#include "utf8.h"

/* kind of a character: 0 inert, 1..8 the length of its own NFKC, */
#define NFKC_SELF 0xFE	/* its own NFKC is itself */
#define NFKC_ICU 0xFF	/* longer: ICU even alone */

struct nfkc_block {
	uint8_t kind[256];
	uint8_t before[256];	/* a boundary before it */
	char map[256][8];
};

struct textnorm {
	const UNormalizer2 *nfkc;
	struct nfkc_block *blk[0x110000 / 256];
	uint8_t inert[256];	/* the block of U+xx00..U+xxFF is known and
				 * all its characters are inert */
	struct buf piece;	/* a run normalised by ICU */
	UChar *u, *v;
	int32_t ucap, vcap;
};

struct textnorm *
tn_new(int flags)
{
	struct textnorm *tn;
	UErrorCode st = U_ZERO_ERROR;

	if (flags == 0)
		return NULL;
	tn = xcalloc(1, sizeof *tn);
	tn->nfkc = unorm2_getNFKCInstance(&st);
	if (U_FAILURE(st))
		die(EXIT_TROUBLE, "cannot load ICU NFKC data: %s",
		    u_errorName(st));
	return tn;
}

static void
ensure(UChar **p, int32_t *cap, int64_t need)
{
	if (need > INT32_MAX / 2)
		die(EXIT_TROUBLE, "line too long to normalise (%lld units)",
		    (long long)need);
	if (need > *cap) {
		*cap = (int32_t)need;
		*p = xrealloc(*p, (size_t)*cap * sizeof **p);
	}
}

static void
icu_apply(struct textnorm *tn, const char *s, size_t n, struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t len, olen;

	out->len = 0;
	if (n > INT32_MAX / 4)
		die(EXIT_TROUBLE, "line too long to normalise (%zu bytes)", n);
	ensure(&tn->u, &tn->ucap, (int64_t)n + 1);
	u_strFromUTF8(tn->u, tn->ucap, &len, s, (int32_t)n, &st);
	if (U_FAILURE(st))
		die(EXIT_TROUBLE, "ICU conversion: %s", u_errorName(st));
	{
		ensure(&tn->v, &tn->vcap, (int64_t)len * 3 + 16);
		st = U_ZERO_ERROR;
		olen = unorm2_normalize(tn->nfkc, tn->u, len, tn->v, tn->vcap, &st);
		if (st == U_BUFFER_OVERFLOW_ERROR) {
			ensure(&tn->v, &tn->vcap, (int64_t)olen + 1);
			st = U_ZERO_ERROR;
			olen = unorm2_normalize(tn->nfkc, tn->u, len, tn->v,
			    tn->vcap, &st);
		}
		if (U_FAILURE(st))
			die(EXIT_TROUBLE, "ICU NFKC: %s", u_errorName(st));
		{
			UChar *t = tn->u;
			int32_t c = tn->ucap;

			tn->u = tn->v;
			tn->ucap = tn->vcap;
			tn->v = t;
			tn->vcap = c;
		}
		len = olen;
	}
	st = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &olen, tn->u, len, &st);
	buf_reserve(out, (size_t)olen + 1);
	st = U_ZERO_ERROR;
	u_strToUTF8(out->p, (int32_t)out->cap, &olen, tn->u, len, &st);
	if (U_FAILURE(st))
		die(EXIT_TROUBLE, "ICU conversion: %s", u_errorName(st));
	out->len = (size_t)olen;
}

static struct nfkc_block *
block(struct textnorm *tn, uint32_t c)
{
	struct nfkc_block *b = tn->blk[c >> 8];
	uint32_t base = c & ~0xFFu, k;

	if (b)
		return b;
	b = tn->blk[c >> 8] = xcalloc(1, sizeof *b);
	for (k = 0; k < 256; k++) {
		UChar32 cp = (UChar32)(base + k);
		UChar u[2], v[8];
		UErrorCode st = U_ZERO_ERROR;
		int32_t ul = 0, vl, ol;

		b->before[k] = (uint8_t)unorm2_hasBoundaryBefore(tn->nfkc, cp);
		if (unorm2_isInert(tn->nfkc, cp))
			continue;
		b->kind[k] = NFKC_ICU;
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		U16_APPEND_UNSAFE(u, ul, cp);
		vl = unorm2_normalize(tn->nfkc, u, ul, v, 8, &st);
		if (U_FAILURE(st))
			continue;
		if (vl == ul && u_strncmp(u, v, ul) == 0) {
			b->kind[k] = NFKC_SELF;
			continue;
		}
		u_strToUTF8(b->map[k], 8, &ol, v, vl, &st);
		if (st == U_ZERO_ERROR && ol >= 1 && ol <= 8)
			b->kind[k] = (uint8_t)ol;
	}
	if (base < 0x10000) {
		for (k = 0; k < 256 && b->kind[k] == 0; k++)
			;
		tn->inert[base >> 8] = k == 256;
	}
	return b;
}

/* NFKC piece by piece (see the top of the file). */
static void
nfkc_apply(struct textnorm *tn, const char *s, size_t n, struct buf *out)
{
	size_t i = 0, run = 0;

	out->len = 0;
	buf_reserve(out, n + 1);
	while (i < n) {
		size_t at, end;
		uint32_t c, d;
		const struct nfkc_block *b;
		uint8_t kind;

		/* characters of three bytes in blocks known to be inert (the
		 * most of Chinese text) step over as the loop below would */
		while (n - i >= 3 && ((unsigned char)s[i] & 0xF0) == 0xE0 &&
		    tn->inert[((unsigned char)s[i] & 0x0F) << 4 |
		    ((unsigned char)s[i + 1] & 0x3F) >> 2])
			i += 3;
		if (i >= n)
			break;
		at = i;
		c = utf8_next(s, n, &i);
		b = block(tn, c);
		kind = b->kind[c & 0xFF];
		if (kind == 0)
			continue;
		/* the piece up to the next boundary */
		for (end = i; end < n; ) {
			size_t t = end;

			d = utf8_next(s, n, &t);
			if (block(tn, d)->before[d & 0xFF])
				break;
			end = t;
		}
		if (end == i && kind == NFKC_SELF)
			continue;
		buf_add(out, s + run, at - run);
		if (end == i && kind != NFKC_ICU) {
			buf_add(out, b->map[c & 0xFF], kind);
		} else {
			icu_apply(tn, s + at, end - at, &tn->piece);
			buf_add(out, tn->piece.p, tn->piece.len);
		}
		i = run = end;
	}
	buf_add(out, s + run, n - run);
}

void
tn_apply(struct textnorm *tn, const char *s, size_t n, struct buf *out)
{
	nfkc_apply(tn, s, n, out);
}

const uint8_t *
tn_inert_blocks(const struct textnorm *tn)
{
	return tn->inert;
}

int
tn_alone(struct textnorm *tn, uint32_t c, const char **map)
{
	const struct nfkc_block *b = block(tn, c);
	uint8_t k = b->kind[c & 0xFF];

	if (!b->before[c & 0xFF] || k == NFKC_ICU)
		return -1;
	if (k == 0 || k == NFKC_SELF)
		return 0;
	*map = b->map[c & 0xFF];
	return k;
}

int
tn_ascii_plain(struct textnorm *tn)
{
	const struct nfkc_block *b = block(tn, 0);
	uint32_t k;

	for (k = 0; k < 0x80; k++)
		if (!b->before[k] || (b->kind[k] != 0 &&
		    b->kind[k] != NFKC_SELF))
			return 0;
	return 1;
}

void
tn_free(struct textnorm *tn)
{
	size_t i;

	if (tn == NULL)
		return;
	for (i = 0; i < sizeof tn->blk / sizeof *tn->blk; i++)
		free(tn->blk[i]);
	buf_free(&tn->piece);
	free(tn->u);
	free(tn->v);
	free(tn);
}

const char *
ws_fold(const char *s, size_t n, struct buf *out, size_t *len)
{
	size_t i = 0, run = 0;
	int copying = 0;

	while (i < n) {
		size_t at = i;
		unsigned char b = (unsigned char)s[i];
		int sp, keep;

		if (b < 0x80) {
			sp = b == ' ' || (b >= 0x09 && b <= 0x0D);
			i++;
		} else if (utf8_lead_plain(b) && n - i >= 3) {
			do
				i += 3;
			while (n - i >= 3 && utf8_lead_plain((unsigned char)s[i]));
			continue;
		} else
			sp = uc_is_space(utf8_next(s, n, &i));
		if (!sp)
			continue;
		while (i < n) {
			size_t t = i;

			if (!uc_is_space(utf8_next(s, n, &t)))
				break;
			i = t;
		}
		keep = at > 0 && i < n;
		/* one ASCII space between words folds to itself */
		if (!copying && keep && i == at + 1 && s[at] == ' ')
			continue;
		if (!copying) {
			out->len = 0;
			buf_reserve(out, n + 1);
			copying = 1;
		}
		buf_add(out, s + run, at - run);
		if (keep)
			buf_addc(out, ' ');
		run = i;
	}
	if (!copying) {
		*len = n;
		return n > 0 ? s : "";
	}
	buf_add(out, s + run, n - run);
	*len = out->len;
	return out->p;
}
