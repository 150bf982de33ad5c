/* orghead.c - a set of organisation heads, matched as words or endings */
#include "orghead.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"

extern const char zh_orgheads_data[];
extern const unsigned long zh_orgheads_size;
extern const char zh_venues_data[];
extern const unsigned long zh_venues_size;

struct orgheads {
	const char **s;		/* open addressing: pointers into the text */
	uint8_t *len;
	uint8_t *no;		/* a word that ends with a head and is none */
	size_t mask, n;
	size_t maxlen;		/* bytes of the longest head */
	uint64_t last[0x10000 / 64];	/* BMP code points that end a head */
};

static size_t
hash(const char *s, size_t n)
{
	size_t h = 1469598103934665603ULL;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h ^ h >> 31;
}

/* 1 a head, -1 a word that ends with a head and is none, 0 neither */
static int
has(const struct orgheads *oh, const char *w, size_t n)
{
	size_t i;

	for (i = hash(w, n) & oh->mask; oh->s[i]; i = (i + 1) & oh->mask)
		if (oh->len[i] == n && memcmp(oh->s[i], w, n) == 0)
			return oh->no[i] ? -1 : 1;
	return 0;
}

/* The last code point of w[0..n), n > 0. */
static uint32_t
last_cp(const char *w, size_t n)
{
	size_t b = n - 1;

	while (b > 0 && ((unsigned char)w[b] & 0xC0) == 0x80)
		b--;
	return utf8_next(w, n, &b);
}

static void
put(struct orgheads *oh, const char *w, size_t n, int no)
{
	size_t i;

	if (n == 0 || n > 255 || has(oh, w, n))
		return;
	for (i = hash(w, n) & oh->mask; oh->s[i]; i = (i + 1) & oh->mask)
		;
	oh->s[i] = w;
	oh->len[i] = (uint8_t)n;
	oh->no[i] = (uint8_t)no;
	if (no) {
		if (n > oh->maxlen)
			oh->maxlen = n;
		return;
	}
	{
		uint32_t c = last_cp(w, n);

		if (c < 0x10000)
			oh->last[c >> 6] |= (uint64_t)1 << (c & 63);
	}
	oh->n++;
	if (n > oh->maxlen)
		oh->maxlen = n;
}

struct orgheads *
oh_new_buf(const char *p, size_t n)
{
	struct orgheads *oh = xcalloc(1, sizeof *oh);
	const char *end = p + n, *q;
	size_t lines = 1;

	for (q = p; q < end; q++)
		lines += *q == '\n';
	oh->mask = 16;
	while (oh->mask < lines * 2)
		oh->mask <<= 1;
	oh->s = xcalloc(oh->mask, sizeof *oh->s);
	oh->len = xcalloc(oh->mask, sizeof *oh->len);
	oh->no = xcalloc(oh->mask, sizeof *oh->no);
	oh->mask--;
	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		const char *w = p;

		if (e == NULL)
			e = end;
		if (*w != '#') {
			int no = *w == '-';	/* -当局: no head */

			w += no;
			for (q = w; q < e && *q != '\t' && *q != '\r'; q++)
				;
			put(oh, w, (size_t)(q - w), no);
		}
		p = e + 1;
	}
	return oh;
}

struct orgheads *
oh_new(void)
{
	return oh_new_buf(zh_orgheads_data, zh_orgheads_size);
}

struct orgheads *
oh_new_venues(void)
{
	return oh_new_buf(zh_venues_data, zh_venues_size);
}

void
oh_free(struct orgheads *oh)
{
	if (oh == NULL)
		return;
	free(oh->s);
	free(oh->len);
	free(oh->no);
	free(oh);
}

/* The longest ending of w (at code point starts, no longer than a
 * head) that the list has: its has() value, or 0. */
static int
longest_end(const struct orgheads *oh, const char *w, size_t n)
{
	size_t i = 0;
	int k;

	if (n > oh->maxlen)
		i = n - oh->maxlen;
	for (; i < n; i++) {
		if (((unsigned char)w[i] & 0xC0) == 0x80)
			continue;
		if ((k = has(oh, w + i, n - i)) != 0)
			return k;
	}
	return 0;
}

/* Can w[0..n) be a head or end with one? Not when its last character
 * ends no head: a test of one bit before the probes of the table. */
static int
may_end_head(const struct orgheads *oh, const char *w, size_t n)
{
	return n > 0 && oh_may_end(oh, last_cp(w, n));
}

int
oh_head(const struct orgheads *oh, const char *w, size_t n)
{
	/* the longest first: 当局 is no head though 局 is one */
	return may_end_head(oh, w, n) && longest_end(oh, w, n) > 0;
}

int
oh_none(const struct orgheads *oh, const char *w, size_t n)
{
	return longest_end(oh, w, n) < 0;
}

int
oh_may_end(const struct orgheads *oh, uint32_t c)
{
	return c >= 0x10000 || ((oh->last[c >> 6] >> (c & 63)) & 1);
}

int
oh_is(const struct orgheads *oh, const char *w, size_t n)
{
	return may_end_head(oh, w, n) && has(oh, w, n) > 0;
}

size_t
oh_size(const struct orgheads *oh)
{
	return oh->n;
}
