/* counts.c - line key counts: open addressing, linear probing */
#include "counts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "rows.h"

/* The keys are spread over SHARDS tables by the top bits of their
 * mixed hash, each growing on its own: a table that doubles holds its
 * old and its new slots at once, and so the peak while one grows is a
 * sixteenth more than the slots, not half more. */
#define SHARD_BITS 4
#define SHARDS (1u << SHARD_BITS)

/* A slot's key beside its count, 12 bytes with no padding: a look-up
 * reads one cache line (two now and then), not one in each of two
 * arrays, for the memory a key took in them. */
struct cell {
	uint32_t key[2];	/* the key's two halves (keyof()); 0 = empty */
	uint32_t docs;		/* now */
};

struct shard {
	struct cell *cell;
	uint32_t *base;		/* as loaded; NULL until a key is loaded */
	size_t mask, n;
};

struct counts {
	struct shard sh[SHARDS];
	size_t n;
	int based;		/* counts_load() was called */
};

struct counts *
counts_new(void)
{
	return xcalloc(1, sizeof(struct counts));
}

void
counts_clear(struct counts *c)
{
	unsigned s;

	for (s = 0; s < SHARDS; s++) {
		free(c->sh[s].cell);
		free(c->sh[s].base);
	}
	memset(c, 0, sizeof *c);
}

void
counts_free(struct counts *c)
{
	unsigned s;

	if (c == NULL)
		return;
	for (s = 0; s < SHARDS; s++) {
		free(c->sh[s].cell);
		free(c->sh[s].base);
	}
	free(c);
}

static uint64_t
keyof(const struct cell *e)
{
	uint64_t k;

	memcpy(&k, e->key, sizeof k);
	return k;
}

static void
set_key(struct cell *e, uint64_t k)
{
	memcpy(e->key, &k, sizeof k);
}

static uint64_t
mixed(uint64_t key)
{
	return key * 0x9E3779B97F4A7C15ULL;
}

static struct shard *
shard_of(const struct counts *c, uint64_t h)
{
	return (struct shard *)&c->sh[h >> (64 - SHARD_BITS)];
}

/* The first slot to try for a key of mixed hash h. */
static size_t
slot_of(const struct shard *t, uint64_t h)
{
	return (size_t)(h >> 17) & t->mask;
}

static void
grow(struct shard *t, int based)
{
	struct shard old = *t;
	size_t i, cap = old.cell ? (old.mask + 1) * 2 : 1 << 12;

	t->cell = xcalloc(cap, sizeof *t->cell);
	t->base = based ? xcalloc(cap, sizeof *t->base) : NULL;
	t->mask = cap - 1;
	for (i = 0; old.cell && i <= old.mask; i++) {
		uint64_t k = keyof(&old.cell[i]);
		size_t j;

		if (!k)
			continue;
		for (j = slot_of(t, mixed(k)); keyof(&t->cell[j]);
		    j = (j + 1) & t->mask)
			;
		t->cell[j] = old.cell[i];
		if (t->base)
			t->base[j] = old.base ? old.base[i] : 0;
	}
	free(old.cell);
	free(old.base);
}

/* The slot of key in its shard *tp, made if new. */
static size_t
slot(struct counts *c, uint64_t key, struct shard **tp)
{
	uint64_t h = mixed(key);
	struct shard *t = shard_of(c, h);
	size_t i;
	uint64_t k;

	if (t->cell == NULL || (t->n + 1) * 2 > t->mask + 1)
		grow(t, c->based);
	*tp = t;
	for (i = slot_of(t, h); (k = keyof(&t->cell[i])); i = (i + 1) & t->mask)
		if (k == key)
			return i;
	set_key(&t->cell[i], key);
	t->n++;
	c->n++;
	return i;
}

static uint32_t
sat_add(uint32_t a, uint32_t b)
{
	return a > COUNTS_MAX - b ? COUNTS_MAX : a + b;
}

#define NO_SLOT SIZE_MAX

/* The slot holding key in its shard *tp, or NO_SLOT. */
static size_t
find(const struct counts *c, uint64_t key, const struct shard **tp)
{
	uint64_t h = mixed(key);
	const struct shard *t = shard_of(c, h);
	size_t i;
	uint64_t k;

	*tp = t;
	if (t->cell == NULL || key == 0)
		return NO_SLOT;
	for (i = slot_of(t, h); (k = keyof(&t->cell[i])); i = (i + 1) & t->mask)
		if (k == key)
			return i;
	return NO_SLOT;
}

