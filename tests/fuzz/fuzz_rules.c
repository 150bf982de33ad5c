/* fuzz_rules.c - --rules files: loading (a bad pattern is reported with
 * its line) and matching every line of the file against the rules; the
 * same bytes read as a --counts file. The input is handed to the
 * loaders as a buffer. Each line's answer must be that of the rules
 * tried one by one. */
#include <string.h>

#include "boiler.h"
#include "counts.h"
#include "rows.h"
#include "utf8.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	static const char *const probes[] = {
		"版权所有 某某网", "责任编辑：王某", "首页 | 新闻 | 体育", "正文一句。", "",
	};
	static struct buf text;
	struct rules r = { 0 };
	struct counts *c;
	struct rows rw;
	int gaveup;
	size_t k, at = 0;

	if (!ready) {
		fuzz_init();
		ready = 1;
	}
	if (rules_load(&r, NULL) < 0)
		abort();
	(void)rules_load_buf(&r, "fuzz", (const char *)data, size);
	for (k = 0; k < sizeof probes / sizeof *probes; k++)
		(void)rules_match(&r, probes[k], strlen(probes[k]), &gaveup);
	text.len = 0;
	utf8_repair((const char *)data, size, &text);
	while (at <= text.len) {
		const char *s = text.p + at, *nl = memchr(s, '\n', text.len - at);
		size_t n = nl ? (size_t)(nl - s) : text.len - at;

		const char *got = rules_match(&r, s, n, &gaveup);
		size_t j, b, e;

		/* the alternations never hide a rule that matches: the
		 * first rule that matches alone is the one named */
		for (j = 0; j < r.n; j++)
			if (rx_find(&r.rx[j], s, n, 0, 0, &b, &e) ||
			    r.rx[j].gaveup)
				break;
		if (!gaveup && j < r.n && !r.rx[j].gaveup &&
		    (got == NULL || strcmp(got, r.name[j]) != 0))
			abort();
		(void)ends_sentence(s, n);
		at += n + 1;
	}
	rules_free(&r);
	c = counts_new();
	rows_buf(&rw, "fuzz", (const char *)data, size, 0);
	(void)counts_read(c, &rw);
	rows_close(&rw);
	counts_free(c);
	return 0;
}
