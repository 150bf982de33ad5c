/* numex.h - finding numeric expressions in Chinese news text */
#ifndef ZH_NUMEX_H
#define ZH_NUMEX_H

#include <stddef.h>

#include "numerals.h"
#include "words.h"

enum nkind {
	NK_COUNT, NK_MONEY, NK_PERCENT, NK_MEASURE, NK_AGE, NK_ORDINAL,
	NK_DATE, NK_TIME, NK_YEAR, NK_PHONE, NK_RANGE, NK_FRACTION, NK_CODE,
	NK_NAME, NK_NKINDS
};

extern const char *const nkind_name[NK_NKINDS];

struct nx_hit {
	size_t b, e;			/* code points, [b, e) */
	enum nkind kind;
	char value[2 * (NUM_MAXDIGITS + 48) + 4];
	char qual;			/* '=', '>', '<' or '~' */
	const char *unit;		/* normalised, "" when none */
	size_t sb, se;			/* subject span (code points); sb == se: none */
	size_t bb, be;			/* the same spans in bytes */
	size_t sbb, sbe;
};

struct numex;

/* ws gives word boundaries and parts of speech (lexicalised words such as
 * 统一 一线 进一步, and subjects); subjects = 0 skips subject finding. */
struct numex *nx_new(struct wordseg *ws, int subjects);
/* Scan s[0..n) (well-formed UTF-8); fn is called for every expression in
 * order. Kinds code and name are reported too: the caller filters. */
void nx_scan(struct numex *nx, const char *s, size_t n,
    void (*fn)(void *arg, const struct nx_hit *h), void *arg);
void nx_free(struct numex *nx);

#endif
