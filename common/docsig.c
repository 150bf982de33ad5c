/* docsig.c - the signature of an article's body: MinHash of its text,
 * digits kept, and the multiset of its numbers */
#include "docsig.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "diag.h"
#include "hash.h"
#include "utf8.h"

static inline uint64_t
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Chinese numerals: the common, capital and Traditional forms. */
static int
cn_numeral(uint32_t c)
{
	switch (c) {
	case 0x3007: case 0x96F6: case 0x4E00: case 0x4E8C: case 0x4E09:
	case 0x56DB: case 0x4E94: case 0x516D: case 0x4E03: case 0x516B:
	case 0x4E5D: case 0x5341: case 0x767E: case 0x5343: case 0x4E07:
	case 0x4EBF: case 0x4E24:	/* 〇零一二三四五六七八九十百千万亿两 */
	case 0x58F9: case 0x8D30: case 0x53C1: case 0x8086: case 0x4F0D:
	case 0x9646: case 0x67D2: case 0x634C: case 0x7396: case 0x62FE:
	case 0x4F70: case 0x4EDF:	/* 壹贰叁肆伍陆柒捌玖拾佰仟 */
	case 0x842C: case 0x5104: case 0x5169:	/* 萬億兩 */
		return 1;
	}
	return 0;
}

/* The CJK Unified Ideographs, most of the text: none is a decimal
 * digit (general category Nd), so ICU is not asked about them. */
#define DS_HAN0 0x4E00
#define DS_HAN1 0xA000

/* The numerals among the CJK unified ideographs, one bit each (made
 * from cn_numeral at the first ds_add). */
static unsigned char han_numeral[(DS_HAN1 - DS_HAN0) / 8];
static int han_numeral_ready;

static void
han_numerals(void)
{
	uint32_t c;

	for (c = DS_HAN0; c < DS_HAN1; c++)
		if (cn_numeral(c))
			han_numeral[(c - DS_HAN0) >> 3] |=
			    (unsigned char)(1 << ((c - DS_HAN0) & 7));
	han_numeral_ready = 1;
}

/* The digit value of c, or -1. */
static int
digit_of(uint32_t c)
{
	if (c < 0x80)
		return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
	if (c >= DS_HAN0 && c < DS_HAN1)
		return -1;	/* a Han character is no decimal digit */
	return u_isdigit((UChar32)c) ? u_charDigitValue((UChar32)c) : -1;
}

void
ds_begin(struct ds_builder *b)
{
	b->text.len = 0;
	b->tok.len = 0;
	b->ntoks = 0;
}

/* Is the character of U+4E00..9FFF at u (utf8_at_han3) a numeral? */
static inline int
han_numeral_at(const unsigned char *u)
{
	uint32_t c = utf8_decode3(u);

	return han_numeral[(c - DS_HAN0) >> 3] >> ((c - DS_HAN0) & 7) & 1;
}

static void
end_number(struct ds_builder *b)
{
	if (b->tok.len == 0)
		return;
	if (b->ntoks == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->toks = xrealloc(b->toks, b->cap * sizeof *b->toks);
	}
	b->toks[b->ntoks++] = hash64(b->tok.p, b->tok.len, 0x4E554D);
	b->tok.len = 0;
}

