/* minhash.c - MinHash over character shingles, banded for LSH
 *
 * 128 hash functions h_i(x) = (a_i * x + b_i) mod 2^64 >> 32 over the
 * 64-bit hash of each 5-character shingle; 16 bands of 8 rows, so two
 * texts with Jaccard 0.8 share a band with probability 1 - (1 - 0.8^8)^16
 * = 0.94, and with Jaccard 0.5 with probability 0.06. Candidates are then
 * checked against the threshold with the full signature. */
#include "minhash.h"

#include <string.h>

#include "boiler.h"
#include "utf8.h"

static uint64_t mh_a[MH_PERM], mh_b[MH_PERM];
static int ready;

static void
init(void)
{
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	int i;

	for (i = 0; i < MH_PERM; i++) {	/* splitmix64: fixed, portable */
		uint64_t z;

		x += 0x9E3779B97F4A7C15ULL;
		z = x;
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
		mh_a[i] = (z ^ (z >> 31)) | 1;
		x += 0x9E3779B97F4A7C15ULL;
		z = x;
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
		mh_b[i] = z ^ (z >> 31);
	}
	ready = 1;
}

size_t
mh_sign(const char *s, size_t n, struct minhash *out)
{
	size_t starts[MH_SHINGLE + 1], i = 0, k = 0, count = 0;
	int p;

	if (!ready)
		init();
	for (p = 0; p < MH_PERM; p++)
		out->v[p] = UINT32_MAX;
	/* a ring of the last MH_SHINGLE code point starts */
	while (i < n) {
		starts[k % (MH_SHINGLE + 1)] = i;
		k++;
		utf8_next(s, n, &i);
		if (k >= MH_SHINGLE) {
			size_t b = starts[(k - MH_SHINGLE) % (MH_SHINGLE + 1)];
			uint64_t h = hash64(s + b, i - b, 0x5348494E474C45ULL);

			for (p = 0; p < MH_PERM; p++) {
				uint32_t v = (uint32_t)((mh_a[p] * h + mh_b[p]) >> 32);

				if (v < out->v[p])
					out->v[p] = v;
			}
			count++;
		}
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
