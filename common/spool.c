/* spool.c - temporary files in $TMPDIR, read back through their own fd */
#include "spool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"

#define SPOOLBUF (256 * 1024)

struct spool {
	int fd;
	char *buf;
	size_t pos, end;	/* reading: buf[pos..end) is unread */
	int reading;
	char **names;
	unsigned nnames;
};

const char *
spool_dir(void)
{
	const char *d = getenv("TMPDIR");

	return d && *d ? d : "/tmp";
}

struct spool *
spool_new(void)
{
	struct buf path = { 0 };
	const char *dir = spool_dir();
	struct spool *sp;
	int fd, e;

	buf_add(&path, dir, strlen(dir));
	buf_add(&path, "/zhpipe-spool.XXXXXX", 20);
	fd = mkstemp(buf_cstr(&path));
	e = errno;
	if (fd >= 0)
		unlink(path.p);
	buf_free(&path);
	if (fd < 0) {
		errno = e;
		return NULL;
	}
	sp = xcalloc(1, sizeof *sp);
	sp->fd = fd;
	sp->buf = xmalloc(SPOOLBUF);
	return sp;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
spool_write(struct spool *sp, const void *p, size_t n)
{
	if (sp->end + n > SPOOLBUF) {
		if (write_all(sp->fd, sp->buf, sp->end) < 0)
			return -1;
		sp->end = 0;
		if (n > SPOOLBUF)
			return write_all(sp->fd, p, n);
	}
	if (n)
		memcpy(sp->buf + sp->end, p, n);
	sp->end += n;
	return 0;
}

int
spool_rewind(struct spool *sp)
{
	if (write_all(sp->fd, sp->buf, sp->end) < 0 ||
	    lseek(sp->fd, 0, SEEK_SET) < 0)
		return -1;
	sp->pos = sp->end = 0;
	sp->reading = 1;
	return 0;
}

/* Refill the buffer; bytes now unread, 0 at the end, -1 on error. */
static ssize_t
refill(struct spool *sp)
{
	ssize_t k;

	memmove(sp->buf, sp->buf + sp->pos, sp->end - sp->pos);
	sp->end -= sp->pos;
	sp->pos = 0;
	while ((k = read(sp->fd, sp->buf + sp->end, SPOOLBUF - sp->end)) < 0 &&
	    errno == EINTR)
		;
	if (k < 0)
		return -1;
	sp->end += (size_t)k;
	return k;
}

int
spool_read(struct spool *sp, void *p, size_t n)
{
	char *out = p;
	size_t got = 0;

	while (got < n) {
		size_t have = sp->end - sp->pos, k = n - got < have ? n - got :
		    have;
		ssize_t r;

		if (k > 0) {
			memcpy(out + got, sp->buf + sp->pos, k);
			sp->pos += k;
			got += k;
			continue;
		}
		if ((r = refill(sp)) < 0)
			return -1;
		if (r == 0) {
			if (got == 0)
				return 0;
			errno = EIO;
			return -1;
		}
	}
	return 1;
}

unsigned
spool_name(struct spool *sp, const char *s)
{
	unsigned i;

	for (i = sp->nnames; i > 0; i--)	/* the latest is the likeliest */
		if (strcmp(sp->names[i - 1], s) == 0)
			return i - 1;
	sp->names = xrealloc(sp->names, (sp->nnames + 1) * sizeof *sp->names);
	sp->names[sp->nnames] = xstrdup(s);
	return sp->nnames++;
}

const char *
spool_name_at(const struct spool *sp, unsigned i)
{
	return i < sp->nnames ? sp->names[i] : "(spool)";
}

void
spool_free(struct spool *sp)
{
	unsigned i;

	if (sp == NULL)
		return;
	close(sp->fd);
	for (i = 0; i < sp->nnames; i++)
		free(sp->names[i]);
	free(sp->names);
	free(sp->buf);
	free(sp);
}
