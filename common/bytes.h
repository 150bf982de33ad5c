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

/* memcpy(d, s, n), with no call for a short piece (a word): up to 16
 * bytes are copied as two words that overlap. */
static inline void
copy_bytes(void *d, const void *s, size_t n)
{
	char *dc = d;
	const char *sc = s;

	if (n >= 8 && n <= 16) {
		uint64_t a, b;

		memcpy(&a, sc, 8);
		memcpy(&b, sc + n - 8, 8);
		memcpy(dc, &a, 8);
		memcpy(dc + n - 8, &b, 8);
	} else if (n >= 4 && n < 8) {
		uint32_t a, b;

		memcpy(&a, sc, 4);
		memcpy(&b, sc + n - 4, 4);
		memcpy(dc, &a, 4);
		memcpy(dc + n - 4, &b, 4);
	} else if (n >= 2 && n < 4) {
		uint16_t a, b;

		memcpy(&a, sc, 2);
		memcpy(&b, sc + n - 2, 2);
		memcpy(dc, &a, 2);
		memcpy(dc + n - 2, &b, 2);
	} else if (n == 1)
		*dc = *sc;
	else if (n > 16)
		memcpy(dc, sc, n);
}

#endif
