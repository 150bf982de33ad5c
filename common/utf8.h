/* utf8.h - UTF-8 validation and repair, and the code-point helpers the
 * segmenters share */
#ifndef ZH_UTF8_H
#define ZH_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Nonzero when s[0..n) is well-formed UTF-8 with no NUL byte; 16 or 32
 * bytes at a time where the processor has SSSE3 or AVX2. */
int utf8_clean(const char *s, size_t n);

/* The same, a character at a time (ASCII and Han a word at a time). */
int utf8_clean_scalar(const char *s, size_t n);

/* utf8_clean by one way, for the tests that compare them: 1 or 0, or -1
 * when this processor (or build) has no such way. */
enum { UTF8_SCALAR, UTF8_SSSE3, UTF8_AVX2 };
int utf8_clean_by(const char *s, size_t n, int way);

/* Copy s[0..n) to out (appending), replacing every ill-formed subsequence
 * (ICU's maximal-subpart rule) and every NUL byte with U+FFFD.
 * Returns the number of replacements made. */
size_t utf8_repair(const char *s, size_t n, struct buf *out);

/* Append code point c (a scalar value) to out as UTF-8. */
void utf8_put(struct buf *out, uint32_t c);

/* The code point of the three bytes at u: a lead byte 1110xxxx and two
 * continuation bytes, which the caller has checked or knows. */
static inline uint32_t
utf8_decode3(const unsigned char *u)
{
	return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
	    (u[2] & 0x3F);
}

/* Decode the code point at s[*i] (well-formed input), advancing *i. */
static inline uint32_t
utf8_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	uint32_t c = p[0];

	if (c < 0x80 || *i + 1 >= n) {
		*i += 1;
		return c;
	}
	if (c < 0xE0) {
		*i += 2;
		return ((c & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (c < 0xF0 || *i + 3 > n) {
		*i += 3;
		return utf8_decode3(p);
	}
	*i += 4;
	return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
	    ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Length of the UTF-8 sequence that starts with byte c (1 for a stray
 * continuation byte, so scanning always advances). */
static inline size_t
utf8_seqlen(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Number of code points in well-formed s[0..n). */
size_t utf8_count(const char *s, size_t n);

/* uc_is_space for U+0080..U+3000 */
int uc_is_space_above(uint32_t c);

/* Unicode White_Space (plus U+FEFF ZWNBSP), for trimming and folding. */
static inline int
uc_is_space(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= 0x09 && c <= 0x0D);
	if (c > 0x3000)		/* no White_Space above U+3000 */
		return c == 0xFEFF;
	return uc_is_space_above(c);
}

/* Is b the lead byte of a character of U+4000..U+EFFF (ideographs, Yi,
 * Hangul, private use)? There is no white space and no punctuation
 * there, so scanners for those step over it (3 bytes) undecoded. */
static inline int
utf8_lead_plain(unsigned char b)
{
	return b >= 0xE4 && b <= 0xEE;
}

/* Do the bytes u[i..len) begin with a character of U+4E00..U+9FFF (the
 * unified ideographs, three bytes)? For the fast paths that decode such
 * a character in place (utf8_decode3); the continuation bytes are
 * taken as valid. */
static inline int
utf8_at_han3(const unsigned char *u, size_t i, size_t len)
{
	return u[i] >= 0xE4 && u[i] <= 0xE9 && i + 3 <= len &&
	    (u[i] != 0xE4 || u[i + 1] >= 0xB8);
}

/* Han ideographs, including U+3007 〇. */
static inline int
uc_is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) ||
	    c == 0x3007;
}

#endif
