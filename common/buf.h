/* buf.h - growable byte buffer */
#ifndef ZH_BUF_H
#define ZH_BUF_H

#include <stddef.h>
#include <string.h>

struct buf {
	char *p;
	size_t len, cap;
};

void buf_reserve(struct buf *b, size_t extra);
void buf_free(struct buf *b);

static inline void
buf_add(struct buf *b, const void *s, size_t n)
{
	if (n == 0)
		return;		/* s may be NULL then (an empty buf) */
	if (b->cap - b->len < n + 1)
		buf_reserve(b, n + 1);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->cap - b->len < 2)
		buf_reserve(b, 2);
	b->p[b->len++] = c;
}

/* Make p NUL-terminated (not counted in len) and return it. */
static inline char *
buf_cstr(struct buf *b)
{
	if (b->cap - b->len < 1)
		buf_reserve(b, 1);
	b->p[b->len] = '\0';
	return b->p;
}

#endif
