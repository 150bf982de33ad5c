/* ndshard.c - near duplicates over many machines: signature lines, their
 * reduction to a list of duplicates, and that list */
#include "ndshard.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "docid.h"
#include "neardup.h"
#include "output.h"
#include "rows.h"
#include "statedb.h"

void
ndsh_sig_line(struct buf *out, uint64_t order, unsigned part, uint64_t id,
    const struct docsig *sig, const char *name, size_t n)
{
	char head[64];

	snprintf(head, sizeof head, "%" PRIu64 "\t%u\t%016" PRIx64 "\t",
	    order, part, id);
	buf_add(out, head, strlen(head));
	ds_format_sig(sig, out);
	buf_addc(out, '\t');
	ds_format_nums(sig, out);
	buf_addc(out, '\t');
	buf_add(out, name, n);
}

/* A decimal (base 10) or hexadecimal (16) number of s[0..n): 0, or -1. */
static int
number(const char *s, size_t n, int base, uint64_t max, uint64_t *v)
{
	size_t i;

	*v = 0;
	if (n == 0 || n > 20)
		return -1;
	for (i = 0; i < n; i++) {
		int d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' :
		    base == 16 && s[i] >= 'a' && s[i] <= 'f' ? s[i] - 'a' + 10 :
		    -1;

		if (d < 0 || *v > (max - (uint64_t)d) / (uint64_t)base)
			return -1;
		*v = *v * (uint64_t)base + (uint64_t)d;
	}
	return 0;
}

/* The order and part of a row (its first two fields): 0, or -1. */
static int
place_of(const struct rows *r, uint64_t *order, unsigned *part)
{
	const char *s;
	size_t n;
	uint64_t p;

	s = rows_field(r, 0, &n);
	if (s == NULL || number(s, n, 10, UINT64_MAX, order) < 0)
		return -1;
	s = rows_field(r, 1, &n);
	if (s == NULL || number(s, n, 10, UINT32_MAX, &p) < 0)
		return -1;
	*part = (unsigned)p;
	return 0;
}

/* The rest of the row from field i on (a name may hold TABs). */
static const char *
rest_of(const struct rows *r, size_t i, size_t *n)
{
	const char *s = rows_field(r, i, n);

	if (s != NULL)
		*n = (size_t)(r->s + r->n - s);
	return s;
}

struct sigrow {
	uint64_t order, id;
	unsigned part;
	size_t name, n;		/* in names */
	struct docsig sig;
};

static int
cmp_place(const void *a, const void *b)
{
	const struct sigrow *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return (x->part > y->part) - (x->part < y->part);
}

