/* fuzz_text.c - what the tools do with text: sentences, words, numeric
 * expressions with their values, place names resolved per article. The
 * input is repaired to UTF-8 first, as the readers do; each line is a
 * record, the whole input one article. */
#include <string.h>

#include "buf.h"
#include "gazetteer.h"
#include "numex.h"
#include "placetag.h"
#include "sentence.h"
#include "utf8.h"
#include "words.h"
#include "fuzz.h"

static void
on_span(void *arg, size_t b, size_t e)
{
	size_t n = *(size_t *)arg;

	if (b >= e || e > n)
		abort();	/* sentences are never empty, never outside */
}

static void
on_token(void *arg, size_t b, size_t e, enum toktype t)
{
	size_t n = *(size_t *)arg;

	(void)t;
	if (b >= e || e > n)
		abort();
}

static void
on_hit(void *arg, const struct nx_hit *h)
{
	(void)arg;
	(void)h;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct wordseg *ws;
	static struct sentsplit *ss;
	static struct numex *nx;
	static struct gazetteer *gz;
	static struct placetag *pt;
	static struct buf text;
	size_t at = 0, rec = 0;
	int32_t main_region;
	size_t agree;

	if (ws == NULL) {
		fuzz_init();
		ws = ws_new();
		ss = ss_new(0);
		nx = nx_new(ws, 1);
		gz = gz_load(NULL, ws);
		pt = pt_new(gz, ws);
	}
	text.len = 0;
	utf8_repair((const char *)data, size, &text);
	pt_reset(pt);
	while (at <= text.len) {
		const char *s = text.p + at, *nl;
		size_t n;

		nl = memchr(s, '\n', text.len - at);
		n = nl ? (size_t)(nl - s) : text.len - at;
		ss_split(ss, s, n, on_span, &n);
		ws_cut(ws, s, n, on_token, &n);
		nx_scan(nx, s, n, on_hit, NULL);
		pt_scan(pt, rec++, s, n);
		at += n + 1;
	}
	pt_resolve(pt);
	main_region = pt_main(pt, &agree);
	if (main_region >= (int32_t)gz->n)
		abort();
	return 0;
}
