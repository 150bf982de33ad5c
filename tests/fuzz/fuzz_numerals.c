/* fuzz_numerals.c - Chinese numerals to exact decimals: parsing, sums,
 * shifts, formatting and division on the code points of the input; then
 * the whole input scanned for numeric expressions (without the word
 * list), every hit checked: inside the text, not empty, a value that is
 * a plain decimal or a range of two, a qualifier of the four */
#include <string.h>

#include "buf.h"
#include "numerals.h"
#include "numex.h"
#include "utf8.h"
#include "fuzz.h"

/* -?digits(.digits)?: the end of the decimal at s, or NULL */
static const char *
decimal(const char *s)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return NULL;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.' && p[1] >= '0' && p[1] <= '9')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	return p;
}

static void
check_hit(void *arg, const struct nx_hit *h)
{
	const struct buf *text = arg;
	const char *end;

	if (h->b >= h->e || h->bb >= h->be || h->be > text->len)
		abort();
	if (h->se > h->sb && (h->sbe <= h->sbb || h->sbe > text->len))
		abort();
	if (!strchr("=<>~", h->qual) || h->unit == NULL)
		abort();
	if (h->value[0] == '\0') {
		if (h->kind != NK_CODE)
			abort();	/* only codes have no value */
		return;
	}
	if ((end = decimal(h->value)) == NULL)
		abort();
	if (*end != '\0' && (h->kind != NK_RANGE || strncmp(end, "..", 2) != 0 ||
	    (end = decimal(end + 2)) == NULL || *end != '\0'))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	static struct buf text;
	static uint32_t cp[4096];
	static struct numex *nx;
	struct num a, b;
	char out[512];
	size_t i = 0, n = 0;

	if (!ready) {
		fuzz_init();
		nx = nx_new(NULL, 0);
		ready = 1;
	}
	text.len = 0;
	utf8_repair((const char *)data, size, &text);
	while (i < text.len && n < sizeof cp / sizeof *cp)
		cp[n++] = utf8_next(text.p, text.len, &i);
	if (cn_parse(cp, n, &a) == 0 || ar_parse(cp, n, &a) == 0) {
		int l = num_format(&a, out, sizeof out);

		if (l >= 0 && (size_t)l != strlen(out))
			abort();
		b = a;
		if (num_add(&b, &a) == 0)
			(void)num_format(&b, out, sizeof out);
		(void)num_shift(&b, (int)(size % 7) - 3);
		(void)num_cmp(&a, &b);
		(void)num_small(&a);
		if (!num_is_zero(&b))
			(void)num_divide(&a, &b, out, sizeof out);
	}
	nx_scan(nx, text.p, text.len, check_hit, &text);
	return 0;
}
