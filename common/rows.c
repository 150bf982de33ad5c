/* rows.c - reading the rows of data files */
#include "rows.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "utf8.h"

void
rows_buf(struct rows *r, const char *name, const char *p, size_t n, int flags)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->flags = flags;
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		n -= 3;
	}
	r->p = p;
	r->end = p + n;
}

/* Read what fd holds to its end into b; -1 with errno on error. */
static int
slurp(int fd, struct buf *b)
{
	for (;;) {
		ssize_t k;

		buf_reserve(b, 1 << 16);
		while ((k = read(fd, b->p + b->len, b->cap - b->len - 1)) < 0 &&
		    errno == EINTR)
			;
		if (k < 0)
			return -1;
		if (k == 0)
			return 0;
		b->len += (size_t)k;
	}
}

int
rows_path(struct rows *r, const char *path, int flags)
{
	struct stat st;
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	char *own = NULL;
	size_t len = 0;
	int mapped = 0;

	if (fd < 0 || fstat(fd, &st) < 0) {
		input_error(path, 0, "%s", strerror(errno));
		if (fd > STDIN_FILENO)
			close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		input_error(path, 0, "%s", strerror(EISDIR));
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		len = (size_t)st.st_size;
		own = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
		mapped = own != MAP_FAILED;
	}
	if (!mapped) {
		struct buf b = { 0 };

		if (slurp(fd, &b) < 0) {
			input_error(path, 0, "read error: %s", strerror(errno));
			buf_free(&b);
			if (fd > STDIN_FILENO)
				close(fd);
			return -1;
		}
		own = b.p;
		len = b.len;
	}
	if (fd > STDIN_FILENO)
		close(fd);
	rows_buf(r, path, own ? own : "", len, flags);
	r->own = own;
	r->ownlen = len;
	r->mapped = mapped;
	return 0;
}

static void
split_blanks(struct rows *r)
{
	size_t i = 0;

	r->f.n = 0;
	for (;;) {
		while (i < r->n && (r->s[i] == ' ' || r->s[i] == '\t'))
			i++;
		if (i == r->n)
			break;
		if (r->f.n == r->f.cap) {
			r->f.cap = r->f.cap ? r->f.cap * 2 : 8;
			r->f.b = xrealloc(r->f.b, r->f.cap * sizeof *r->f.b);
			r->f.e = xrealloc(r->f.e, r->f.cap * sizeof *r->f.e);
		}
		r->f.b[r->f.n] = i;
		while (i < r->n && r->s[i] != ' ' && r->s[i] != '\t')
			i++;
		r->f.e[r->f.n++] = i;
	}
}

int
rows_next(struct rows *r)
{
	while (r->p < r->end && !r->failed) {
		const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
		const char *s = r->p, *e = nl ? nl : r->end;
		size_t lead = 0;

		r->p = nl ? nl + 1 : r->end;
		r->lineno++;
		if (e > s && e[-1] == '\r')
			e--;
		if ((r->flags & ROWS_BLANKS))
			while (s + lead < e && (s[lead] == ' ' || s[lead] == '\t'))
				lead++;
		if (s + lead == e || s[lead] == '#')
			continue;
		if (!utf8_clean(s, (size_t)(e - s))) {
			rows_error(r, "invalid UTF-8 or NUL byte");
			return 0;
		}
		r->s = s;
		r->n = (size_t)(e - s);
		if ((r->flags & ROWS_BLANKS))
			split_blanks(r);
		else
			fields_split(&r->f, r->s, r->n);
		return 1;
	}
	return 0;
}

const char *
rows_field(const struct rows *r, size_t i, size_t *n)
{
	if (i >= r->f.n) {
		*n = 0;
		return NULL;
	}
	*n = r->f.e[i] - r->f.b[i];
	return r->s + r->f.b[i];
}

void
rows_error(struct rows *r, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	input_error(r->name, r->lineno, "%s", msg);
	r->failed = 1;
}

void
rows_close(struct rows *r)
{
	if (r->mapped)
		munmap(r->own, r->ownlen);
	else
		free(r->own);
	fields_free(&r->f);
	r->own = NULL;
	r->mapped = 0;
}
