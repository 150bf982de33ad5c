/* trie.c - a trie over code points kept as a hash of edges */
#include "trie.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"


static inline uint64_t
edge_key(uint32_t node, uint32_t c)
{
	return (((uint64_t)node << 21) | c) + 1;
}

static inline uint64_t
hmix(uint64_t key)
{
	return key * 0x9E3779B97F4A7C15ULL;
}

struct trie *
trie_new(uint32_t expect)
{
	struct trie *t = xcalloc(1, sizeof *t);
	size_t n = 1u << 12;
	unsigned fbits;

	while (n < (size_t)expect * 2 && n < (1u << 24))
		n *= 2;
	t->mask = n - 1;
	t->slots = xbigalloc((t->mask + 1) * sizeof *t->slots);
	/* the filter is sized once, for the expected size: 8 bits a slot
	 * (2^15 to 2^24 bits) */
	fbits = 15;
	while (fbits < 24 && ((size_t)1 << fbits) < n * 8)
		fbits++;
	t->fshift = 64 - fbits;
	t->filter = xcalloc((size_t)1 << (fbits - 6), sizeof *t->filter);
	t->nnodes = 1;
	return t;
}

void
trie_free(struct trie *t)
{
	if (t == NULL || t->rodata)
		return;
	xbigfree(t->slots, (t->mask + 1) * sizeof *t->slots);
	free(t->filter);
	free(t);
}

uint32_t
trie_nodes(const struct trie *t)
{
	return t->nnodes;
}

/* For each node of depth 1, its edge + 1 (0 for the other nodes). */
static uint32_t *
depth1(const struct trie *t)
{
	uint32_t *cp = xcalloc(t->nnodes, sizeof *cp);
	size_t i;
	uint32_t c;

	for (c = 0; c < 0x10000; c++)
		if (t->root[c])
			cp[t->root[c]] = c + 1;
	for (i = 0; i <= t->mask; i++) {
		uint64_t key = t->slots[i] >> 21;

		if (key != 0 && (key - 1) >> 21 == 0)	/* the root's, above
							 * the BMP */
			cp[t->slots[i] & TRIE_MAXNODES] =
			    (uint32_t)((key - 1) & 0x1FFFFF) + 1;
	}
	return cp;
}

/* The edges below the nodes that `up` gives a code point + 1: fn gets
 * the parent's, the edge and the child. */
static void
edges_below(const struct trie *t, const uint32_t *up,
    void (*fn)(void *, uint32_t, uint32_t, uint32_t, uint32_t), void *arg)
{
	size_t i;

	for (i = 0; i <= t->mask; i++) {
		uint64_t key = t->slots[i] >> 21;
		uint32_t parent;

		if (key == 0)
			continue;
		parent = (uint32_t)((key - 1) >> 21);
		if (parent != 0 && up[parent])
			fn(arg, parent, up[parent] - 1,
			    (uint32_t)((key - 1) & 0x1FFFFF),
			    (uint32_t)(t->slots[i] & TRIE_MAXNODES));
	}
}

struct pairwalk {
	void (*pair)(void *, uint32_t, uint32_t, uint32_t);
	void (*triple)(void *, uint32_t, uint32_t, uint32_t);
	void *arg;
	uint32_t *a, *b;	/* for each node of depth 2: its edges + 1 */
};

static void
on_pair(void *arg, uint32_t parent, uint32_t a, uint32_t b, uint32_t child)
{
	struct pairwalk *w = arg;

	(void)parent;
	if (w->pair)
		w->pair(w->arg, a, b, child);
	else {
		w->a[child] = a + 1;
		w->b[child] = b + 1;
	}
}

static void
on_triple(void *arg, uint32_t parent, uint32_t b, uint32_t c, uint32_t child)
{
	struct pairwalk *w = arg;

	(void)child;
	w->triple(w->arg, w->a[parent] - 1, b, c);
}

void
trie_pairs(const struct trie *t,
    void (*fn)(void *, uint32_t, uint32_t, uint32_t), void *arg)
{
	struct pairwalk w = { fn, NULL, arg, NULL, NULL };
	uint32_t *cp = depth1(t);

	edges_below(t, cp, on_pair, &w);
	free(cp);
}

