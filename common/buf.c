/* buf.c - growable byte buffer */
#include "buf.h"

#include <stdlib.h>

#include "diag.h"

void
buf_reserve(struct buf *b, size_t extra)
{
	size_t need = b->len + extra, cap = b->cap ? b->cap : 256;

	if (need < b->len)
		die(EXIT_TROUBLE, "out of memory (buffer overflow)");
	while (cap < need) {
		if (cap > ((size_t)-1) / 2)
			die(EXIT_TROUBLE, "out of memory (line too long)");
		cap *= 2;
	}
	if (cap != b->cap) {
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
