/* minhash.c - MinHash over character shingles, banded for LSH
 *
 * One-permutation hashing: each 5-character shingle is hashed once and
 * falls into one of 128 bins by its hash, keeping the minimum of each
 * bin; empty bins borrow from the next full one (densification), so the
 * 128 values behave as 128 MinHash functions at the cost of one hash a
 * shingle. 16 bands of 8 rows: two texts with Jaccard 0.8 share a band
 * with probability 1 - (1 - 0.8^8)^16 = 0.94, with Jaccard 0.5 only
 * 0.06. Candidates are then checked against the threshold with the whole
 * signature. */
#include "minhash.h"

#include <string.h>

#include "hash.h"
#include "utf8.h"

static inline uint64_t
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

size_t
mh_sign(const char *s, size_t n, struct minhash *out)
{
	/* the shingle's code points, oldest first, shifted along as each
	 * new one comes (the hash folds them in that order) */
	uint32_t c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4;
	size_t i = 0, k = 0, count = 0;
	int p, full;

	_Static_assert(MH_SHINGLE == 5, "the shingle is five registers");
	for (p = 0; p < MH_PERM; p++)
		out->v[p] = UINT32_MAX;
	while (i < n) {
		const unsigned char *u = (const unsigned char *)s + i;

		/* three bytes (most of the text) decoded here as utf8_next
		 * does */
		if (u[0] >= 0xE0 && u[0] < 0xF0 && i + 3 <= n) {
			c4 = utf8_decode3(u);
			i += 3;
		} else
			c4 = utf8_next(s, n, &i);
		if (++k >= MH_SHINGLE) {
			uint64_t h = 0x5348494E474C45ULL;
			uint32_t v;

			h = (h ^ c0) * 0x9E3779B97F4A7C15ULL;
			h = (h ^ c1) * 0x9E3779B97F4A7C15ULL;
			h = (h ^ c2) * 0x9E3779B97F4A7C15ULL;
			h = (h ^ c3) * 0x9E3779B97F4A7C15ULL;
			h = (h ^ c4) * 0x9E3779B97F4A7C15ULL;
			h = mix(h);
			p = (int)(h & (MH_PERM - 1));
			v = (uint32_t)(h >> 32);
			/* without a branch: whether the bin's minimum falls is
			 * a coin toss early in a text */
			out->v[p] = v < out->v[p] ? v : out->v[p];
			count++;
		}
		c0 = c1;
		c1 = c2;
		c2 = c3;
		c3 = c4;
	}
	if (count == 0)
		return 0;
	/* densify: an empty bin takes the value of the next full one */
	for (p = 0, full = 0; p < MH_PERM; p++)
		full += out->v[p] != UINT32_MAX;
	if (full < MH_PERM)
		for (p = 0; p < MH_PERM; p++) {
			int q = p, step = 0;

			if (out->v[p] != UINT32_MAX)
				continue;
			while (out->v[q] == UINT32_MAX)
				q = (q + 1) % MH_PERM, step++;
			out->v[p] = out->v[q] ^ (uint32_t)mix((uint64_t)step);
		}
	return count;
}
uint64_t
mh_band(const struct minhash *m, int b)
{
	return hash64(m->v + b * MH_ROWS, MH_ROWS * sizeof m->v[0],
	    (uint64_t)b + 1) & 0x7FFFFFFFFFFFFFFFULL;
}

double
mh_similarity(const struct minhash *a, const struct minhash *b)
{
	int p, same = 0;

	for (p = 0; p < MH_PERM; p++)
		same += a->v[p] == b->v[p];
	return (double)same / MH_PERM;
}
