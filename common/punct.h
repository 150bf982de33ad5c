/* punct.h - one table of the punctuation that shapes sentences and
 * clauses in Chinese news text: what ends a sentence, what closes or
 * opens a quotation or bracket, what breaks a clause
 *
 * The sentence splitter (sentence.c) reads it; so can anything else
 * that must agree with it on where a sentence ends. A character may be
 * in more than one class (ASCII and full-width straight quotes both open
 * and close). */
#ifndef ZH_PUNCT_H
#define ZH_PUNCT_H

#include <stddef.h>
#include <stdint.h>

enum {
	PUNCT_STOP = 1,		/* 。！？｡ ! ? ‼ ⁇ ⁈ ⁉: end a sentence */
	PUNCT_ELLIPSIS = 2,	/* … ⋯: end a sentence (…… is two) */
	PUNCT_PERIOD = 4,	/* . ．: a full stop, or a decimal point, an
				 * abbreviation, a domain name */
	PUNCT_SEMI = 8,		/* ； ;: end a sentence only when asked */
	PUNCT_CLOSE = 16,	/* ” ’ 」 』 ） 】 》 ... : stay with the
				 * sentence they close */
	PUNCT_OPEN = 32,	/* “ ‘ 「 『 （ 【 《 ... */
	PUNCT_CLAUSE = 64,	/* ， , 、 ： :: a clause breaks, the sentence
				 * goes on */
	PUNCT_DASH = 128	/* — ― –: a break inside a sentence */
};

/* The two classes that end a sentence whatever follows. */
#define PUNCT_END (PUNCT_STOP | PUNCT_ELLIPSIS)

extern const uint8_t punct_latin[0x100];	/* U+0000..U+00FF */
extern const uint8_t punct_general[0x40];	/* U+2010..U+204F */
extern const uint8_t punct_cjk[0x20];		/* U+3000..U+301F */
extern const uint8_t punct_vertical[0x20];	/* U+FE30..U+FE4F */
extern const uint8_t punct_full[0x70];		/* U+FF00..U+FF6F */

/* The classes of code point c (0 for anything else). */
static inline unsigned
punct_class(uint32_t c)
{
	if (c < 0x100)
		return punct_latin[c];
	if (c < 0x2010)
		return 0;
	if (c < 0x2050)
		return punct_general[c - 0x2010];
	if (c < 0x3000)
		return c == 0x22EF ? PUNCT_ELLIPSIS : 0;
	if (c < 0x3020)
		return punct_cjk[c - 0x3000];
	if (c < 0xFE30 || c >= 0xFF70)
		return 0;
	if (c < 0xFE50)
		return punct_vertical[c - 0xFE30];
	return c >= 0xFF00 ? punct_full[c - 0xFF00] : 0;
}

/* Does s[0..n) (well-formed UTF-8) end a sentence: is its last
 * character that is neither a closer nor white space in one of the
 * classes `ends` (PUNCT_END, or more: PUNCT_END | PUNCT_SEMI |
 * PUNCT_PERIOD)? "刮风。】" and "降温｡" do; "……" does; "标题" does not. */
int punct_ends_sentence(const char *s, size_t n, unsigned ends);

#endif
