/* fields.c - splitting TSV records */
#include "fields.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"

void
fields_split(struct fields *f, const char *s, size_t n)
{
	size_t at = 0, k = 0, cap = f->cap, *b = f->b, *e = f->e;

	for (;;) {
		const char *t = memchr(s + at, '\t', n - at);
		size_t end = t ? (size_t)(t - s) : n;

		if (k == cap) {
			cap = cap ? cap * 2 : 16;
			f->b = b = xrealloc(b, cap * sizeof *b);
			f->e = e = xrealloc(e, cap * sizeof *e);
			f->cap = cap;
		}
		b[k] = at;
		e[k++] = end;
		if (t == NULL)
			break;
		at = end + 1;
	}
	f->n = k;
}

void
fields_split_last(struct fields *f, const char *s, size_t n)
{
	const char *t = memrchr(s, '\t', n);

	if (f->cap < 2) {
		f->b = xrealloc(f->b, 16 * sizeof *f->b);
		f->e = xrealloc(f->e, 16 * sizeof *f->e);
		f->cap = 16;
	}
	if (t == NULL) {
		f->b[0] = 0;
		f->e[0] = n;
		f->n = 1;
		return;
	}
	f->b[0] = 0;
	f->e[0] = (size_t)(t - s);
	f->b[1] = (size_t)(t - s) + 1;
	f->e[1] = n;
	f->n = 2;
}

long
fields_text(const struct fields *f, unsigned field)
{
	if (field == 0)
		return (long)f->n - 1;
	return field <= f->n ? (long)field - 1 : -1;
}

void
fields_free(struct fields *f)
{
	free(f->b);
	free(f->e);
	f->b = f->e = NULL;
	f->n = f->cap = 0;
}