void
trie_triples(const struct trie *t,
    void (*fn)(void *, uint32_t, uint32_t, uint32_t), void *arg)
{
	struct pairwalk w = { NULL, fn, arg, NULL, NULL };
	uint32_t *cp = depth1(t);

	w.a = xcalloc(t->nnodes, sizeof *w.a);
	w.b = xcalloc(t->nnodes, sizeof *w.b);
	edges_below(t, cp, on_pair, &w);
	edges_below(t, w.b, on_triple, &w);
	free(cp);
	free(w.a);
	free(w.b);
}

static void
put_slot(uint64_t *slots, size_t mask, uint64_t e)
{
	size_t i;

	for (i = (size_t)(hmix(e >> 21) >> 20) & mask; slots[i];
	    i = (i + 1) & mask)
		;
	slots[i] = e;
}

static void
grow(struct trie *t)
{
	size_t oldn = t->mask + 1, i;
	uint64_t *old = t->slots;

	t->slots = xbigalloc(oldn * 2 * sizeof *t->slots);
	t->mask = oldn * 2 - 1;
	for (i = 0; i < oldn; i++)
		if (old[i])
			put_slot(t->slots, t->mask, old[i]);
	xbigfree(old, oldn * sizeof *old);
}

uint32_t
trie_add(struct trie *t, uint32_t node, uint32_t c)
{
	uint32_t k = trie_child(t, node, c);

	return k ? k : trie_add_new(t, node, c);
}

/* The number of a node about to be made. */
static uint32_t
new_node(struct trie *t)
{
	if (t->nnodes >= TRIE_MAXNODES)
		die(EXIT_TROUBLE, "dictionary too large (over %u trie nodes)",
		    TRIE_MAXNODES);
	return t->nnodes++;
}

uint32_t
trie_add_new(struct trie *t, uint32_t node, uint32_t c)
{
	uint32_t k = new_node(t);
	uint64_t key, bit;

	if (node == 0 && c < 0x10000) {
		t->root[c] = k;
		return k;
	}
	if ((t->used + 1) * 2 > t->mask + 1)
		grow(t);
	key = edge_key(node, c);
	put_slot(t->slots, t->mask, key << 21 | k);
	bit = hmix(key) >> t->fshift;
	t->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
	t->used++;
	return k;
}

/* A new edge, queued: the child's number is known at once. */
static uint32_t
queue_edge(struct trie *t, struct trie_cursor *cur, uint32_t node, uint32_t c)
{
	uint32_t k;

	if (node == 0 && c < 0x10000)
		return trie_add_new(t, node, c);
	k = new_node(t);
	if (cur->nqueue == cur->capqueue) {
		cur->capqueue = cur->capqueue ? cur->capqueue * 2 : 1u << 16;
		cur->queue = xbigrealloc(cur->queue, cur->nqueue * sizeof *cur->queue,
		    cur->capqueue * sizeof *cur->queue);
	}
	cur->queue[cur->nqueue++] = edge_key(node, c) << 21 | k;
	return k;
}

static size_t
home(const struct trie *t, uint64_t e)
{
	return (size_t)(hmix(e >> 21) >> 20) & t->mask;
}

void
trie_insert_end(struct trie *t, struct trie_cursor *cur)
{
	uint64_t *q = cur->queue, *tmp;
	size_t n = cur->nqueue, i, pass, bits = 0;

	if (n == 0)
		goto out;
	while ((t->used + n) * 2 > t->mask + 1)
		grow(t);
	while (((size_t)1 << bits) <= t->mask)
		bits++;
	/* radix sort by home slot, 11 bits a pass (the top 22 bits of a
	 * bigger table), then fill in order */
	tmp = xbigalloc(cur->capqueue * sizeof *tmp);
	for (pass = 0; pass < 2; pass++) {
		size_t count[2049] = { 0 };
		size_t shift = bits > 22 ? (pass ? bits - 11 : bits - 22) : 11 * pass;

		for (i = 0; i < n; i++)
			count[((home(t, q[i]) >> shift) & 2047) + 1]++;
		for (i = 1; i < 2049; i++)
			count[i] += count[i - 1];
		for (i = 0; i < n; i++)
			tmp[count[(home(t, q[i]) >> shift) & 2047]++] = q[i];
		{
			uint64_t *x = q;

			q = tmp;
			tmp = x;
		}
	}
	for (i = 0; i < n; i++) {
		uint64_t bit = hmix(q[i] >> 21) >> t->fshift;

		put_slot(t->slots, t->mask, q[i]);
		t->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
	}
	t->used += n;
	xbigfree(tmp, cur->capqueue * sizeof *tmp);
	cur->queue = q;
out:
	xbigfree(cur->queue, cur->capqueue * sizeof *cur->queue);
	cur->queue = NULL;
	cur->nqueue = cur->capqueue = 0;
}

