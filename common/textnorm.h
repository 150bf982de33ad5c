/* textnorm.h - text folding done with ICU: NFKC, and white-space
 * normalisation (Traditional to Simplified is simplify.h's) */
#ifndef ZH_TEXTNORM_H
#define ZH_TEXTNORM_H

#include <stddef.h>

#include "buf.h"

enum { TN_NFKC = 1 };

struct textnorm;

/* Returns NULL when flags is 0 (nothing to do). Dies if ICU lacks the
 * data (message names what is missing). */
struct textnorm *tn_new(int flags);
/* Replace out's content with the folded s[0..n) (well-formed UTF-8). */
void tn_apply(struct textnorm *tn, const char *s, size_t n, struct buf *out);
void tn_free(struct textnorm *tn);

/* Append s[0..n) to out with each run of white space (Unicode
 * White_Space, NBSP and U+3000 included) made one ASCII space. */
void ws_fold(const char *s, size_t n, struct buf *out);

#endif
