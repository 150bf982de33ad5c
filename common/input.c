/* input.c - reading records of any length (zlib reads plain and gzip) */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "utf8.h"

#define INBUF (256 * 1024)

int
rd_open(struct reader *r, const char *path, int flags)
{
	memset(r, 0, sizeof *r);
	r->name = path;
	r->flags = flags;
	r->fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	if (r->fd < 0) {
		input_error(path, 0, "%s", strerror(errno));
		return -1;
	}
	r->buf = xmalloc(INBUF);
	return 0;
}

void
rd_open_mem(struct reader *r, const char *name, const void *p, size_t n,
    size_t chunk, int flags)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->flags = flags;
	r->fd = -1;
	r->mem = p;
	r->memlen = n;
	r->memchunk = chunk;
	r->buf = xmalloc(INBUF);
}

/* read(2) what is there, retrying on EINTR; -1 on error (reported) */
static ssize_t
read_some(struct reader *r, void *p, size_t n)
{
	ssize_t k;

	if (r->fd < 0) {
		if (r->memchunk && n > r->memchunk)
			n = r->memchunk;
		if (n > r->memlen - r->mempos)
			n = r->memlen - r->mempos;
		memcpy(p, r->mem + r->mempos, n);
		r->mempos += n;
		return (ssize_t)n;
	}
	while ((k = read(r->fd, p, n)) < 0 && errno == EINTR)
		;
	if (k < 0) {
		input_error(r->name, r->lineno ? r->lineno + 1 : 0,
		    "read error: %s", strerror(errno));
		r->failed = 1;
	}
	return k;
}

static void
gz_error(struct reader *r, const char *msg)
{
	input_error(r->name, r->lineno ? r->lineno + 1 : 0,
	    "read error: %s", msg);
	r->failed = 1;
	r->eof = 1;
}

/* Inflate into buf; returns bytes produced, 0 at the end of input. */
static size_t
gz_fill(struct reader *r)
{
	for (;;) {
		int rc;

		if (r->zs.avail_in == 0) {
			ssize_t k = read_some(r, r->zin, INBUF);

			if (k <= 0) {
				if (k == 0 && !r->zend)
					gz_error(r, "unexpected end of compressed data");
				r->eof = 1;
				return 0;
			}
			r->zs.next_in = r->zin;
			r->zs.avail_in = (uInt)k;
		}
		if (r->zend) {
			/* another gzip member follows (Common Crawl's .gz) */
			if (inflateReset(&r->zs) != Z_OK) {
				gz_error(r, "cannot restart decompression");
				return 0;
			}
			r->zend = 0;
		}
		r->zs.next_out = (unsigned char *)r->buf;
		r->zs.avail_out = INBUF;
		rc = inflate(&r->zs, Z_NO_FLUSH);
		if (rc == Z_STREAM_END)
			r->zend = 1;
		else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			gz_error(r, r->zs.msg ? r->zs.msg : "invalid compressed data");
			return 0;
		}
		if (INBUF - r->zs.avail_out > 0)
			return INBUF - r->zs.avail_out;
	}
}

static int
refill(struct reader *r)
{
	ssize_t k;
	int first;

	r->cr_known = 0;	/* the buffer's bytes change */
	if (r->eof || r->failed)
		return 0;
	if (r->gz) {
		size_t got = gz_fill(r);

		r->pos = 0;
		r->end = got;
		return got > 0;
	}
	k = read_some(r, r->buf, INBUF);
	if (k <= 0) {
		r->eof = 1;
		return 0;
	}
	/* gzip magic at the start of the file: switch to inflating. A pipe
	 * may bring the first byte alone: then wait for the second. */
	first = !r->started;
	r->started = 1;
	if (first && (unsigned char)r->buf[0] == 0x1f) {
		ssize_t more;

		while (k == 1 && (more = read_some(r, r->buf + 1, INBUF - 1)) > 0)
			k += more;
		if (r->failed) {
			r->eof = 1;
			return 0;
		}
	}
	r->pos = 0;
	r->end = (size_t)k;
	if (first && k >= 2 && (unsigned char)r->buf[0] == 0x1f &&
	    (unsigned char)r->buf[1] == 0x8b) {
		r->zin = xmalloc(INBUF);
		memcpy(r->zin, r->buf, (size_t)k);
		r->zs.next_in = r->zin;
		r->zs.avail_in = (uInt)k;
		if (inflateInit2(&r->zs, 16 + MAX_WBITS) != Z_OK)
			die(EXIT_TROUBLE, "out of memory (zlib)");
		r->gz = 1;
		return refill(r);
	}
	return 1;
}

size_t rd_max_line = RD_MAX_LINE;

/* Invalid UTF-8 or a NUL byte at line lineno: -1 when refused
 * (--strict), else 0 after the file's one warning. */