uint32_t
trie_insert(struct trie *t, struct trie_cursor *cur, const char *key,
    size_t n)
{
	size_t l = 0, i = 0, k = 0;
	uint32_t node = 0;
	int same, after, sorted;

	if (cur->prev == NULL && t->nnodes > 1)
		cur->unsorted = 1;	/* keys were there before the cursor */
	while (l < n && l < cur->prevn && key[l] == cur->prev[l])
		l++;
	same = cur->prev != NULL && l == n && l == cur->prevn;
	after = cur->prev == NULL || (l < n && (l == cur->prevn ||
	    (unsigned char)key[l] > (unsigned char)cur->prev[l]));
	/* every key so far in order, this one after the previous: then no
	 * key before has a path beyond the shared one */
	if (!after && !same)
		cur->unsorted = 1;
	if (same && !cur->unsorted && cur->depth == utf8_count(key, n))
		return cur->path[cur->depth];	/* the same key again */
	sorted = after && !cur->unsorted;
	if (sorted) {
		/* the code points wholly inside the shared bytes */
		while (i < l) {
			size_t j = i;

			(void)utf8_next(key, n, &j);
			if (j > l)
				break;
			i = j;
			k++;
		}
		if (k > cur->depth)
			sorted = 0;	/* beyond the path kept */
	}
	if (sorted) {
		node = cur->path[k];
	} else {
		trie_insert_end(t, cur);	/* lookups from here on */
		i = 0;
		k = 0;
	}
	while (i < n) {
		uint32_t c = utf8_next(key, n, &i);

		node = sorted ? queue_edge(t, cur, node, c) : trie_add(t, node, c);
		if (k < TRIE_PATH)
			cur->path[++k] = node;
	}
	cur->path[0] = 0;
	cur->depth = k;
	cur->prev = key;
	cur->prevn = n;
	return node;
}

static size_t
filter_words(const struct trie *t)
{
	return (size_t)1 << (64 - t->fshift - 6);
}

/* n numbers, eight a line; zeros short */
static void
emit_u64(FILE *f, const uint64_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i])
			fprintf(f, "0x%llxu,", (unsigned long long)v[i]);
		else
			fputs("0,", f);
		if (i % 8 == 7 || i == n - 1)
			fputc('\n', f);
	}
}

void
trie_emit(const struct trie *t, FILE *f, const char *name)
{
	size_t i;

	fprintf(f, "static const uint64_t %s_slots[%zu] = {\n", name, t->mask + 1);
	emit_u64(f, t->slots, t->mask + 1);
	fprintf(f, "};\nstatic const uint64_t %s_filter[%zu] = {\n", name,
	    filter_words(t));
	emit_u64(f, t->filter, filter_words(t));
	fprintf(f, "};\n/* the tables are never written: rodata is set */\n"
	    "const struct trie %s = {\n\t.root = {\n", name);
	for (i = 0; i < 0x10000; i++)
		if (t->root[i])
			fprintf(f, "\t\t[0x%zx] = %lu,\n", i, (unsigned long)t->root[i]);
	fprintf(f, "\t},\n\t.slots = (uint64_t *)%s_slots,\n"
	    "\t.mask = %zu,\n\t.used = %zu,\n"
	    "\t.filter = (uint64_t *)%s_filter,\n\t.fshift = %u,\n"
	    "\t.nnodes = %lu,\n\t.rodata = 1,\n};\n", name, t->mask,
	    t->used, name, t->fshift, (unsigned long)t->nnodes);
}

struct trie *
trie_copy(const struct trie *t)
{
	struct trie *c = xmalloc(sizeof *c);

	*c = *t;
	c->rodata = 0;
	c->slots = xbigalloc((t->mask + 1) * sizeof *c->slots);
	memcpy(c->slots, t->slots, (t->mask + 1) * sizeof *c->slots);
	c->filter = xmalloc(filter_words(t) * sizeof *c->filter);
	memcpy(c->filter, t->filter, filter_words(t) * sizeof *c->filter);
	return c;
}