void
ndsh_reduce(char **files, double x)
{
	struct sigrow *row = NULL;
	size_t nrow = 0, cap = 0, i;
	struct buf names = { 0 };
	struct neardup nd = { 0 };
	struct docids *ids;
	struct rows r;
	char dupof[512], head[48];

	for (; *files; files++) {
		if (rows_path(&r, *files, 0) < 0)
			die(EXIT_TROUBLE, "%s: cannot read the signatures",
			    *files);
		while (rows_next(&r)) {
			struct sigrow *o;
			const char *s;
			size_t n;

			if (nrow == cap) {
				cap = cap ? 2 * cap : 1024;
				row = xrealloc(row, cap * sizeof *row);
			}
			o = &row[nrow];
			memset(o, 0, sizeof *o);
			if (r.f.n < 6 || place_of(&r, &o->order, &o->part) < 0 ||
			    (s = rows_field(&r, 2, &n)) == NULL ||
			    number(s, n, 16, UINT64_MAX, &o->id) < 0 ||
			    (s = rows_field(&r, 3, &n)) == NULL ||
			    ds_parse_sig(&o->sig, s, n) < 0 ||
			    (s = rows_field(&r, 4, &n)) == NULL ||
			    ds_parse_nums(&o->sig, s, n) < 0) {
				rows_error(&r, "expected a signature line (order, "
				    "part, identity, MinHash, numbers, name: "
				    "dedupe-boilerplate --emit-signatures)");
				break;
			}
			s = rest_of(&r, 5, &n);
			o->name = names.len;
			o->n = n;
			buf_add(&names, s, n);
			nrow++;
		}
		if (r.failed)
			die(EXIT_TROUBLE, "%s: no duplicates decided from part "
			    "of the signatures", *files);
		rows_close(&r);
	}
	qsort(row, nrow, sizeof *row, cmp_place);
	for (i = 1; i < nrow; i++)
		if (cmp_place(&row[i - 1], &row[i]) == 0)
			die(EXIT_TROUBLE, "two articles of order %" PRIu64
			    " part %u: each needs an order of its own "
			    "(--order-field)", row[i].order, row[i].part);
	nd.db = sdb_open(NULL, 1, 0);
	nd.similarity = x;
	nd.store = 1;
	ids = docids_new();
	for (i = 0; i < nrow; i++) {
		struct doc_ref self = { row[i].id, names.p + row[i].name,
		    row[i].n, 0 };

		if (!nd_decide(&nd, &row[i].sig, NULL, &self,
		    docids_first(ids, row[i].id, DOC_DECIDED), dupof,
		    sizeof dupof))
			continue;
		snprintf(head, sizeof head, "%" PRIu64 "\t%u\t", row[i].order,
		    row[i].part);
		out_str(head);
		out_str(dupof);
		out_eol();
	}
	docids_free(ids);
	sdb_close(nd.db);
	nd_free(&nd);
	buf_free(&names);
	free(row);
}

struct dup {
	uint64_t order;
	unsigned part;
	size_t name;		/* in names, NUL-terminated */
};

struct ndsh_dups {
	struct dup *d;
	size_t n;
	struct buf names;
};

static int
cmp_dup(const void *a, const void *b)
{
	const struct dup *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return (x->part > y->part) - (x->part < y->part);
}

struct ndsh_dups *
ndsh_dups_read(const char *path)
{
	struct ndsh_dups *l = xcalloc(1, sizeof *l);
	size_t cap = 0, i;
	struct rows r;

	if (rows_path(&r, path, 0) < 0)
		die(EXIT_TROUBLE, "%s: cannot read the duplicates", path);
	while (rows_next(&r)) {
		struct dup *o;
		const char *s;
		size_t n;

		if (l->n == cap) {
			cap = cap ? 2 * cap : 1024;
			l->d = xrealloc(l->d, cap * sizeof *l->d);
		}
		o = &l->d[l->n];
		if (r.f.n < 3 || place_of(&r, &o->order, &o->part) < 0) {
			rows_error(&r, "expected order<TAB>part<TAB>name "
			    "(dedupe-boilerplate --reduce-signatures)");
			break;
		}
		s = rest_of(&r, 2, &n);
		o->name = l->names.len;
		buf_add(&l->names, s, n);
		buf_addc(&l->names, '\0');
		l->n++;
	}
	if (r.failed)
		die(EXIT_TROUBLE, "%s: cannot use these duplicates", path);
	rows_close(&r);
	qsort(l->d, l->n, sizeof *l->d, cmp_dup);
	for (i = 1; i < l->n; i++)
		if (cmp_dup(&l->d[i - 1], &l->d[i]) == 0)
			die(EXIT_TROUBLE, "%s: order %" PRIu64 " part %u is "
			    "listed twice", path, l->d[i].order, l->d[i].part);
	return l;
}

const char *
ndsh_dup_of(const struct ndsh_dups *l, uint64_t order, unsigned part)
{
	struct dup key = { order, part, 0 };
	const struct dup *d;

	if (l->n == 0)
		return NULL;
	d = bsearch(&key, l->d, l->n, sizeof *l->d, cmp_dup);
	return d ? l->names.p + d->name : NULL;
}

void
ndsh_dups_free(struct ndsh_dups *l)
{
	if (l == NULL)
		return;
	free(l->d);
	buf_free(&l->names);
	free(l);
}
