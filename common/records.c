/* records.c - reading TSV records and their key fields */
#include "records.h"

#include <string.h>

#include "diag.h"

/* A copy of s[0..n) with each CR made a space: a field never holds one
 * (a CR before the LF is gone already). */
static const char *
no_cr(const char *s, size_t n, struct buf *out)
{
	size_t i;

	out->len = 0;
	buf_add(out, s, n);
	for (i = 0; i < n; i++)
		if (out->p[i] == '\r')
			out->p[i] = ' ';
	return out->p;
}

void
records_each(char **files, int rdflags, unsigned field, int header,
    void (*fn)(void *, const struct record *), void *arg)
{
	struct fields f = { 0 };
	struct record rec;
	struct buf clean = { 0 };
	int keys_as_one = (rdflags & REC_KEYS_AS_ONE) && field == 0;

	rdflags &= ~REC_KEYS_AS_ONE;
	rec.f = &f;
	for (; *files; files++) {
		struct reader r;

		if (rd_open(&r, *files, rdflags) < 0)
			continue;
		rec.r = &r;
		while (rd_line(&r, &rec.s, &rec.n)) {
			if (r.has_cr)
				rec.s = no_cr(rec.s, rec.n, &clean);
			if (keys_as_one)
				fields_split_last(&f, rec.s, rec.n);
			else
				fields_split(&f, rec.s, rec.n);
			if ((rec.text = fields_text(&f, field)) < 0) {
				input_error(r.name, r.lineno,
				    "no field %u (record has %zu)", field, f.n);
				continue;
			}
			rec.header = header;
			header = 0;
			fn(arg, &rec);
		}
		rd_close(&r);
	}
	fields_free(&f);
	buf_free(&clean);
}

void
record_keys(const struct record *rec, struct buf *out)
{
	size_t i;

	/* the text last (the usual case): the keys and their TABs are
	 * the line up to it */
	if (rec->text == (long)rec->f->n - 1) {
		buf_add(out, rec->s, rec->f->b[rec->text]);
		return;
	}
	for (i = 0; i < rec->f->n; i++) {
		if ((long)i == rec->text)
			continue;
		buf_add(out, rec->s + rec->f->b[i], rec->f->e[i] - rec->f->b[i]);
		buf_addc(out, '\t');
	}
}
