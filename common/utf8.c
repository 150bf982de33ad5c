/* utf8.c - UTF-8 validation and repair on ICU's decoder (U8_NEXT), with
 * an ASCII fast path because most of a news dump's markup is ASCII */
#include "utf8.h"

#include <unicode/utf8.h>
#include <unicode/uchar.h>

int
utf8_clean(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;

	while (i < n) {
		UChar32 c;

		if (p[i] >= 0x01 && p[i] < 0x80) {
			i++;
			continue;
		}
		/* most of Chinese text: three bytes, a lead byte whose second
		 * byte may be any continuation byte (not E0 or ED) */
		if (p[i] >= 0xE1 && p[i] <= 0xEF && p[i] != 0xED && i + 2 < n &&
		    (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if (p[i] == 0)
			return 0;
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
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

int
uc_is_space(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= 0x09 && c <= 0x0D);
	if (c > 0x3000)		/* no White_Space above U+3000 */
		return c == 0xFEFF;
	return c == 0xFEFF || c == 0x200B || u_isUWhiteSpace((UChar32)c);
}
