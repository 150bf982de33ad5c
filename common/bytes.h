/* bytes.h - words of bytes read from memory as little-endian numbers,
 * whatever the host's order: the first byte is the lowest. One load
 * (memcpy) where the host is little-endian. */
#ifndef ZH_BYTES_H
#define ZH_BYTES_H

#include <stdint.h>
#include <string.h>

static inline uint64_t
load_le64(const void *p)
{
	uint64_t x;

	memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	return x;
}

static inline uint32_t
load_le32(const void *p)
{
	uint32_t x;

	memcpy(&x, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap32(x);
#endif
	return x;
}

/* The first and the last w bytes of s[0..n) (w <= n) to d, as two
 * words of w bytes: all of it when n <= 2w. */
static inline void
copy_ends(char *d, const char *s, size_t n, size_t w)
{
	uint64_t a, b;

	memcpy(&a, s, w);
	memcpy(&b, s + n - w, w);
	memcpy(d, &a, w);
	memcpy(d + n - w, &b, w);
}

/* memcpy(d, s, n), with no call for a short piece (a word): up to 16
 * bytes are copied as two words that may overlap. */
static inline void
copy_bytes(void *d, const void *s, size_t n)
{
	char *dc = d;
	const char *sc = s;

	if (n > 16)
		memcpy(dc, sc, n);
	else if (n >= 8)
		copy_ends(dc, sc, n, 8);
	else if (n >= 4)
		copy_ends(dc, sc, n, 4);
	else if (n >= 2)
		copy_ends(dc, sc, n, 2);
	else if (n == 1)
		*dc = *sc;
}

#endif
