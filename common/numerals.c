/* numerals.c - exact decimal values of numerals */
#include "numerals.h"

#include <stdio.h>
#include <string.h>

void
num_zero(struct num *n)
{
	n->len = 0;
	n->exp = 0;
	n->neg = 0;
}

int
num_is_zero(const struct num *n)
{
	return n->len == 0;
}

static void
normalise(struct num *n)
{
	int lead = 0, trail = 0;

	while (lead < n->len && n->d[lead] == 0)
		lead++;
	if (lead == n->len) {
		n->len = 0;
		n->exp = 0;
		return;
	}
	while (n->d[n->len - 1 - trail] == 0)
		trail++;
	if (lead)
		memmove(n->d, n->d + lead, (size_t)(n->len - lead));
	n->len -= lead + trail;
	n->exp += trail;
}

void
num_digit(struct num *n, int digit, int exp)
{
	num_zero(n);
	if (digit == 0)
		return;
	n->d[0] = (uint8_t)digit;
	n->len = 1;
	n->exp = exp;
}

int
num_shift(struct num *n, int k)
{
	if (n->len == 0)
		return 0;
	if (n->exp + k > NUM_MAXDIGITS || n->exp + k < -NUM_MAXDIGITS)
		return -1;
	n->exp += k;
	return 0;
}

/* top = position of the most significant digit + 1 */
static int
top(const struct num *n)
{
	return n->exp + n->len;
}

int
num_add(struct num *acc, const struct num *b)
{
	uint8_t r[NUM_MAXDIGITS + 2];
	int lo, hi, i, carry = 0, len;

	if (b->len == 0)
		return 0;
	if (acc->len == 0) {
		*acc = *b;
		return 0;
	}
	lo = acc->exp < b->exp ? acc->exp : b->exp;
	hi = top(acc) > top(b) ? top(acc) : top(b);
	if (hi - lo + 1 > NUM_MAXDIGITS)
		return -1;
	len = hi - lo + 1;
	for (i = 0; i < len; i++) {	/* i: power lo + i, from the right */
		int p = lo + i, s = carry;

		if (p >= acc->exp && p < top(acc))
			s += acc->d[acc->len - 1 - (p - acc->exp)];
		if (p >= b->exp && p < top(b))
			s += b->d[b->len - 1 - (p - b->exp)];
		r[len - 1 - i] = (uint8_t)(s % 10);
		carry = s / 10;
	}
	memcpy(acc->d, r, (size_t)len);
	acc->len = len;
	acc->exp = lo;
	normalise(acc);
	return 0;
}

int
num_cmp(const struct num *a, const struct num *b)
{
	int i;

	if (a->len == 0 || b->len == 0)
		return (a->len != 0) - (b->len != 0);
	if (top(a) != top(b))
		return top(a) - top(b);
	for (i = 0; i < a->len || i < b->len; i++) {
		int x = i < a->len ? a->d[i] : 0, y = i < b->len ? b->d[i] : 0;

		if (x != y)
			return x - y;
	}
	return 0;
}

int
num_format(const struct num *n, char *out, size_t cap)
{
	size_t k = 0;
	int i, p;

#define PUT(c) do { if (k + 1 >= cap) return -1; out[k++] = (c); } while (0)
	if (n->len == 0) {
		PUT('0');
		out[k] = '\0';
		return (int)k;
	}
	if (n->neg)
		PUT('-');
	if (top(n) <= 0) {
		PUT('0');
		PUT('.');
		for (p = 0; p < -top(n); p++)
			PUT('0');
		for (i = 0; i < n->len; i++)
			PUT((char)('0' + n->d[i]));
	} else {
		for (i = 0; i < n->len; i++) {
			if (top(n) - i == 0)
				PUT('.');
			PUT((char)('0' + n->d[i]));
		}
		for (p = 0; p < n->exp; p++)
			PUT('0');
	}
	out[k] = '\0';
#undef PUT
	return (int)k;
}

long
num_small(const struct num *n)
{
	long v = 0;
	int i;

	if (n->len == 0)
		return 0;
	if (n->neg || n->exp < 0 || top(n) > 9)
		return -1;
	for (i = 0; i < n->len; i++)
		v = v * 10 + n->d[i];
	for (i = 0; i < n->exp; i++)
		v *= 10;
	return v;
}