uint32_t
counts_get(const struct counts *c, uint64_t key)
{
	const struct shard *t;
	size_t i = find(c, key, &t);

	return i == NO_SLOT ? 0 : t->cell[i].docs;
}

void
counts_prefetch(const struct counts *c, uint64_t key)
{
	uint64_t h = mixed(key);
	const struct shard *t = shard_of(c, h);

	if (t->cell != NULL)
		__builtin_prefetch(&t->cell[slot_of(t, h)]);
}

uint32_t
counts_add(struct counts *c, uint64_t key, uint32_t n)
{
	struct shard *t;
	size_t i;

	if (key == 0)
		return 0;
	i = slot(c, key, &t);
	return t->cell[i].docs = sat_add(t->cell[i].docs, n);
}

/* The first load gives every shard its loaded counts, of 0; the slots
 * stay where they are. */
static void
make_based(struct counts *c)
{
	unsigned s;

	if (c->based)
		return;
	c->based = 1;
	for (s = 0; s < SHARDS; s++)
		if (c->sh[s].cell)
			c->sh[s].base = xcalloc(c->sh[s].mask + 1,
			    sizeof *c->sh[s].base);
}

static void
add_loaded(struct shard *t, size_t i, uint32_t n)
{
	t->base[i] = sat_add(t->base[i], n);
	t->cell[i].docs = sat_add(t->cell[i].docs, n);
}

void
counts_load(struct counts *c, uint64_t key, uint32_t n)
{
	struct shard *t;
	size_t i;

	if (key == 0)
		return;
	make_based(c);
	i = slot(c, key, &t);
	add_loaded(t, i, n);
}

int
counts_load_present(struct counts *c, uint64_t key, uint32_t n)
{
	const struct shard *t;
	size_t i = find(c, key, &t);

	if (i == NO_SLOT)
		return 0;
	make_based(c);
	add_loaded(&c->sh[t - c->sh], i, n);
	return 1;
}

uint32_t
counts_loaded(const struct counts *c, uint64_t key)
{
	const struct shard *t;
	size_t i = find(c, key, &t);

	return i == NO_SLOT || t->base == NULL ? 0 : t->base[i];
}

int
counts_has(const struct counts *c, uint64_t key)
{
	const struct shard *t;

	return find(c, key, &t) != NO_SLOT;
}

void
counts_touch(struct counts *c, uint64_t key)
{
	struct shard *t;

	if (key)
		(void)slot(c, key, &t);
}

size_t
counts_size(const struct counts *c)
{
	return c->n;
}

/* v[0..n) in increasing order of key (keys may repeat): a radix sort, a byte a pass from the lowest, the passes where every key has the
 * same byte left out; tmp holds n more. Linear in n, with no call
 * through a pointer for each comparison as qsort makes. */
static void
sort_kv(struct count_kv *v, struct count_kv *tmp, size_t n)
{
	size_t (*cnt)[256] = xcalloc(8, sizeof *cnt);
	struct count_kv *src = v, *dst = tmp, *t;
	size_t i, sum;
	unsigned b, d;

	for (i = 0; i < n; i++)
		for (b = 0; b < 8; b++)
			cnt[b][(v[i].key >> (8 * b)) & 0xFF]++;
	for (b = 0; b < 8; b++) {
		if (cnt[b][(v[0].key >> (8 * b)) & 0xFF] == n)
			continue;	/* one byte for all: the order stays */
		for (sum = 0, d = 0; d < 256; d++) {
			size_t k = cnt[b][d];

			cnt[b][d] = sum;
			sum += k;
		}
		for (i = 0; i < n; i++)
			dst[cnt[b][(src[i].key >> (8 * b)) & 0xFF]++] = src[i];
		t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	free(cnt);
}

void
counts_sort(struct count_kv *v, size_t n)
{
	struct count_kv *tmp;

	if (n < 2)
		return;
	tmp = xmalloc(n * sizeof *tmp);
	sort_kv(v, tmp, n);
	free(tmp);
}

static struct count_kv *
some(const struct counts *c, size_t *n, int all)
{
	struct count_kv *v = xmalloc((c->n ? c->n : 1) * sizeof *v);
	size_t i;
	unsigned s;

	*n = 0;
	for (s = 0; s < SHARDS; s++) {
		const struct shard *t = &c->sh[s];

		for (i = 0; t->cell && i <= t->mask; i++) {
			uint64_t k = keyof(&t->cell[i]);

			if (k && (all || t->cell[i].docs !=
			    (t->base ? t->base[i] : 0))) {
				v[*n].key = k;
				v[(*n)++].docs = t->cell[i].docs;
			}
		}
	}
	counts_sort(v, *n);
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
