/* warc.c - reading Common Crawl WET (WARC/1.0 "conversion") records */
#include "warc.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"

static int
header(const char *s, size_t n, const char *name, const char **v, size_t *vn)
{
	size_t k = strlen(name);

	if (n <= k || strncasecmp(s, name, k) != 0 || s[k] != ':')
		return 0;
	k++;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	while (n > k && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*v = s + k;
	*vn = n - k;
	return 1;
}

int
warc_next(struct reader *r, struct buf *uri, struct buf *body,
    unsigned long *hdrline)
{
	const char *s, *v;
	size_t n, vn;

	for (;;) {
		unsigned long long len = 0, got = 0;
		int conversion = 0, have_len = 0;

		/* find the version line, skipping blank lines between records */
		for (;;) {
			if (!rd_line(r, &s, &n))
				return 0;
			if (n >= 5 && memcmp(s, "WARC/", 5) == 0)
				break;
			if (n > 0)
				input_error(r->name, r->lineno,
				    "expected a WARC/1.0 record header; "
				    "skipping to the next one");
		}
		*hdrline = r->lineno;
		uri->len = 0;
		while (rd_line(r, &s, &n) && n > 0) {
			if (header(s, n, "WARC-Type", &v, &vn))
				conversion = vn == 10 && memcmp(v, "conversion", 10) == 0;
			else if (header(s, n, "WARC-Target-URI", &v, &vn)) {
				uri->len = 0;
				buf_add(uri, v, vn);
			} else if (header(s, n, "Content-Length", &v, &vn)) {
				char num[32], *end;

				if (vn == 0 || vn >= sizeof num || !isdigit((unsigned char)*v))
					break;
				memcpy(num, v, vn);
				num[vn] = '\0';
				errno = 0;
				len = strtoull(num, &end, 10);
				have_len = *end == '\0' && errno == 0;
			}
		}
		if (!have_len) {
			input_error(r->name, *hdrline,
			    "WARC record without a valid Content-Length");
			if (r->failed || r->eof)
				return 0;
			continue;
		}
		body->len = 0;
		while (got < len && rd_line(r, &s, &n)) {
			got += r->raw;
			if (conversion) {
				buf_add(body, s, n);
				buf_addc(body, '\n');
			}
		}
		if (got < len)
			input_error(r->name, *hdrline,
			    "truncated WARC record: %llu of %llu bytes",
			    got, len);
		if (conversion) {
			if (uri->len == 0)
				input_error(r->name, *hdrline,
				    "WARC record without WARC-Target-URI");
			return 1;
		}
		if (got < len)
			return 0;
	}
}