void
ds_add(struct ds_builder *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j, run = 0, runlen = 0;
	int last = -1;		/* the previous code point was digit `last` */

	if (!han_numeral_ready)
		han_numerals();
	while (i < n) {
		uint32_t c;
		int d;

		j = i;
		/* a Han character of U+4E00..9FFF (no digit) that is not a
		 * numeral is kept as it is: it joins the run of such to copy,
		 * and after the first of them there is no number to end */
		if (utf8_at_han3(u, i, n) && !han_numeral_at(u + i)) {
			end_number(b);
			last = -1;
			if (runlen == 0)
				run = j;
			do {
				i += 3;
				runlen += 3;
			} while (i < n && utf8_at_han3(u, i, n) &&
			    !han_numeral_at(u + i));
			continue;
		}
		if (runlen) {
			buf_add(&b->text, s + run, runlen);
			runlen = 0;
		}
		c = utf8_next(s, n, &i);
		if ((d = digit_of(c)) >= 0) {
			buf_addc(&b->text, (char)('0' + d));
			buf_addc(&b->tok, (char)('0' + d));
			last = d;
			continue;
		}
		if (cn_numeral(c)) {
			buf_add(&b->text, s + j, i - j);
			buf_add(&b->tok, s + j, i - j);
			last = -1;
			continue;
		}
		/* 3.8 and 1,286: a point or comma between two digits */
		if ((c == '.' || c == ',') && last >= 0 && i < n &&
		    s[i] >= '0' && s[i] <= '9') {
			if (c == '.')
				buf_addc(&b->tok, '.');
			last = -1;
			continue;
		}
		end_number(b);
		last = -1;
		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				buf_addc(&b->text, (char)(c | 0x20));
		} else if (c >= 0xFF21 && c <= 0xFF3A)
			buf_addc(&b->text, (char)('a' + (c - 0xFF21)));
		else if (c >= 0xFF41 && c <= 0xFF5A)
			buf_addc(&b->text, (char)('a' + (c - 0xFF41)));
		else if (uc_is_han(c) || u_isalpha((UChar32)c))
			buf_add(&b->text, s + j, i - j);
	}
	if (runlen)
		buf_add(&b->text, s + run, runlen);
	end_number(b);	/* a record's last number ends with it */
}

static int
cmp64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

int
ds_end(struct ds_builder *b, struct docsig *out)
{
	size_t i, k, run;
	uint64_t prev;

	/* the text holds whole characters of at most 4 bytes (ds_add
	 * copies no other): of 4 * DS_MIN_CHARS bytes or more, it has
	 * enough without counting */
	if ((b->text.len < 4 * DS_MIN_CHARS &&
	    utf8_count(b->text.p, b->text.len) < DS_MIN_CHARS) ||
	    mh_sign(b->text.p, b->text.len, &out->m) == 0)
		return 0;
	/* occurrence `run` of a number is the member (number, run): sorted,
	 * equal numbers are together; then the members' 32-bit hashes */
	if (b->ntoks)
		qsort(b->toks, b->ntoks, sizeof *b->toks, cmp64);
	for (i = 0, run = 0, prev = 0; i < b->ntoks; i++) {
		uint64_t h = b->toks[i];

		run = i > 0 && h == prev ? run + 1 : 0;
		prev = h;
		b->toks[i] = mix(h + 0x9E3779B97F4A7C15ULL * (run + 1)) >> 32;
	}
	if (b->ntoks)
		qsort(b->toks, b->ntoks, sizeof *b->toks, cmp64);
	memset(out->num, 0, sizeof out->num);
	for (i = 0, k = 0; i < b->ntoks; i++)
		if (k == 0 || b->toks[i] != b->toks[k - 1])
			b->toks[k++] = b->toks[i];
	out->more = k > DS_NUMS;
	out->nnum = (unsigned)(k > DS_NUMS ? DS_NUMS : k);
	for (i = 0; i < out->nnum; i++)
		out->num[i] = (uint32_t)b->toks[i];
	return 1;
}

void
ds_builder_free(struct ds_builder *b)
{
	buf_free(&b->text);
	buf_free(&b->tok);
	free(b->toks);
	memset(b, 0, sizeof *b);
}

uint64_t
ds_band(const struct docsig *s, int b)
{
	return hash64(s->m.v + b * MH_ROWS, MH_ROWS * sizeof s->m.v[0],
	    (uint64_t)b + 0x201) & 0x7FFFFFFFFFFFFFFFULL;
}

uint64_t
ds_key(const struct docsig *s)
{
	uint64_t h = hash64(s->m.v, sizeof s->m.v, 0x4B4559);

	return hash64(s->num, s->nnum * sizeof s->num[0],
	    h ^ (uint64_t)s->more) & 0x7FFFFFFFFFFFFFFFULL;
}

