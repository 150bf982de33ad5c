/* numerals.h - exact values of Arabic, full-width and Chinese numerals
 *
 * Values are decimal digit strings with an exponent, so 4.52万 is 45200
 * exactly and 二十万亿 has all its zeros: no binary floating point, no
 * overflow. Numerals longer than NUM_MAXDIGITS digits are refused. */
#ifndef ZH_NUMERALS_H
#define ZH_NUMERALS_H

#include <stddef.h>
#include <stdint.h>

#define NUM_MAXDIGITS 200

struct num {
	uint8_t d[NUM_MAXDIGITS + 2];	/* most significant first */
	int len;			/* 0 = zero */
	int exp;			/* value = d × 10^exp */
	int neg;
};

void num_zero(struct num *n);
void num_digit(struct num *n, int digit, int exp);	/* digit × 10^exp */
int num_add(struct num *acc, const struct num *b);	/* -1 on overflow */
int num_shift(struct num *n, int k);			/* × 10^k */
int num_is_zero(const struct num *n);
/* Compare absolute values: <0, 0, >0 */
int num_cmp(const struct num *a, const struct num *b);
/* Plain decimal ("45200", "0.5", "-3.8"); returns length written, or -1
 * when it does not fit (buffer of at least NUM_MAXDIGITS + 40 is safe). */
int num_format(const struct num *n, char *out, size_t cap);
/* a / b, exact when its decimal ends (1/8, 3/10000000), else to 6
 * decimal places, rounded half up; trailing zeros dropped */
int num_divide(const struct num *a, const struct num *b, char *out,
    size_t cap);
/* Integer value if it fits in 0..2^31, else -1 */
long num_small(const struct num *n);

/* The value of a Chinese numeral character: 0-9 for digits (〇零一二…九
 * 两俩幺, capitals 壹贰…玖, traditional 貳參陸…), or the power of ten for
 * units as 10+k (十拾=11, 百佰=12, 千仟=13, 万萬=14, 亿億=18); 20 for
 * 廿, 30 for 卅, 40 for 卌; -1 otherwise. */
extern const int8_t cn_numeral_tab[0x7000];
static inline int
cn_numeral(uint32_t c)
{
	return c - 0x3000 < 0x7000 ? cn_numeral_tab[c - 0x3000] - 1 : -1;
}
static inline int cn_is_digit(uint32_t c) { int v = cn_numeral(c); return v >= 0 && v <= 9; }
static inline int cn_is_unit(uint32_t c) { int v = cn_numeral(c); return v >= 11 && v <= 18; }

/* Digit value of an ASCII or full-width digit, else -1. */
static inline int
ar_digit(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0xFF10 && c <= 0xFF19)
		return (int)(c - 0xFF10);
	return -1;
}

/* Parse a Chinese numeral cp[0..n) with units (一千三百四十六, 三万五,
 * 二十万亿, 九十六点四, 壹拾万零叁仟) or read digit by digit (二〇二二,
 * 一二三). Returns 0, or -1 if it is not a well-formed numeral. */
int cn_parse(const uint32_t *cp, size_t n, struct num *out);
/* Parse Arabic digits with optional thousands separators and fraction
 * (1,234,567.5  ９６．４), cp[0..n) exactly. Returns 0 or -1. */
int ar_parse(const uint32_t *cp, size_t n, struct num *out);

#endif
