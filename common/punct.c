/* punct.c - the punctuation table: one entry for each character, by
 * block, with the classes it is in (see punct.h) */
#include "punct.h"

#include "utf8.h"

#define STOP PUNCT_STOP
#define ELLIPSIS PUNCT_ELLIPSIS
#define PERIOD PUNCT_PERIOD
#define SEMI PUNCT_SEMI
#define CLOSE PUNCT_CLOSE
#define OPEN PUNCT_OPEN
#define CLAUSE PUNCT_CLAUSE
#define DASH PUNCT_DASH

const uint8_t punct_latin[0x100] = {
	['!'] = STOP, ['?'] = STOP,
	['.'] = PERIOD,
	[';'] = SEMI,
	[','] = CLAUSE, [':'] = CLAUSE,
	['('] = OPEN, ['['] = OPEN,
	[')'] = CLOSE, [']'] = CLOSE,
	['"'] = OPEN | CLOSE, ['\''] = OPEN | CLOSE,
	[0xAB] = OPEN,		/* « */
	[0xBB] = CLOSE,		/* » */
};

const uint8_t punct_general[0x40] = {
	[0x2013 - 0x2010] = DASH,	/* – */
	[0x2014 - 0x2010] = DASH,	/* — */
	[0x2015 - 0x2010] = DASH,	/* ― */
	[0x2018 - 0x2010] = OPEN,	/* ‘ */
	[0x2019 - 0x2010] = CLOSE,	/* ’ */
	[0x201C - 0x2010] = OPEN,	/* “ */
	[0x201D - 0x2010] = CLOSE,	/* ” */
	[0x2026 - 0x2010] = ELLIPSIS,	/* … */
	[0x2039 - 0x2010] = OPEN,	/* ‹ */
	[0x203A - 0x2010] = CLOSE,	/* › */
	[0x203C - 0x2010] = STOP,	/* ‼ */
	[0x2047 - 0x2010] = STOP,	/* ⁇ */
	[0x2048 - 0x2010] = STOP,	/* ⁈ */
	[0x2049 - 0x2010] = STOP,	/* ⁉ */
};

const uint8_t punct_cjk[0x20] = {
	[0x3001 - 0x3000] = CLAUSE,	/* 、 */
	[0x3002 - 0x3000] = STOP,	/* 。 */
	[0x3008 - 0x3000] = OPEN,	/* 〈 */
	[0x3009 - 0x3000] = CLOSE,	/* 〉 */
	[0x300A - 0x3000] = OPEN,	/* 《 */
	[0x300B - 0x3000] = CLOSE,	/* 》 */
	[0x300C - 0x3000] = OPEN,	/* 「 */
	[0x300D - 0x3000] = CLOSE,	/* 」 */
	[0x300E - 0x3000] = OPEN,	/* 『 */
	[0x300F - 0x3000] = CLOSE,	/* 』 */
	[0x3010 - 0x3000] = OPEN,	/* 【 */
	[0x3011 - 0x3000] = CLOSE,	/* 】 */
	[0x3014 - 0x3000] = OPEN,	/* 〔 */
	[0x3015 - 0x3000] = CLOSE,	/* 〕 */
	[0x3016 - 0x3000] = OPEN,	/* 〖 */
	[0x3017 - 0x3000] = CLOSE,	/* 〗 */
};

const uint8_t punct_vertical[0x20] = {
	[0xFE41 - 0xFE30] = OPEN,	/* ﹁ */
	[0xFE42 - 0xFE30] = CLOSE,	/* ﹂ */
	[0xFE43 - 0xFE30] = OPEN,	/* ﹃ */
	[0xFE44 - 0xFE30] = CLOSE,	/* ﹄ */
};

const uint8_t punct_full[0x70] = {
	[0xFF01 - 0xFF00] = STOP,	/* ！ */
	[0xFF02 - 0xFF00] = OPEN | CLOSE,	/* ＂ */
	[0xFF07 - 0xFF00] = OPEN | CLOSE,	/* ＇ */
	[0xFF08 - 0xFF00] = OPEN,	/* （ */
	[0xFF09 - 0xFF00] = CLOSE,	/* ） */
	[0xFF0C - 0xFF00] = CLAUSE,	/* ， */
	[0xFF0E - 0xFF00] = PERIOD,	/* ． */
	[0xFF1A - 0xFF00] = CLAUSE,	/* ： */
	[0xFF1B - 0xFF00] = SEMI,	/* ； */
	[0xFF1F - 0xFF00] = STOP,	/* ？ */
	[0xFF3B - 0xFF00] = OPEN,	/* ［ */
	[0xFF3D - 0xFF00] = CLOSE,	/* ］ */
	[0xFF61 - 0xFF00] = STOP,	/* ｡ (half-width) */
};

int
punct_ends_sentence(const char *s, size_t n, unsigned ends)
{
	while (n > 0) {
		size_t i = n - 1, k;
		uint32_t c;

		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		k = i;
		c = utf8_next(s, n, &k);
		if (!(punct_class(c) & PUNCT_CLOSE) && !uc_is_space(c))
			return (punct_class(c) & ends) != 0;
		n = i;
	}
	return 0;
}