double
ds_nums_similarity(const struct docsig *a, const struct docsig *b)
{
	uint32_t cut = UINT32_MAX;
	unsigned i = 0, j = 0, na = 0, nb = 0, both = 0;

	if (a->more && a->num[a->nnum - 1] < cut)
		cut = a->num[a->nnum - 1];
	if (b->more && b->num[b->nnum - 1] < cut)
		cut = b->num[b->nnum - 1];
	while (i < a->nnum && a->num[i] <= cut)
		i++;
	na = i;
	while (j < b->nnum && b->num[j] <= cut)
		j++;
	nb = j;
	if (na + nb == 0)
		return 1;
	for (i = 0, j = 0; i < na && j < nb; )
		if (a->num[i] == b->num[j])
			both++, i++, j++;
		else if (a->num[i] < b->num[j])
			i++;
		else
			j++;
	return (double)both / (na + nb - both);
}

int
ds_alike(const struct docsig *a, const struct docsig *b, double x)
{
	return mh_similarity(&a->m, &b->m) >= x &&
	    ds_nums_similarity(a, b) >= x;
}

size_t
ds_nums_blob(const struct docsig *s, unsigned char *out)
{
	size_t n = s->nnum * sizeof s->num[0];

	memcpy(out, s->num, n);
	if (s->more)
		out[n++] = 1;
	return n;
}

/* Are the numbers ascending, and is `more` only with DS_NUMS? */
static int
nums_ok(const struct docsig *s)
{
	unsigned i;

	if (s->more && s->nnum != DS_NUMS)
		return 0;
	for (i = 1; i < s->nnum; i++)
		if (s->num[i] <= s->num[i - 1])
			return 0;
	return 1;
}

int
ds_nums_unblob(struct docsig *s, const void *p, size_t n)
{
	const unsigned char *c = p;

	s->more = n % 4 == 1;
	if ((n % 4 != 0 && !(s->more && c[n - 1] == 1)) ||
	    n / 4 > DS_NUMS)
		return -1;
	s->nnum = (unsigned)(n / 4);
	if (s->nnum)
		memcpy(s->num, p, s->nnum * sizeof s->num[0]);
	return nums_ok(s) ? 0 : -1;
}

static const char hexd[] = "0123456789abcdef";

static void
hex32(uint32_t v, struct buf *out)
{
	char h[8];
	int k;

	for (k = 7; k >= 0; k--, v >>= 4)
		h[k] = hexd[v & 15];
	buf_add(out, h, 8);
}

void
ds_format_sig(const struct docsig *s, struct buf *out)
{
	int p;

	for (p = 0; p < MH_PERM; p++)
		hex32(s->m.v[p], out);
}

void
ds_format_nums(const struct docsig *s, struct buf *out)
{
	unsigned i;

	for (i = 0; i < s->nnum; i++)
		hex32(s->num[i], out);
	if (s->more)
		buf_addc(out, '+');
}

/* n hexadecimal digits (8 at most) at p: 0, or -1. */
static int
unhex32(const char *p, uint32_t *v)
{
	int k;

	*v = 0;
	for (k = 0; k < 8; k++) {
		char c = p[k];
		int d = c >= '0' && c <= '9' ? c - '0' :
		    c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

		if (d < 0)
			return -1;
		*v = *v << 4 | (uint32_t)d;
	}
	return 0;
}

int
ds_parse_sig(struct docsig *s, const char *p, size_t n)
{
	int k;

	if (n != DS_HEX_SIG)
		return -1;
	for (k = 0; k < MH_PERM; k++)
		if (unhex32(p + 8 * k, &s->m.v[k]) < 0)
			return -1;
	return 0;
}

int
ds_parse_nums(struct docsig *s, const char *p, size_t n)
{
	unsigned i;

	s->more = n > 0 && p[n - 1] == '+';
	n -= (size_t)s->more;
	if (n % 8 != 0 || n / 8 > DS_NUMS)
		return -1;
	s->nnum = (unsigned)(n / 8);
	for (i = 0; i < s->nnum; i++)
		if (unhex32(p + 8 * i, &s->num[i]) < 0)
			return -1;
	return nums_ok(s) ? 0 : -1;
}
