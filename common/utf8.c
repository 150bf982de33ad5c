/* utf8.c - UTF-8 validation and repair on ICU's decoder (U8_NEXT), with
 * an ASCII fast path because most of a news dump's markup is ASCII */
#include "utf8.h"
#include "bytes.h"

#include <string.h>

#include <unicode/utf8.h>
#include <unicode/uchar.h>

/* Is every byte of the 8-byte word x ASCII other than NUL? */
static inline int
plain_ascii8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL;

	return ((x | ((x - ones) & ~x)) & ones * 0x80) == 0;
}

int
utf8_clean(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;

	while (i < n) {
		UChar32 c;
		unsigned b = p[i];

		if (b < 0x80) {
			if (b == 0)
				return 0;
			/* a run of ASCII (markup, numbers), a word at a time */
			i++;
			while (n - i >= 8) {
				uint64_t x;

				memcpy(&x, p + i, 8);
				if (!plain_ascii8(x))
					break;
				i += 8;
			}
			continue;
		}
		/* most of Chinese text: three bytes, a lead byte whose second
		 * byte may be any continuation byte (not E0 or ED), read as
		 * one little-endian word: 1110xxxx 10xxxxxx 10xxxxxx; two
		 * such characters at a time, then one */
		while (n - i >= 8) {
			uint64_t x = load_le64(p + i);
			unsigned b3;

			b3 = (unsigned)(x >> 24) & 0xFF;
			if ((x & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL ||
			    b == 0xE0 || b == 0xED || b3 == 0xE0 || b3 == 0xED)
				break;
			i += 6;
			b = p[i];
		}
		while (n - i >= 4 && b != 0xE0 && b != 0xED) {
			uint32_t x = load_le32(p + i);

			if ((x & 0xC0C0F0) != 0x8080E0)
				break;
			i += 3;
			b = p[i];
		}
		if (b < 0x80)
			continue;
		U8_NEXT(p, i, n, c);
		if (c < 0)
			return 0;
	}
	return 1;
}

size_t
utf8_repair(const char *s, size_t n, struct buf *out)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0, run = 0, bad = 0;

	buf_reserve(out, n + 1);
	while (i < n) {
		size_t at = i;
		UChar32 c;

		if (p[i] >= 0x01 && p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] == 0) {
			i++;
			c = -1;
		} else
			U8_NEXT(p, i, n, c);
		if (c >= 0)
			continue;
		buf_add(out, s + run, at - run);
		buf_add(out, "\xEF\xBF\xBD", 3);
		run = i;
		bad++;
	}
	buf_add(out, s + run, n - run);
	return bad;
}

void
utf8_put(struct buf *out, uint32_t c)
{
	uint8_t u[4];
	int32_t k = 0;

	U8_APPEND_UNSAFE(u, k, c);
	buf_add(out, u, (size_t)k);
}

size_t
utf8_count(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ULL;
	size_t i = 0, k = 0;

	/* a word at a time: the bytes other than 10xxxxxx begin one each */
	for (; n - i >= 8; i += 8) {
		uint64_t x, cont;

		memcpy(&x, s + i, 8);
		cont = (x >> 7) & ~(x >> 6) & ones;	/* 1 in each 10xxxxxx */
		k += 8 - (size_t)((cont * ones) >> 56);	/* their sum */
	}
	for (; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

int
uc_is_space_above(uint32_t c)
{
	return c == 0xFEFF || c == 0x200B || u_isUWhiteSpace((UChar32)c);
}
