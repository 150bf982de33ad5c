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
utf8_clean_scalar(const char *s, size_t n)
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


#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

/* The look-up validator of Keiser and Lemire ("Validating UTF-8 in less
 * than one instruction per byte", 2021), as simdjson and simdutf have it:
 * each byte and the one before it, by their nibbles, pick error bits in
 * three tables of 16; whatever bits all three agree on is an error,
 * except that the second and third continuation byte of a 3- or 4-byte
 * character is told apart by the bytes two and three back. Every check
 * reads a byte and the three before it only, so a block is checked with
 * the last bytes of the block before (zeros before the start). The last
 * piece, shorter than a block, is checked as the last block's worth of
 * bytes, read again with the three before them, or, in a short line,
 * copied into a block padded with spaces; a character cut at the end
 * is an error. NUL bytes are errors too, as in utf8_clean_scalar. */
enum {
	TOO_SHORT = 1 << 0,	/* 11______ 0_______ or 11______ 11______ */
	TOO_LONG = 1 << 1,	/* 0_______ 10______ */
	OVERLONG_3 = 1 << 2,	/* 11100000 100_____ */
	TOO_LARGE = 1 << 3,	/* 11110100 1001____, 11110100 101_____ */
	SURROGATE = 1 << 4,	/* 11101101 101_____ */
	OVERLONG_2 = 1 << 5,	/* 1100000_ 10______ */
	TOO_LARGE_1000 = 1 << 6,	/* 11110101+ 1000____ */
	OVERLONG_4 = 1 << 6,	/* 11110000 1000____ */
	TWO_CONTS = 1 << 7,	/* 10______ 10______ */
	CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS
};

/* by the high nibble of the byte before */
#define V_BYTE1_HIGH \
	TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, \
	TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, \
	TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, \
	TOO_SHORT | OVERLONG_2, \
	TOO_SHORT, \
	TOO_SHORT | OVERLONG_3 | SURROGATE, \
	TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4
/* by the low nibble of the byte before */
#define V_BYTE1_LOW \
	CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, \
	CARRY | OVERLONG_2, \
	CARRY, CARRY, \
	CARRY | TOO_LARGE, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000
/* by the high nibble of the byte */
#define V_BYTE2_HIGH \
	TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, \
	TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, \
	TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | \
	    OVERLONG_4, \
	TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE, \
	TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
	TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
	TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT

static const uint8_t byte1_high[32] = { V_BYTE1_HIGH, V_BYTE1_HIGH };
static const uint8_t byte1_low[32] = { V_BYTE1_LOW, V_BYTE1_LOW };
static const uint8_t byte2_high[32] = { V_BYTE2_HIGH, V_BYTE2_HIGH };
/* a byte above these in the last three places of a block begins a
 * character that goes on past it (0xFF: none) */
static const uint8_t last_max[32] = {
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0 - 1, 0xE0 - 1, 0xC0 - 1
};

/* The error bits of the 16 bytes in, with p1, p2 and p3 the bytes one,
 * two and three places before each. */
__attribute__((target("ssse3"))) static inline __m128i
errors16(__m128i in, __m128i p1, __m128i p2, __m128i p3)
{
	const __m128i nib = _mm_set1_epi8(0x0F);
	__m128i e, must;

	e = _mm_and_si128(_mm_and_si128(
	    _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)byte1_high),
		_mm_and_si128(_mm_srli_epi16(p1, 4), nib)),
	    _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)byte1_low),
		_mm_and_si128(p1, nib))),
	    _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)byte2_high),
		_mm_and_si128(_mm_srli_epi16(in, 4), nib)));
	/* a third byte of 111_____ or fourth of 1111____ before: this one
	 * must be a continuation byte, and is where TWO_CONTS is set */
	must = _mm_or_si128(_mm_subs_epu8(p2, _mm_set1_epi8((char)(0xE0 - 0x80))),
	    _mm_subs_epu8(p3, _mm_set1_epi8((char)(0xF0 - 0x80))));
	must = _mm_and_si128(must, _mm_set1_epi8((char)0x80));
	return _mm_xor_si128(e, must);
}

__attribute__((target("ssse3"))) static int
clean_ssse3(const uint8_t *p, size_t n)
{
	const __m128i zero = _mm_setzero_si128();
	const __m128i max = _mm_loadu_si128((const __m128i *)(last_max + 16));
	__m128i prev = zero, err = zero, cut = zero, in;
	uint8_t last[16];
	size_t i;

	for (i = 0; n - i >= 16; i += 16) {
		in = _mm_loadu_si128((const __m128i *)(p + i));
		err = _mm_or_si128(err, _mm_cmpeq_epi8(in, zero));
		if (_mm_movemask_epi8(in) == 0) {
			/* ASCII: only a character cut by the block before */
			err = _mm_or_si128(err, cut);
			cut = zero;
		} else {
			err = _mm_or_si128(err, errors16(in,
			    _mm_alignr_epi8(in, prev, 15),
			    _mm_alignr_epi8(in, prev, 14),
			    _mm_alignr_epi8(in, prev, 13)));
			cut = _mm_subs_epu8(in, max);
		}
		prev = in;
	}
	if (i < n && n >= 16 + 3) {
		/* the last 16 bytes again, and the three before them */
		const uint8_t *q = p + n - 16;

		in = _mm_loadu_si128((const __m128i *)q);
		err = _mm_or_si128(err, _mm_cmpeq_epi8(in, zero));
		err = _mm_or_si128(err, errors16(in,
		    _mm_loadu_si128((const __m128i *)(q - 1)),
		    _mm_loadu_si128((const __m128i *)(q - 2)),
		    _mm_loadu_si128((const __m128i *)(q - 3))));
		err = _mm_or_si128(err, _mm_subs_epu8(in, max));
	} else if (i < n) {
		memset(last, ' ', sizeof last);
		memcpy(last, p + i, n - i);
		in = _mm_loadu_si128((const __m128i *)last);
		err = _mm_or_si128(err, _mm_cmpeq_epi8(in, zero));
		err = _mm_or_si128(err, errors16(in,
		    _mm_alignr_epi8(in, prev, 15),
		    _mm_alignr_epi8(in, prev, 14),
		    _mm_alignr_epi8(in, prev, 13)));
	} else
		err = _mm_or_si128(err, cut);
	return _mm_movemask_epi8(_mm_cmpeq_epi8(err, zero)) == 0xFFFF;
}

