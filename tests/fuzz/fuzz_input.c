/* fuzz_input.c - the readers: plain and gzip input, BOM and CRLF, UTF-8
 * and NUL repair, records split into fields, JSON Lines articles and
 * WET records, all from the same bytes, read from memory
 *
 * The first byte chooses how: bits 0-2 the size of each read (0: any,
 * else 1 << (k - 1) bytes, as a pipe may split a gzip header), bit 3
 * --strict, bit 4 NUL-separated, bit 5 a --max-line of 64 bytes, bit 7
 * the long-input mode (fuzz.h). The rest is the input. utf8_clean's
 * ways of checking UTF-8 (16 or 32 bytes at a time) must agree with the
 * scalar one on it. */
#include <string.h>

#include "buf.h"
#include "fields.h"
#include "input.h"
#include "jsonl.h"
#include "utf8.h"
#include "warc.h"
#include "fuzz.h"

static void
read_records(const uint8_t *data, size_t n, size_t chunk, int flags)
{
	static char *keep[] = { "url", "title" };
	struct jsonl_spec spec = { NULL, NULL, keep, 2 };
	struct fields f = { 0 };
	struct jsonl_doc d;
	struct reader r;
	const char *s;
	size_t len;

	rd_open_mem(&r, "in", data, n, chunk, flags);
	jsonl_doc_init(&d, &spec);
	while (rd_line(&r, &s, &len)) {
		char err[256];

		if (!utf8_clean(s, len) || len > 3 * rd_max_line)
			abort();	/* only UTF-8; never over --max-line
					 * (each bad byte repaired to 3) */
		fields_split(&f, s, len);
		if (jsonl_parse(&spec, s, len, &d, err, sizeof err) == 0 &&
		    (!utf8_clean(d.id.p ? d.id.p : "", d.id.len) ||
		    d.id.len == 0))
			abort();	/* a key, and valid text in it */
	}
	jsonl_doc_free(&d, &spec);
	fields_free(&f);
	rd_close(&r);
}

static void
read_wet(const uint8_t *data, size_t n, size_t chunk, int flags)
{
	struct buf uri = { 0 }, body = { 0 };
	struct reader r;
	unsigned long hdr;

	rd_open_mem(&r, "in", data, n, chunk, flags & ~RD_NULSEP);
	while (warc_next(&r, &uri, &body, &hdr))
		if (!utf8_clean(body.p ? body.p : "", body.len) ||
		    body.len > 3 * (rd_max_line + rd_max_line))
			abort();	/* only UTF-8; a content of at most
					 * --max-line and the rest of its last
					 * line, up to --max-line more (each
					 * bad byte repaired to 3) */
	rd_close(&r);
	buf_free(&uri);
	buf_free(&body);
}

/* utf8_clean gives the scalar answer by every way this processor has,
 * on the input and on each of its ends */
static void
same_clean(const char *s, size_t n)
{
	int want = utf8_clean_scalar(s, n), w, r;
	size_t k;

	for (w = UTF8_SSSE3; w <= UTF8_AVX2; w++)
		if ((r = utf8_clean_by(s, n, w)) >= 0 && r != want)
			abort();
	if (utf8_clean(s, n) != want)
		abort();
	for (k = 1; k <= n && k <= 40; k++)
		if (utf8_clean(s + n - k, k) != utf8_clean_scalar(s + n - k, k))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	size_t chunk;
	int how, flags;

	if (!ready) {
		fuzz_init();
		ready = 1;
	}
	if (size == 0)
		return 0;
	how = data[0];
	data++;
	size--;
	chunk = (how & 7) ? (size_t)1 << ((how & 7) - 1) : 0;
	flags = (how & 8 ? RD_STRICT : 0) | (how & 16 ? RD_NULSEP : 0);
	if (how & 128)
		data = fuzz_long(data, size, &size);
	rd_max_line = how & 32 ? 64 : RD_MAX_LINE;
	same_clean((const char *)data, size);
	read_records(data, size, chunk, flags);
	read_wet(data, size, chunk, flags);
	rd_max_line = RD_MAX_LINE;
	return 0;
}
