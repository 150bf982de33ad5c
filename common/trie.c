/* trie.c - a trie over code points kept as a hash of edges */
#include "trie.h"

#include <stdlib.h>

#include "diag.h"

#define FILTER_BITS TRIE_FILTER_BITS

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

	while (n < (size_t)expect * 2 && n < (1u << 24))
		n *= 2;
	t->mask = n - 1;
	t->slots = xcalloc(t->mask + 1, sizeof *t->slots);
	t->filter = xcalloc((size_t)1 << (FILTER_BITS - 6), sizeof *t->filter);
	t->nnodes = 1;
	return t;
}

void
trie_free(struct trie *t)
{
	if (t == NULL)
		return;
	free(t->slots);
	free(t->filter);
	free(t);
}

uint32_t
trie_nodes(const struct trie *t)
{
	return t->nnodes;
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

	t->slots = xcalloc(oldn * 2, sizeof *t->slots);
	t->mask = oldn * 2 - 1;
	for (i = 0; i < oldn; i++)
		if (old[i])
			put_slot(t->slots, t->mask, old[i]);
	free(old);
}

uint32_t
trie_add(struct trie *t, uint32_t node, uint32_t c)
{
	uint32_t k = trie_child(t, node, c);
	uint64_t key, bit;

	if (k)
		return k;
	if (t->nnodes >= TRIE_MAXNODES)
		die(EXIT_TROUBLE, "dictionary too large (over %u trie nodes)",
		    TRIE_MAXNODES);
	k = t->nnodes++;
	if (node == 0 && c < 0x10000) {
		t->root[c] = k;
		return k;
	}
	if ((t->used + 1) * 2 > t->mask + 1)
		grow(t);
	key = edge_key(node, c);
	put_slot(t->slots, t->mask, key << 21 | k);
	bit = hmix(key) >> (64 - FILTER_BITS);
	t->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
	t->used++;
	return k;
}