/* The error bits of the 32 bytes in, with p1, p2 and p3 the bytes one,
 * two and three places before each. */
__attribute__((target("avx2"))) static inline __m256i
errors32(__m256i in, __m256i p1, __m256i p2, __m256i p3)
{
	const __m256i nib = _mm256_set1_epi8(0x0F);
	__m256i e, must;

	e = _mm256_and_si256(_mm256_and_si256(
	    _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)byte1_high),
		_mm256_and_si256(_mm256_srli_epi16(p1, 4), nib)),
	    _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)byte1_low),
		_mm256_and_si256(p1, nib))),
	    _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)byte2_high),
		_mm256_and_si256(_mm256_srli_epi16(in, 4), nib)));
	must = _mm256_or_si256(
	    _mm256_subs_epu8(p2, _mm256_set1_epi8((char)(0xE0 - 0x80))),
	    _mm256_subs_epu8(p3, _mm256_set1_epi8((char)(0xF0 - 0x80))));
	must = _mm256_and_si256(must, _mm256_set1_epi8((char)0x80));
	return _mm256_xor_si256(e, must);
}

__attribute__((target("avx2"))) static int
clean_avx2(const uint8_t *p, size_t n)
{
	const __m256i zero = _mm256_setzero_si256();
	const __m256i max = _mm256_loadu_si256((const __m256i *)last_max);
	__m256i prev = zero, err = zero, cut = zero, in, mid;
	uint8_t last[32];
	size_t i;

	for (i = 0; n - i >= 32; i += 32) {
		in = _mm256_loadu_si256((const __m256i *)(p + i));
		err = _mm256_or_si256(err, _mm256_cmpeq_epi8(in, zero));
		if (_mm256_movemask_epi8(in) == 0) {
			err = _mm256_or_si256(err, cut);
			cut = zero;
		} else {
			mid = _mm256_permute2x128_si256(prev, in, 0x21);
			err = _mm256_or_si256(err, errors32(in,
			    _mm256_alignr_epi8(in, mid, 15),
			    _mm256_alignr_epi8(in, mid, 14),
			    _mm256_alignr_epi8(in, mid, 13)));
			cut = _mm256_subs_epu8(in, max);
		}
		prev = in;
	}
	if (i < n && n >= 32 + 3) {
		/* the last 32 bytes again, and the three before them */
		const uint8_t *q = p + n - 32;

		in = _mm256_loadu_si256((const __m256i *)q);
		err = _mm256_or_si256(err, _mm256_cmpeq_epi8(in, zero));
		err = _mm256_or_si256(err, errors32(in,
		    _mm256_loadu_si256((const __m256i *)(q - 1)),
		    _mm256_loadu_si256((const __m256i *)(q - 2)),
		    _mm256_loadu_si256((const __m256i *)(q - 3))));
		err = _mm256_or_si256(err, _mm256_subs_epu8(in, max));
	} else if (i < n) {
		memset(last, ' ', sizeof last);
		memcpy(last, p + i, n - i);
		in = _mm256_loadu_si256((const __m256i *)last);
		mid = _mm256_permute2x128_si256(prev, in, 0x21);
		err = _mm256_or_si256(err, _mm256_cmpeq_epi8(in, zero));
		err = _mm256_or_si256(err, errors32(in,
		    _mm256_alignr_epi8(in, mid, 15),
		    _mm256_alignr_epi8(in, mid, 14),
		    _mm256_alignr_epi8(in, mid, 13)));
	} else
		err = _mm256_or_si256(err, cut);
	return _mm256_testz_si256(err, err);
}

int
utf8_clean_by(const char *s, size_t n, int way)
{
	if (way == UTF8_SCALAR)
		return utf8_clean_scalar(s, n);
	if (way == UTF8_SSSE3 && __builtin_cpu_supports("ssse3"))
		return clean_ssse3((const uint8_t *)s, n);
	if (way == UTF8_AVX2 && __builtin_cpu_supports("avx2"))
		return clean_avx2((const uint8_t *)s, n);
	return -1;
}

int
utf8_clean(const char *s, size_t n)
{
	if (n >= 32 && __builtin_cpu_supports("avx2"))
		return clean_avx2((const uint8_t *)s, n);
	if (n >= 16 && __builtin_cpu_supports("ssse3"))
		return clean_ssse3((const uint8_t *)s, n);
	return utf8_clean_scalar(s, n);
}
#else
int
utf8_clean_by(const char *s, size_t n, int way)
{
	return way == UTF8_SCALAR ? utf8_clean_scalar(s, n) : -1;
}

int
utf8_clean(const char *s, size_t n)
{
	return utf8_clean_scalar(s, n);
}
#endif

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
