/* trie.h - a trie over code points, for dictionaries and gazetteers
 *
 * Nodes are numbers (0 is the root); callers keep what a node means in
 * arrays of their own, indexed by node. Children are found in one hash
 * probe: (node, code point) -> child packed in one 64-bit word, with a
 * direct table for the root's BMP children and a 2 MB bit filter in
 * front of the hash, so most dead ends cost no cache miss. */
#ifndef ZH_TRIE_H
#define ZH_TRIE_H

#include <stdint.h>

#include <stddef.h>

#define TRIE_MAXNODES ((1u << 21) - 1)
#define TRIE_FILTER_BITS 24

/* Exposed only so that trie_child() can be inlined in hot loops. */
struct trie {
	uint32_t root[0x10000];	/* root's children for BMP code points */
	uint64_t *slots;	/* ((node << 21 | cp) + 1) << 21 | child; 0 = empty */
	size_t mask, used;
	uint64_t *filter;	/* one bit per (node, cp) hash: edge may exist */
	uint32_t nnodes;
};

/* expect: about how many nodes will be added (sizes the hash once) */
struct trie *trie_new(uint32_t expect);
void trie_free(struct trie *t);
/* The child of node for code point c, or 0. */
static inline uint32_t
trie_child(const struct trie *t, uint32_t node, uint32_t c)
{
	uint64_t key, h, bit;
	size_t i;

	if (node == 0 && c < 0x10000)
		return t->root[c];
	key = (((uint64_t)node << 21) | c) + 1;
	h = key * 0x9E3779B97F4A7C15ULL;
	bit = h >> (64 - TRIE_FILTER_BITS);
	if (!((t->filter[bit >> 6] >> (bit & 63)) & 1))
		return 0;
	for (i = (size_t)(h >> 20) & t->mask;; i = (i + 1) & t->mask) {
		uint64_t e = t->slots[i];

		if ((e >> 21) == key)
			return (uint32_t)(e & TRIE_MAXNODES);
		if (e == 0)
			return 0;
	}
}
/* The child, made if needed (dies beyond TRIE_MAXNODES nodes). */
uint32_t trie_add(struct trie *t, uint32_t node, uint32_t c);
/* Nodes made so far, the root included. */
uint32_t trie_nodes(const struct trie *t);

#endif
