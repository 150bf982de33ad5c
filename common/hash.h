/* hash.h - 64-bit hashes of bytes, for keys that are only compared
 * (line and document keys, LSH bands), never shown as text */
#ifndef ZH_HASH_H
#define ZH_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a over the bytes, then a finaliser that spreads the high bits;
 * seed picks one of many independent functions. Stable across runs and
 * machines: state files keep its values. Inline: it runs once for every
 * line of the input. */
static inline uint64_t
hash64(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL ^ seed;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 32;
	return h;
}

/* The same kind of hash for long inputs (whole documents), eight bytes
 * a step, read little-endian, so that it is the same on every machine. */
uint64_t hash64_long(const void *p, size_t n, uint64_t seed);

#endif
