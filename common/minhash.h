/* minhash.h - MinHash signatures of text and their LSH bands */
#ifndef ZH_MINHASH_H
#define ZH_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#define MH_PERM 128		/* hash functions */
#define MH_BANDS 16		/* bands of MH_ROWS rows */
#define MH_ROWS (MH_PERM / MH_BANDS)
#define MH_SHINGLE 5		/* code points a shingle */

struct minhash {
	uint32_t v[MH_PERM];
};

/* Signature of the character shingles of s[0..n) (normalised text).
 * Returns the number of shingles; 0 means too short to judge. */
size_t mh_sign(const char *s, size_t n, struct minhash *out);
/* The key of band b, for the LSH index. */
uint64_t mh_band(const struct minhash *m, int b);
/* Estimated Jaccard similarity. */
double mh_similarity(const struct minhash *a, const struct minhash *b);

#endif