int
trie_same(const struct trie *a, const struct trie *b)
{
	return a->mask == b->mask && a->used == b->used &&
	    a->fshift == b->fshift && a->nnodes == b->nnodes &&
	    memcmp(a->root, b->root, sizeof a->root) == 0 &&
	    memcmp(a->slots, b->slots, (a->mask + 1) * sizeof *a->slots) == 0 &&
	    memcmp(a->filter, b->filter, filter_words(a) * sizeof *a->filter) == 0;
}

void
emit_cstring(FILE *f, const char *s, size_t n)
{
	size_t i;

	fputc('"', f);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '?')
			fprintf(f, "\\%03o", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* Code points by weight, the most first. */
static const double *da_weight;
static int
by_weight(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	if (da_weight[x] != da_weight[y])
		return da_weight[x] > da_weight[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* A heap of nodes, the heaviest on top (the lower number of two as
 * heavy), so that the order does not depend on the heap's. */
struct da_heap {
	uint32_t *v;
	size_t n;
	const double *w;
};

static int
heavier(const double *w, uint32_t a, uint32_t b)
{
	return w[a] != w[b] ? w[a] > w[b] : a < b;
}

static void
heap_push(struct da_heap *h, uint32_t x)
{
	size_t i = h->n++;

	while (i > 0 && heavier(h->w, x, h->v[(i - 1) / 2])) {
		h->v[i] = h->v[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h->v[i] = x;
}

static uint32_t
heap_pop(struct da_heap *h)
{
	uint32_t top = h->v[0], x = h->v[--h->n];
	size_t i = 0, c;

	if (h->n == 0)
		return top;
	while ((c = 2 * i + 1) < h->n) {
		if (c + 1 < h->n && heavier(h->w, h->v[c + 1], h->v[c]))
			c++;
		if (!heavier(h->w, h->v[c], x))
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	h->v[i] = x;
	return top;
}

struct trie_da *
trie_da_build(const struct trie *t, const float *val, const double *weight,
    const uint32_t *aux)
{
	uint32_t n = t->nnodes, *at, *queue, *cps, *parent, k, ncode = 0;
	uint64_t *edge;
	double *count, *mass;
	size_t *first, nedge = 0, i, cap, lo = 1, qh = 0, qt = 0, end = 1;
	uint16_t *code, *label;
	uint32_t *xa;
	uint8_t *used;
	struct da_cell *cell;
	struct trie_da *d;
	struct da_heap heap;

	/* the edges, as parent << 32 | code point, then child */
	edge = xmalloc(((size_t)n + 1) * 2 * sizeof *edge);
	for (k = 0; k < 0x10000; k++)
		if (t->root[k]) {
			edge[2 * nedge] = k;
			edge[2 * nedge++ + 1] = t->root[k];
		}
	for (i = 0; i <= t->mask; i++) {
		uint64_t key = t->slots[i] >> 21;
		uint32_t c;

		if (key == 0)
			continue;
		c = (uint32_t)((key - 1) & 0x1FFFFF);
		if (c >= 0x10000) {
			free(edge);
			return NULL;
		}
		edge[2 * nedge] = (key - 1) >> 21 << 32 | c;
		edge[2 * nedge++ + 1] = t->slots[i] & TRIE_MAXNODES;
	}
	/* each node's children, as code point << 32 | child */
	first = xcalloc((size_t)n + 1, sizeof *first);
	for (i = 0; i < nedge; i++)
		first[(edge[2 * i] >> 32) + 1]++;
	for (k = 0; k < n; k++)
		first[k + 1] += first[k];
	{
		uint64_t *kids = xmalloc((nedge + 1) * sizeof *kids);
		size_t *fill = xmalloc(((size_t)n + 1) * sizeof *fill);

		memcpy(fill, first, ((size_t)n + 1) * sizeof *fill);
		for (i = 0; i < nedge; i++)
			kids[fill[edge[2 * i] >> 32]++] =
			    (edge[2 * i] & 0xFFFFFFFF) << 32 | edge[2 * i + 1];
		free(fill);
		free(edge);
		edge = kids;
	}
	/* a node's mass: its weight and its descendants' (1 a node
	 * without weights), summed breadth first, backwards */
	queue = xmalloc((size_t)n * sizeof *queue);
	parent = xcalloc(n, sizeof *parent);
	mass = xmalloc((size_t)n * sizeof *mass);
	queue[qt++] = 0;
	while (qh < qt) {
		uint32_t node = queue[qh++];

		for (i = first[node]; i < first[node + 1]; i++) {
			parent[(uint32_t)edge[i]] = node;
			queue[qt++] = (uint32_t)edge[i];
		}
	}
	for (k = 0; k < n; k++)
		mass[k] = weight ? weight[k] : 1;
	for (i = qt; i-- > 1;)
		mass[parent[queue[i]]] += mass[queue[i]];
	free(parent);
	/* codes: the heaviest code points first, by the mass of their edges */
	count = xcalloc(0x10000, sizeof *count);
	for (k = 0; k < n; k++)
		for (i = first[k]; i < first[k + 1]; i++)
			count[edge[i] >> 32] += mass[(uint32_t)edge[i]] + 1e-300;
	cps = xmalloc(0x10000 * sizeof *cps);
	for (k = 0; k < 0x10000; k++)
		if (count[k] > 0)
			cps[ncode++] = k;
	if (ncode >= DA_EMPTY) {
		free(edge);
		free(first);
		free(queue);
		free(mass);
		free(count);
		free(cps);
		return NULL;
	}
	da_weight = count;
	qsort(cps, ncode, sizeof *cps, by_weight);
	code = xcalloc(0x10000, sizeof *code);
	for (k = 0; k < ncode; k++)
		code[cps[k]] = (uint16_t)(k + 1);
	free(cps);
	free(count);
	for (i = 0; i < nedge; i++)
		edge[i] = (uint64_t)code[edge[i] >> 32] << 32 | (edge[i] & 0xFFFFFFFF);
	for (k = 0; k < n; k++)
		qsort(edge + first[k], first[k + 1] - first[k], sizeof *edge,
		    cmp_u64);
	/* place the nodes heaviest first, each node's children at the
	 * first base no other node has where all of them find free cells:
	 * the cells a walk reads most come together at the front */
	cap = (size_t)n * 2 + ncode + 2;
	used = xcalloc(cap, 1);		/* bit 0: a node's; bit 1: a base */
	label = xmalloc(cap * sizeof *label);
	cell = xcalloc(cap, sizeof *cell);
	xa = xcalloc(cap, sizeof *xa);
	for (i = 0; i < cap; i++)
		label[i] = DA_EMPTY;
	at = xmalloc((size_t)n * sizeof *at);
	at[0] = 0;
	used[0] = 3;
	heap.v = queue;
	heap.n = 0;
	heap.w = mass;
	qt = 0;
	cell[0].val = val[0];
	xa[0] = aux ? aux[0] : 0;
	heap_push(&heap, 0);
	while (heap.n > 0) {
		uint32_t node = heap_pop(&heap), s = at[node];
		const uint64_t *kid = edge + first[node];
		size_t nk = first[node + 1] - first[node], f, b = 0, j;
		uint32_t k0;

		qt++;
		if (nk == 0)
			continue;	/* a leaf: its base is set at the end */
		k0 = (uint32_t)(kid[0] >> 32);
		if (node != 0) {
			while (used[lo] & 1)
				lo++;
			for (f = lo > k0 ? lo : k0;; f++) {
				if (f + ncode + 1 >= cap) {
					size_t nc = cap * 2;

					used = xrealloc(used, nc);
					memset(used + cap, 0, nc - cap);
					label = xrealloc(label, nc * sizeof *label);
					for (i = cap; i < nc; i++)
						label[i] = DA_EMPTY;
					cell = xrealloc(cell, nc * sizeof *cell);
					memset(cell + cap, 0, (nc - cap) * sizeof *cell);
					xa = xrealloc(xa, nc * sizeof *xa);
					memset(xa + cap, 0, (nc - cap) * sizeof *xa);
					cap = nc;
				}
				b = f - k0;
				if ((used[f] & 1) || (used[b] & 2))
					continue;
				for (j = 1; j < nk; j++)
					if (used[b + (kid[j] >> 32)] & 1)
						break;
				if (j == nk)
					break;
			}
		}
		cell[s].base = (uint32_t)b;
		used[b] |= 2;
		for (j = 0; j < nk; j++) {
			size_t c = b + (kid[j] >> 32);
			uint32_t child = (uint32_t)kid[j];

			used[c] |= 1;
			label[c] = (uint16_t)(kid[j] >> 32);
			cell[c].val = val[child];
			xa[c] = aux ? aux[child] : 0;
			at[child] = (uint32_t)c;
			heap_push(&heap, child);
			if (c + 1 > end)
				end = c + 1;
		}
		if (b + 1 > end)
			end = b + 1;
	}
	/* the leaves' base: cells past every node, all empty */
	for (k = 1; k < n; k++)
		if (first[k + 1] == first[k])
			cell[at[k]].base = (uint32_t)end;
	d = xcalloc(1, sizeof *d);
	d->ncell = end + ncode + 1;
	if (d->ncell > cap) {
		label = xrealloc(label, d->ncell * sizeof *label);
		cell = xrealloc(cell, d->ncell * sizeof *cell);
		xa = xrealloc(xa, d->ncell * sizeof *xa);
		for (i = cap; i < d->ncell; i++) {
			label[i] = DA_EMPTY;
			cell[i].base = 0;
			cell[i].val = 0;
			xa[i] = 0;
		}
	}
	d->label = xrealloc(label, d->ncell * sizeof *label);
	d->cell = xrealloc(cell, d->ncell * sizeof *cell);
	if (aux)
		d->aux = xrealloc(xa, d->ncell * sizeof *xa);
	else
		free(xa);
	d->code = code;
	d->ncode = ncode;
	d->used = qt;
	free(used);
	free(at);
	free(queue);
	free(mass);
	free(edge);
	free(first);
	return d;
}

void
trie_da_free(struct trie_da *d)
{
	if (d == NULL || d->rodata)
		return;
	free((void *)d->label);
	free((void *)d->cell);
	free((void *)d->aux);
	free((void *)d->code);
	free(d);
}

/* n 16-bit numbers, sixteen a line */
static void
emit_u16(FILE *f, const uint16_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		fprintf(f, "%u,%s", v[i], i % 16 == 15 || i == n - 1 ? "\n" : "");
}

void
trie_da_emit(const struct trie_da *d, FILE *f, const char *name)
{
	size_t i;

	fprintf(f, "static const uint16_t %s_label[%zu] = {\n", name, d->ncell);
	emit_u16(f, d->label, d->ncell);
	fprintf(f, "};\nstatic const struct da_cell %s_cell[%zu] = {\n", name,
	    d->ncell);
	for (i = 0; i < d->ncell; i++) {
		const struct da_cell *c = &d->cell[i];
		uint32_t bits;

		memcpy(&bits, &c->val, sizeof bits);
		if (bits == 0)
			fprintf(f, "{%lu,0},", (unsigned long)c->base);
		else
			fprintf(f, "{%lu,%af},", (unsigned long)c->base,
			    (double)c->val);
		if (i % 4 == 3 || i == d->ncell - 1)
			fputc('\n', f);
	}
	if (d->aux) {
		fprintf(f, "};\nstatic const uint32_t %s_aux[%zu] = {\n", name,
		    d->ncell);
		for (i = 0; i < d->ncell; i++)
			fprintf(f, "%lu,%s", (unsigned long)d->aux[i],
			    i % 8 == 7 || i == d->ncell - 1 ? "\n" : "");
	}
	fprintf(f, "};\nstatic const uint16_t %s_code[0x10000] = {\n", name);
	for (i = 0; i < 0x10000; i++)
		if (d->code[i])
			fprintf(f, "\t[0x%zx] = %u,\n", i, d->code[i]);
	fprintf(f, "};\nconst struct trie_da %s = {\n\t.label = %s_label,\n"
	    "\t.cell = %s_cell,\n\t.ncell = %zu,\n\t.code = %s_code,\n"
	    "\t.ncode = %lu,\n\t.used = %zu,\n\t.rodata = 1,\n", name, name,
	    name, d->ncell, name, (unsigned long)d->ncode, d->used);
	if (d->aux)
		fprintf(f, "\t.aux = %s_aux,\n", name);
	fputs("};\n", f);
}

int
trie_da_same(const struct trie_da *a, const struct trie_da *b)
{
	size_t i;

	if (a->ncell != b->ncell || a->ncode != b->ncode || a->used != b->used ||
	    memcmp(a->code, b->code, 0x10000 * sizeof *a->code) != 0 ||
	    memcmp(a->label, b->label, a->ncell * sizeof *a->label) != 0 ||
	    (a->aux == NULL) != (b->aux == NULL) || (a->aux && memcmp(a->aux,
	    b->aux, a->ncell * sizeof *a->aux) != 0))
		return 0;
	for (i = 0; i < a->ncell; i++)
		if (a->cell[i].base != b->cell[i].base ||
		    memcmp(&a->cell[i].val, &b->cell[i].val, sizeof a->cell[i].val))
			return 0;
	return 1;
}