static unsigned long long
gcd(unsigned long long a, unsigned long long b)
{
	while (b) {
		unsigned long long t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* Decimal places a / b needs when it terminates (b has no prime factor
 * but 2 and 5), or -1. */
static int
terminates(unsigned long long b)
{
	int twos = 0, fives = 0;

	while (b % 2 == 0) {
		b /= 2;
		twos++;
	}
	while (b % 5 == 0) {
		b /= 5;
		fives++;
	}
	return b == 1 ? (twos > fives ? twos : fives) : -1;
}

/* a / b: exact when the decimal ends (1/8 = 0.125, 3/10000000 =
 * 0.0000003), else to 6 places: long division on the integers a·10^k
 * and b·10^k */
int
num_divide(const struct num *a, const struct num *b, char *out, size_t cap)
{
	unsigned long long x, y, q, rem, g;
	int i, k, places;
	char frac[64];

	if (b->len == 0)
		return -1;
	/* small operands only: fractions in news are short (三分之二) */
	if (top(a) > 12 || top(b) > 12 || a->exp < -6 || b->exp < -6)
		return -1;
	{
		int s = 6;
		struct num ta = *a, tb = *b;

		num_shift(&ta, s);
		num_shift(&tb, s);
		x = 0;
		y = 0;
		for (i = 0; i < ta.len; i++)
			x = x * 10 + ta.d[i];
		for (i = 0; i < ta.exp; i++)
			x *= 10;
		for (i = 0; i < tb.len; i++)
			y = y * 10 + tb.d[i];
		for (i = 0; i < tb.exp; i++)
			y *= 10;
	}
	if (y == 0)
		return -1;
	g = gcd(x, y);
	if (g > 1) {
		x /= g;
		y /= g;
	}
	places = terminates(y);
	if (places < 0 || places > 60)
		places = 6;
	q = x / y;
	rem = x % y;
	for (k = 0; k < places; k++) {
		rem *= 10;
		frac[k] = (char)('0' + rem / y);
		rem %= y;
	}
	/* round half up on the next digit */
	if (rem != 0 && (rem * 10) / y >= 5) {
		for (k = places - 1; k >= 0; k--) {
			if (frac[k] == '9')
				frac[k] = '0';
			else {
				frac[k]++;
				break;
			}
		}
		if (k < 0)
			q++;
	}
	k = places;
	while (k > 0 && frac[k - 1] == '0')
		k--;
	frac[k] = '\0';
	if (k)
		i = snprintf(out, cap, "%s%llu.%s", a->neg != b->neg ? "-" : "", q, frac);
	else
		i = snprintf(out, cap, "%s%llu", a->neg != b->neg ? "-" : "", q);
	return i < 0 || (size_t)i >= cap ? -1 : i;
}

/* The numerals all lie in U+3000..U+9FFF: one table look-up a character
 * (cn_numeral), the value plus one by code point less U+3000, 0 for none. */
#define N(c, v) [(c) - 0x3000] = (v) + 1
const int8_t cn_numeral_tab[0x7000] = {
	N(0x3007, 0), N(0x96F6, 0),	/* 〇零 */
	N(0x4E00, 1), N(0x58F9, 1), N(0x5E7A, 1), N(0x5F0C, 1),	/* 一壹幺弌 */
	N(0x4E8C, 2), N(0x8D30, 2), N(0x8CB3, 2), N(0x4E24, 2), N(0x5169, 2),
	N(0x4FE9, 2), N(0x5006, 2), N(0x5F0D, 2),	/* 二贰貳两兩俩倆弍 */
	N(0x4E09, 3), N(0x53C1, 3), N(0x53C2, 3), N(0x53C3, 3),
	N(0x5F0E, 3),	/* 三叁参參弎 */
	N(0x56DB, 4), N(0x8086, 4),	/* 四肆 */
	N(0x4E94, 5), N(0x4F0D, 5),	/* 五伍 */
	N(0x516D, 6), N(0x9646, 6), N(0x9678, 6),	/* 六陆陸 */
	N(0x4E03, 7), N(0x67D2, 7),	/* 七柒 */
	N(0x516B, 8), N(0x634C, 8),	/* 八捌 */
	N(0x4E5D, 9), N(0x7396, 9),	/* 九玖 */
	N(0x5341, 11), N(0x62FE, 11),	/* 十拾 */
	N(0x767E, 12), N(0x4F70, 12),	/* 百佰 */
	N(0x5343, 13), N(0x4EDF, 13),	/* 千仟 */
	N(0x4E07, 14), N(0x842C, 14),	/* 万萬 */
	N(0x4EBF, 18), N(0x5104, 18),	/* 亿億 */
	N(0x5EFF, 20),	/* 廿 */
	N(0x5345, 30),	/* 卅 */
	N(0x534C, 40),	/* 卌 */
};
#undef N

int
ar_parse(const uint32_t *cp, size_t n, struct num *out)
{
	size_t i = 0;
	int frac = -1, len = 0, sawdigit = 0, group = -1;

	num_zero(out);
	if (n > 0 && (cp[0] == '-' || cp[0] == 0xFF0D || cp[0] == 0x2212)) {
		out->neg = 1;
		i++;
	}
	for (; i < n; i++) {
		int d = ar_digit(cp[i]);

		if (d >= 0) {
			if (len >= NUM_MAXDIGITS)
				return -1;
			if (len > 0 || d > 0)
				out->d[len++] = (uint8_t)d;
			if (frac >= 0)
				frac++;
			if (group >= 0)
				group++;
			sawdigit = 1;
		} else if ((cp[i] == ',' || cp[i] == 0xFF0C) && frac < 0 &&
		    sawdigit && (group < 0 || group == 3)) {
			group = 0;
		} else if ((cp[i] == '.' || cp[i] == 0xFF0E) && frac < 0 &&
		    sawdigit && (group < 0 || group == 3)) {
			frac = 0;
			group = -1;
		} else
			return -1;
	}
	if (!sawdigit || frac == 0 || (group >= 0 && group != 3))
		return -1;
	out->len = len;
	out->exp = frac > 0 ? -frac : 0;
	normalise(out);
	return 0;
}

/* add digit × 10^exp to acc */
static int
add_term(struct num *acc, int digit, int exp)
{
	struct num t;

	num_digit(&t, digit, exp);
	return num_add(acc, &t);
}

int
cn_parse(const uint32_t *cp, size_t n, struct num *out)
{
	struct num total, section;
	size_t i, dot = n;
	int digit = -1, units = 0, lastunit = 0, zero = 0, neg = 0;

	num_zero(out);
	num_zero(&total);
	num_zero(&section);
	if (n > 0 && cp[0] == 0x8D1F) {			/* 负 */
		neg = 1;
		cp++;
		n--;
	}
	if (n == 0)
		return -1;
	for (i = 0; i < n; i++)
		if (cp[i] == 0x70B9 || cp[i] == 0x9EDE) {	/* 点點 */
			dot = i;
			break;
		}
	if (dot == 0 || dot + 1 == n)
		return -1;
	for (i = 0; i < dot; i++)
		if (cn_is_unit(cp[i]) || cn_numeral(cp[i]) >= 20)
			units = 1;
	if (!units) {
		/* read digit by digit: 二〇二二, 一二三, 幺八九 */
		if (dot > NUM_MAXDIGITS)
			return -1;
		for (i = 0; i < dot; i++) {
			int d = cn_numeral(cp[i]);

			if (d < 0 || d > 9)
				return -1;
			if (add_term(&total, d, (int)(dot - 1 - i)) < 0)
				return -1;
		}
	} else {
		for (i = 0; i < dot; i++) {
			int v = cn_numeral(cp[i]);

			if (v < 0)
				return -1;
			if (v <= 9) {
				if (digit >= 0)
					return -1;	/* two digits in a row */
				if (v == 0) {
					zero = 1;
					continue;
				}
				digit = v;
			} else if (v >= 20) {		/* 廿 卅 卌 */
				if (digit >= 0)
					return -1;
				if (add_term(&section, v / 10, 1) < 0)
					return -1;
				lastunit = 1;
				zero = 0;
			} else if (v <= 13) {		/* 十 百 千 */
				int p = v - 10;

				if (lastunit && p >= lastunit && digit < 0 &&
				    !num_is_zero(&section))
					return -1;	/* 百千 */
				if (add_term(&section, digit < 0 ? 1 : digit, p) < 0)
					return -1;
				digit = -1;
				lastunit = p;
				zero = 0;
			} else {			/* 万 亿 */
				int p = v - 10;

				/* 百二万 = 120万: a bare digit right after a small
				 * unit counts in the next lower place */
				if (digit >= 0 && add_term(&section, digit,
				    lastunit >= 1 && lastunit <= 3 && !zero ?
				    lastunit - 1 : 0) < 0)
					return -1;
				digit = -1;
				if (num_is_zero(&section) && num_is_zero(&total))
					return -1;
				if (p == 8) {
					if (num_add(&total, &section) < 0 ||
					    num_shift(&total, 8) < 0)
						return -1;
					num_zero(&section);
				} else if (num_shift(&section, 4) < 0)
					return -1;
				lastunit = p;
				zero = 0;
			}
		}
		if (digit >= 0) {
			/* 三万五 = 35000, 一百二 = 120: a bare last digit after
			 * a unit counts in the next lower place; after 零 it is
			 * a unit digit (一百零五 = 105). */
			int p = lastunit > 1 && !zero ? lastunit - 1 : 0;

			if (lastunit == 8 || lastunit == 4)
				p = lastunit - 1;
			if (zero)
				p = 0;
			if (add_term(&section, digit, p) < 0)
				return -1;
		}
		if (num_add(&total, &section) < 0)
			return -1;
	}
	if (dot < n) {
		for (i = dot + 1; i < n; i++) {
			int d = cn_numeral(cp[i]);

			if (d < 0 || d > 9 || (int)(i - dot) > NUM_MAXDIGITS / 2)
				return -1;
			if (add_term(&total, d, -(int)(i - dot)) < 0)
				return -1;
		}
	}
	*out = total;
	out->neg = neg && !num_is_zero(&total);
	return 0;
}