static int
bad_bytes(struct reader *r, unsigned long lineno)
{
	if (r->flags & RD_STRICT) {
		input_error(r->name, lineno,
		    "invalid UTF-8 or NUL byte (--strict)");
		r->failed = 1;
		return -1;
	}
	if (!r->warned) {
		input_warning(r->name, lineno, "invalid UTF-8 or NUL byte "
		    "replaced with U+FFFD (first in this file)");
		r->warned = 1;
	}
	return 0;
}

int
rd_line(struct reader *r, const char **sp, size_t *np)
{
	const char *s;
	size_t n;
	int inbuf;		/* s is in buf (not a copy) */

	if (r->failed)
		return 0;
next:
	r->line.len = 0;
	r->raw = 0;
	for (;;) {
		char *base = r->buf + r->pos, *nl;
		size_t avail = r->end - r->pos;

		if (avail == 0) {
			if (!refill(r)) {
				if (r->line.len == 0 && !r->skipping)
					return 0;	/* a partial last line is kept */
				r->term = -1;
				s = r->line.p;
				n = r->line.len;
				inbuf = 0;
				break;
			}
			continue;
		}
		nl = memchr(base, '\n', avail);
		if (r->flags & RD_NULSEP) {
			char *z = memchr(base, '\0', nl ? (size_t)(nl - base) : avail);

			if (z)
				nl = z;
		}
		if (nl == NULL) {
			if (r->raw + avail > rd_max_line) {
				/* too long: keep counting, stop keeping */
				buf_free(&r->line);
				r->skipping = 1;
			} else
				buf_add(&r->line, base, avail);
			r->raw += avail;
			r->pos = r->end;
			continue;
		}
		r->term = (unsigned char)*nl;
		r->pos += (size_t)(nl - base) + 1;
		r->raw += (size_t)(nl - base) + 1;
		if (r->line.len == 0) {
			s = base;
			n = (size_t)(nl - base);
			inbuf = 1;
			/* the next CR, looked for once for the lines before it */
			if (!r->cr_known || r->cr_at < (size_t)(base - r->buf)) {
				const char *cr = memchr(base, '\r', avail);

				r->cr_at = cr ? (size_t)(cr - r->buf) : r->end;
				r->cr_known = 1;
			}
		} else {
			buf_add(&r->line, base, (size_t)(nl - base));
			s = r->line.p;
			n = r->line.len;
			inbuf = 0;
		}
		break;
	}
	r->lineno++;
	if (r->skipping || n > rd_max_line) {
		input_error(r->name, r->lineno, "line of %zu bytes is longer than "
		    "--max-line (%zu); skipped", r->raw - (r->term >= 0),
		    rd_max_line);
		r->skipping = 0;
		if (r->term < 0)
			return 0;
		goto next;
	}
	if (r->term == '\n' && n > 0 && s[n - 1] == '\r')
		n--;
	while (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (!(r->flags & RD_TRUSTED) && !utf8_clean(s, n)) {
		if (bad_bytes(r, r->lineno) < 0)
			return 0;
		r->fixed.len = 0;
		utf8_repair(s, n, &r->fixed);
		s = r->fixed.p;
		n = r->fixed.len;
		inbuf = 0;
	}
	/* a CR from the line's start on is in it when before its end (a
	 * byte-order mark holds none) */
	r->has_cr = inbuf ? r->cr_at < (size_t)(s - r->buf) + n :
	    memchr(s, '\r', n) != NULL;
	*sp = s;
	*np = n;
	return 1;
}

size_t
rd_bytes(struct reader *r, size_t max, int stop, const char **sp)
{
	const char *p, *nl;
	size_t k;

	if (r->failed || max == 0 || (r->pos == r->end && !refill(r)))
		return 0;
	k = r->end - r->pos < max ? r->end - r->pos : max;
	p = *sp = r->buf + r->pos;
	if (stop >= 0 && (nl = memchr(p, stop, k)) != NULL)
		k = (size_t)(nl - p) + 1;
	r->pos += k;
	while ((nl = memchr(p, '\n', k - (size_t)(p - *sp))) != NULL) {
		r->lineno++;
		p = nl + 1;
	}
	return k;
}

int
rd_repair(struct reader *r, struct buf *b, unsigned long lineno)
{
	struct buf t;

	if ((r->flags & RD_TRUSTED) || utf8_clean(b->p, b->len))
		return 0;
	if (bad_bytes(r, lineno) < 0)
		return -1;
	r->fixed.len = 0;
	utf8_repair(b->p, b->len, &r->fixed);
	t = *b;
	*b = r->fixed;
	r->fixed = t;
	return 0;
}

void
rd_close(struct reader *r)
{
	if (r->gz)
		inflateEnd(&r->zs);
	if (r->fd > STDIN_FILENO)
		close(r->fd);
	r->fd = -1;
	free(r->zin);
	r->zin = NULL;
	free(r->buf);
	r->buf = NULL;
	buf_free(&r->line);
	buf_free(&r->fixed);
}
