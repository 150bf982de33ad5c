/* fuzz_input.c - the readers: plain and gzip input, BOM and CRLF, UTF-8
 * and NUL repair, records split into fields, JSON Lines articles and
 * WET records, all from the same bytes */
#include <string.h>

#include "buf.h"
#include "fields.h"
#include "input.h"
#include "jsonl.h"
#include "utf8.h"
#include "warc.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	static char *keep[] = { "url", "title" };
	struct jsonl_spec spec = { NULL, NULL, keep, 2 };
	const char *path, *s;
	struct reader r;
	struct buf uri = { 0 }, body = { 0 };
	struct fields f = { 0 };
	struct jsonl_doc d;
	unsigned long hdr;
	size_t n;
	int flags;

	if (!ready) {
		fuzz_init();
		ready = 1;
	}
	path = fuzz_file(data, size);
	for (flags = 0; flags <= (RD_NULSEP | RD_STRICT); flags++) {
		if (rd_open(&r, path, flags) < 0)
			abort();
		jsonl_doc_init(&d, &spec);
		while (rd_line(&r, &s, &n)) {
			char err[256];

			if (!utf8_clean(s, n))
				abort();	/* the reader hands on only UTF-8 */
			fields_split(&f, s, n);
			(void)jsonl_parse(&spec, s, n, &d, err, sizeof err);
		}
		jsonl_doc_free(&d, &spec);
		rd_close(&r);
	}
	if (rd_open(&r, path, 0) < 0)
		abort();
	while (warc_next(&r, &uri, &body, &hdr))
		if (!utf8_clean(body.p ? body.p : "", body.len))
			abort();
	rd_close(&r);
	buf_free(&uri);
	buf_free(&body);
	fields_free(&f);
	return 0;
}
