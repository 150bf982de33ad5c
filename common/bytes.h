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

#endif
