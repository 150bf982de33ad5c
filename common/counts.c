/* counts.c - line key counts: open addressing, linear probing */
#include "counts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "rows.h"

struct counts {
	uint64_t *key;		/* 0 = empty */
	uint32_t *docs, *base;	/* now, and as loaded */
	size_t mask, n;
};

struct counts *
counts_new(void)
{
	return xcalloc(1, sizeof(struct counts));
}

void
counts_free(struct counts *c)
{
	if (c == NULL)
		return;
	free(c->key);
	free(c->docs);
	free(c->base);
	free(c);
}

static size_t
slot_of(const struct counts *c, uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 17) & c->mask;
}

static void
grow(struct counts *c)
{
	struct counts old = *c;
	size_t i, cap = old.key ? (old.mask + 1) * 2 : 1 << 16;

	c->key = xcalloc(cap, sizeof *c->key);
	c->docs = xcalloc(cap, sizeof *c->docs);
	c->base = xcalloc(cap, sizeof *c->base);
	c->mask = cap - 1;
	for (i = 0; old.key && i <= old.mask; i++) {
		size_t j;

		if (!old.key[i])
			continue;
		for (j = slot_of(c, old.key[i]); c->key[j]; j = (j + 1) & c->mask)
			;
		c->key[j] = old.key[i];
		c->docs[j] = old.docs[i];
		c->base[j] = old.base[i];
	}
	free(old.key);
	free(old.docs);
	free(old.base);
}

/* The slot of key, made if new. */
static size_t
slot(struct counts *c, uint64_t key)
{
	size_t i;

	if (c->key == NULL || (c->n + 1) * 2 > c->mask + 1)
		grow(c);
	for (i = slot_of(c, key); c->key[i]; i = (i + 1) & c->mask)
		if (c->key[i] == key)
			return i;
	c->key[i] = key;
	c->n++;
	return i;
}

static uint32_t
sat_add(uint32_t a, uint32_t b)
{
	return a > COUNTS_MAX - b ? COUNTS_MAX : a + b;
}

#define NO_SLOT SIZE_MAX

/* The slot holding key, or NO_SLOT. */
static size_t
find(const struct counts *c, uint64_t key)
{
	size_t i;

	if (c->key == NULL || key == 0)
		return NO_SLOT;
	for (i = slot_of(c, key); c->key[i]; i = (i + 1) & c->mask)
		if (c->key[i] == key)
			return i;
	return NO_SLOT;
}

uint32_t
counts_get(const struct counts *c, uint64_t key)
{
	size_t i = find(c, key);

	return i == NO_SLOT ? 0 : c->docs[i];
}

uint32_t
counts_add(struct counts *c, uint64_t key, uint32_t n)
{
	size_t i;

	if (key == 0)
		return 0;
	i = slot(c, key);
	return c->docs[i] = sat_add(c->docs[i], n);
}

void
counts_load(struct counts *c, uint64_t key, uint32_t n)
{
	size_t i;

	if (key == 0)
		return;
	i = slot(c, key);
	c->base[i] = sat_add(c->base[i], n);
	c->docs[i] = sat_add(c->docs[i], n);
}

uint32_t
counts_loaded(const struct counts *c, uint64_t key)
{
	size_t i = find(c, key);

	return i == NO_SLOT ? 0 : c->base[i];
}

int
counts_has(const struct counts *c, uint64_t key)
{
	return find(c, key) != NO_SLOT;
}

void
counts_touch(struct counts *c, uint64_t key)
{
	if (key)
		(void)slot(c, key);
}

size_t
counts_size(const struct counts *c)
{
	return c->n;
}

static int
cmp_kv(const void *a, const void *b)
{
	uint64_t x = ((const struct count_kv *)a)->key,
	    y = ((const struct count_kv *)b)->key;

	return (x > y) - (x < y);
}

static struct count_kv *
some(const struct counts *c, size_t *n, int all)
{
	struct count_kv *v = xmalloc((c->n ? c->n : 1) * sizeof *v);
	size_t i;

	*n = 0;
	for (i = 0; c->key && i <= c->mask; i++)
		if (c->key[i] && (all || c->docs[i] != c->base[i])) {
			v[*n].key = c->key[i];
			v[(*n)++].docs = c->docs[i];
		}
	qsort(v, *n, sizeof *v, cmp_kv);
	return v;
}

struct count_kv *
counts_changed(const struct counts *c, size_t *n)
{
	return some(c, n, 0);
}

struct count_kv *
counts_all(const struct counts *c, size_t *n)
{
	return some(c, n, 1);
}

/* s[0..n) as a number of the base, all digits; -1 when it is not one
 * (empty, a sign, another character), -2 when it is over max. */
static int
parse_number(const char *s, size_t n, int base, uint64_t max, uint64_t *v)
{
	size_t i;

	*v = 0;
	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		int d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' :
		    base == 16 && (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f' ?
		    (s[i] | 0x20) - 'a' + 10 : -1;

		if (d < 0)
			return -1;
		if (*v > (max - (uint64_t)d) / (uint64_t)base)
			return -2;
		*v = *v * (uint64_t)base + (uint64_t)d;
	}
	return 0;
}

int
counts_read(struct counts *c, struct rows *r)
{
	while (rows_next(r)) {
		const char *k, *d;
		size_t kn, dn;
		uint64_t key, form = 0, docs;
		int rc;

		k = rows_field(r, 0, &kn);
		d = rows_field(r, 1, &dn);
		if (r->f.n != 2 || (kn == 32 ? parse_number(k, 16, 16,
		    UINT64_MAX, &key) < 0 || parse_number(k + 16, 16, 16,
		    UINT64_MAX, &form) < 0 || form == 0 :
		    parse_number(k, kn, 16, UINT64_MAX, &key) < 0) || key == 0) {
			rows_error(r, "expected key<TAB>docs (a key of 1 to 16 "
			    "hexadecimal digits, or 32: a line's and its "
			    "form's, neither 0)");
			break;
		}
		if ((rc = parse_number(d, dn, 10, COUNTS_MAX, &docs)) < 0) {
			if (rc == -2)
				rows_error(r, "'%.*s' documents: more than %lu, "
				    "the most a count can be", (int)(dn > 24 ? 24 : dn), d,
				    (unsigned long)COUNTS_MAX);
			else
				rows_error(r, "expected key<TAB>docs (docs: a "
				    "count of documents, 0 or more)");
			break;
		}
		/* a line of a site counted for the first time: one more
		 * site has its form */
		if (form && docs && counts_get(c, key) == 0)
			counts_load(c, form, 1);
		counts_load(c, key, (uint32_t)docs);
	}
	return r->failed ? -1 : 0;
}

int
counts_read_path(struct counts *c, const char *path)
{
	struct rows r;
	int rc;

	if (rows_path(&r, path, 0) < 0)
		return -1;
	rc = counts_read(c, &r);
	rows_close(&r);
	return rc;
}
