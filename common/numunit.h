/* numunit.h - the units and measure words numbers carry, and the folding
 * of full-width letters before matching */
#ifndef ZH_NUMUNIT_H
#define ZH_NUMUNIT_H

#include <stddef.h>
#include <stdint.h>

#include "numex.h"

enum {
	U_CI = 1,	/* Latin letters in any case (KG kg Kg) */
	U_LATIN = 2,	/* Latin or symbol: may follow a space; no letter
			 * or digit may follow it */
	U_SUB = 4,	/* a money sub-unit (角 毛 分 美分): see numex.c */
	U_PIECE = 8,	/* 块: a piece, or money when 钱 or a sub-unit follows */
	U_WORD = 16,	/* not when a word of the word list starts with it
			 * (3成 but not 8成功, 3两 but not 2023两会) */
};

struct unit {
	const char *s;		/* as written (Simplified) */
	const char *norm;	/* as reported */
	enum nkind kind;
	int scale;		/* value × 10^scale is in norm (角: -1, 成: 1) */
	unsigned flags;
};

/* The longest unit at cp[0..n) (code points already folded with
 * nu_fold), or NULL; *len its length in code points. */
const struct unit *nu_find(const uint32_t *cp, size_t n, size_t *len);

/* Full-width Latin letters as ASCII, µ (micro sign) as μ; other code
 * points are returned unchanged. */
uint32_t nu_fold(uint32_t c);

#endif
