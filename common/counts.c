/* counts.c - line key counts: open addressing, linear probing */
#include "counts.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"

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

uint32_t
counts_get(const struct counts *c, uint64_t key)
{
	size_t i;

	if (c->key == NULL)
		return 0;
	for (i = slot_of(c, key); c->key[i]; i = (i + 1) & c->mask)
		if (c->key[i] == key)
			return c->docs[i];
	return 0;
}

uint32_t
counts_add(struct counts *c, uint64_t key, uint32_t n)
{
	size_t i = slot(c, key);

	return c->docs[i] = sat_add(c->docs[i], n);
}

void
counts_load(struct counts *c, uint64_t key, uint32_t n)
{
	size_t i = slot(c, key);

	c->base[i] = c->docs[i] = sat_add(c->docs[i], n);
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

struct count_kv *
counts_changed(const struct counts *c, size_t *n)
{
	struct count_kv *v = xmalloc((c->n ? c->n : 1) * sizeof *v);
	size_t i;

	*n = 0;
	for (i = 0; c->key && i <= c->mask; i++)
		if (c->key[i] && c->docs[i] != c->base[i]) {
			v[*n].key = c->key[i];
			v[(*n)++].docs = c->docs[i];
		}
	qsort(v, *n, sizeof *v, cmp_kv);
	return v;
}
