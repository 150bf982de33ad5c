/* textnorm.h - text folding done with ICU: NFKC, and white-space
 * normalisation (Traditional to Simplified is simplify.h's) */
#ifndef ZH_TEXTNORM_H
#define ZH_TEXTNORM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum { TN_NFKC = 1 };

struct textnorm;

/* Returns NULL when flags is 0 (nothing to do). Dies if ICU lacks the
 * data (message names what is missing). */
struct textnorm *tn_new(int flags);
/* Replace out's content with the folded s[0..n) (well-formed UTF-8). */
void tn_apply(struct textnorm *tn, const char *s, size_t n, struct buf *out);
void tn_free(struct textnorm *tn);
/* One flag for each block U+xx00..U+xxFF of the BMP: 1 once tn_apply
 * has met the block and found each of its characters inert (NFKC keeps
 * it and the character before it as they are); 0 if not, or not yet. */
const uint8_t *tn_inert_blocks(const struct textnorm *tn);
/* Does NFKC keep each ASCII character as it is, with a boundary before
 * it? Then tn_apply returns a line of ASCII and of characters from
 * inert blocks unchanged. */
int tn_ascii_plain(struct textnorm *tn);
/* What tn_apply makes of the character c (not a surrogate, below
 * U+110000) when the characters around it have a boundary before them:
 * 0 if it keeps c as it is; n > 0 if it gives the n bytes at *map
 * instead; -1 if c has no boundary before it or needs ICU's full
 * normalisation. */
int tn_alone(struct textnorm *tn, uint32_t c, const char **map);

/* s[0..n) with each run of white space (Unicode White_Space, NBSP and
 * U+3000 included) made one ASCII space and none at either end; its
 * length in *len. That is s itself when folding changes nothing (no
 * copy of a long line), else out, which it overwrites. */
const char *ws_fold(const char *s, size_t n, struct buf *out, size_t *len);

#endif
