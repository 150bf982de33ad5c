/* hash.c - the hash of long inputs */
#include "hash.h"
#include "bytes.h"

#include <string.h>

#define K1 0x9E3779B97F4A7C15ULL
#define K2 0xC2B2AE3D27D4EB4FULL

static inline uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static inline uint64_t
load_le(const unsigned char *s, size_t n)
{
	uint64_t w = 0;
	size_t i;

	for (i = 0; i < n; i++)
		w |= (uint64_t)s[i] << (8 * i);
	return w;
}

uint64_t
hash64_long(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = seed ^ ((uint64_t)n * K1);
	size_t i;

	for (i = 0; i + 8 <= n; i += 8)
		h = rotl(h ^ (load_le64(s + i) * K2), 31) * K1;
	if (i < n)
		h = rotl(h ^ (load_le(s + i, n - i) * K2), 31) * K1;
	h ^= h >> 33;
	h *= K2;
	h ^= h >> 29;
	h *= K1;
	h ^= h >> 32;
	return h;
}
