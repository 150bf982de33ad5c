/* fuzz_numerals.c - Chinese numerals to exact decimals: parsing, sums,
 * shifts, formatting and division, on the code points of the input */
#include <string.h>

#include "buf.h"
#include "numerals.h"
#include "utf8.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	static struct buf text;
	static uint32_t cp[4096];
	struct num a, b;
	char out[512];
	size_t i = 0, n = 0;

	if (!ready) {
		fuzz_init();
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
	return 0;
}
