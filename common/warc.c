/* warc.c - reading Common Crawl WET (WARC/1.0 "conversion") records
 *
 * A record is a block of headers, a blank line, and Content-Length bytes
 * of content, read as bytes: what the content holds (long lines, lines
 * that look like headers) never moves the next record. A record whose
 * length is missing or not a number is skipped to the next line that
 * starts with "WARC/"; text between records is skipped the same way.
 * Each gives one error. */
#include "warc.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"

struct warc_head {
	int conversion;		/* WARC-Type: conversion */
	int have_len;		/* a valid Content-Length */
	unsigned long long len;
};

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

/* Digits only, and no more than fit. */
static int
parse_length(const char *v, size_t vn, unsigned long long *len)
{
	char num[32], *end;

	if (vn == 0 || vn >= sizeof num || !isdigit((unsigned char)*v))
		return 0;
	memcpy(num, v, vn);
	num[vn] = '\0';
	errno = 0;
	*len = strtoull(num, &end, 10);
	return *end == '\0' && errno == 0;
}

/* Skip to the next line that starts with "WARC/": 1, or 0 at the end.
 * Other text there is reported once for each run of it, unless quiet
 * (the rest of a record already reported). */
static int
find_version(struct reader *r, int quiet)
{
	const char *s;
	size_t n;

	while (rd_line(r, &s, &n)) {
		if (n >= 5 && memcmp(s, "WARC/", 5) == 0)
			return 1;
		if (n > 0 && !quiet) {
			input_error(r->name, r->lineno, "expected a WARC/1.0 "
			    "record header; skipping to the next one");
			quiet = 1;
		}
	}
	return 0;
}

/* The headers, up to the blank line. */
static void
read_headers(struct reader *r, struct warc_head *h, struct buf *uri)
{
	const char *s, *v;
	size_t n, vn;

	memset(h, 0, sizeof *h);
	uri->len = 0;
	while (rd_line(r, &s, &n) && n > 0) {
		if (header(s, n, "WARC-Type", &v, &vn))
			h->conversion = vn == 10 && memcmp(v, "conversion", 10) == 0;
		else if (header(s, n, "WARC-Target-URI", &v, &vn)) {
			uri->len = 0;
			buf_add(uri, v, vn);
		} else if (header(s, n, "Content-Length", &v, &vn))
			h->have_len = parse_length(v, vn, &h->len);
	}
}

/* The content: len bytes, kept in body when keep. Returns how many
 * bytes there were (fewer than len when the input ends first). A length
 * that ends inside a line is taken to the line's end (no header can
 * start there): the rest of the line, up to --max-line, is content. */
static unsigned long long
read_block(struct reader *r, unsigned long long len, struct buf *body,
    int keep)
{
	unsigned long long got = 0;
	const char *s = NULL;
	size_t k = 0, more = 0;

	body->len = 0;
	while (got < len) {
		unsigned long long want = len - got;

		k = rd_bytes(r, want > (size_t)-1 ? (size_t)-1 : (size_t)want, -1,
		    &s);
		if (k == 0)
			break;
		if (keep)
			buf_add(body, s, k);
		got += k;
	}
	if (got < len || len == 0 || s[k - 1] == '\n')
		return got;
	while (more < rd_max_line && (k = rd_bytes(r, rd_max_line - more, '\n',
	    &s)) > 0) {
		if (keep)
			buf_add(body, s, k);
		more += k;
		if (s[k - 1] == '\n')
			break;
	}
	return got;
}

int
warc_next(struct reader *r, struct buf *uri, struct buf *body,
    unsigned long *hdrline)
{
	int quiet = 0;

	for (;;) {
		struct warc_head h;
		unsigned long long got;
		unsigned long first;
		int keep;

		if (!find_version(r, quiet))
			return 0;
		quiet = 0;
		*hdrline = r->lineno;
		read_headers(r, &h, uri);
		if (!h.have_len) {
			input_error(r->name, *hdrline, "WARC record without a "
			    "valid Content-Length; skipped");
			quiet = 1;
			continue;
		}
		keep = h.conversion && h.len <= rd_max_line;
		if (h.conversion && !keep)
			input_error(r->name, *hdrline, "WARC record of %llu bytes "
			    "is longer than --max-line (%zu); skipped", h.len,
			    rd_max_line);
		first = r->lineno + 1;
		got = read_block(r, h.len, body, keep);
		if (r->failed)
			return 0;
		if (got < h.len)
			input_error(r->name, *hdrline,
			    "truncated WARC record: %llu of %llu bytes", got, h.len);
		if (keep) {
			if (rd_repair(r, body, first) < 0)
				return 0;
			if (uri->len == 0)
				input_error(r->name, *hdrline,
				    "WARC record without WARC-Target-URI");
			return 1;
		}
		if (got < h.len)
			return 0;
	}
}
