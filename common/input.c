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
	int fd;

	memset(r, 0, sizeof *r);
	r->name = path;
	r->flags = flags;
	if (strcmp(path, "-") == 0)
		fd = dup(STDIN_FILENO);
	else
		fd = open(path, O_RDONLY);
	if (fd < 0 || (r->gz = gzdopen(fd, "rb")) == NULL) {
		input_error(path, 0, "%s", strerror(errno ? errno : ENOMEM));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	gzbuffer(r->gz, INBUF);
	r->buf = xmalloc(INBUF);
	return 0;
}

static int
refill(struct reader *r)
{
	int n, err;
	const char *msg;

	if (r->eof)
		return 0;
	n = gzread(r->gz, r->buf, INBUF);
	if (n > 0) {
		r->pos = 0;
		r->end = (size_t)n;
		return 1;
	}
	r->eof = 1;
	msg = gzerror(r->gz, &err);
	if (n < 0 || (err != Z_OK && err != Z_STREAM_END)) {
		if (err == Z_ERRNO)
			msg = strerror(errno);
		else if (err == Z_BUF_ERROR)
			msg = "unexpected end of compressed data";
		input_error(r->name, r->lineno ? r->lineno + 1 : 0,
		    "read error: %s", msg);
		r->failed = 1;
	}
	return 0;
}

int
rd_line(struct reader *r, const char **sp, size_t *np)
{
	const char *s;
	size_t n;

	if (r->failed)
		return 0;
	r->line.len = 0;
	r->raw = 0;
	for (;;) {
		char *base = r->buf + r->pos, *nl;
		size_t avail = r->end - r->pos;

		if (avail == 0) {
			if (!refill(r)) {
				if (r->line.len == 0)
					return 0;	/* a partial last line is kept */
				r->term = -1;
				s = r->line.p;
				n = r->line.len;
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
		} else {
			buf_add(&r->line, base, (size_t)(nl - base));
			s = r->line.p;
			n = r->line.len;
		}
		break;
	}
	r->lineno++;
	if (r->term == '\n' && n > 0 && s[n - 1] == '\r')
		n--;
	if (r->lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (!utf8_clean(s, n)) {
		if (r->flags & RD_STRICT) {
			input_error(r->name, r->lineno,
			    "invalid UTF-8 or NUL byte (--strict)");
			r->failed = 1;
			return 0;
		}
		if (!r->warned) {
			input_warning(r->name, r->lineno,
			    "invalid UTF-8 or NUL byte replaced with U+FFFD "
			    "(first in this file)");
			r->warned = 1;
		}
		r->fixed.len = 0;
		utf8_repair(s, n, &r->fixed);
		s = r->fixed.p;
		n = r->fixed.len;
	}
	*sp = s;
	*np = n;
	return 1;
}

void
rd_close(struct reader *r)
{
	if (r->gz != NULL)
		gzclose(r->gz);
	r->gz = NULL;
	free(r->buf);
	r->buf = NULL;
	buf_free(&r->line);
	buf_free(&r->fixed);
}
