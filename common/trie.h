/* trie.h - a trie over code points, for dictionaries and gazetteers
 *
 * Nodes are numbers (0 is the root); callers keep what a node means in
 * arrays of their own, indexed by node. Children are found in one hash
 * probe: (node, code point) -> child packed in one 64-bit word, with a
 * direct table for the root's BMP children and a bit filter (8 bits an
 * edge slot) in front of the hash, so most dead ends cost no cache
 * miss. */
#ifndef ZH_TRIE_H
#define ZH_TRIE_H

#include <stdint.h>
#include <stdio.h>

#include <stddef.h>

#define TRIE_MAXNODES ((1u << 21) - 1)

/* Exposed only so that trie_child() can be inlined in hot loops. */
struct trie {
	uint32_t root[0x10000];	/* root's children for BMP code points */
	uint64_t *slots;	/* ((node << 21 | cp) + 1) << 21 | child; 0 = empty */
	size_t mask, used;
	uint64_t *filter;	/* one bit per (node, cp) hash: edge may exist */
	unsigned fshift;	/* 64 - log2(bits in the filter) */
	uint32_t nnodes;
	int rodata;		/* prebuilt: its tables are read-only data */
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
	bit = h >> t->fshift;
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
/* The same for an edge the caller knows is not there yet (a sorted
 * load, past the prefix it shares with the previous word): no lookup, so
 * a bulk load does not wait on a cache miss for each character. */
uint32_t trie_add_new(struct trie *t, uint32_t node, uint32_t c);
/* Insert a UTF-8 key and return its node. Keys given in byte order (as
 * a sorted word list is) reuse the path of the key before them, and the
 * edges past it are new: they are queued in the cursor and placed in
 * the hash in slot order by trie_insert_end, so a bulk load touches the
 * table almost sequentially. After a key out of order every key costs
 * lookups, as with trie_add. Lookups see the keys only after
 * trie_insert_end. The cursor starts zeroed; it keeps a pointer to the
 * previous key, whose bytes must stay put until the next call. */
#define TRIE_PATH 64
struct trie_cursor {
	const char *prev;
	size_t prevn;
	uint32_t path[TRIE_PATH + 1];	/* path[k]: node after k code points */
	size_t depth;			/* path[0..depth] are valid */
	int unsorted;			/* a key came before its predecessor */
	uint64_t *queue;		/* edges not yet in the hash */
	size_t nqueue, capqueue;
};
uint32_t trie_insert(struct trie *t, struct trie_cursor *cur, const char *key,
    size_t n);
void trie_insert_end(struct trie *t, struct trie_cursor *cur);
/* Nodes made so far, the root included. */
uint32_t trie_nodes(const struct trie *t);
/* Call fn(arg, a, b, node) for every pair of code points that begins a
 * key of two code points or more: b an edge of the node that is the
 * root's edge a, node the node it leads to. In no particular order. */
void trie_pairs(const struct trie *t,
    void (*fn)(void *arg, uint32_t a, uint32_t b, uint32_t node), void *arg);
/* The same for the first three code points of the keys of three or
 * more: fn(arg, a, b, c). */
void trie_triples(const struct trie *t,
    void (*fn)(void *arg, uint32_t a, uint32_t b, uint32_t c), void *arg);

/* Tries prebuilt at build time (data/make-prebuilt.c): trie_emit writes
 * t as C source, a const struct trie called name (its tables name_slots
 * and name_filter beside it) with rodata set, whose tables the tools only
 * point at. Every value is written as a number, so the data does not
 * depend on the byte order of the machine that built it. A prebuilt trie
 * takes no keys; trie_copy makes a copy on the heap that does, the same
 * node for node. trie_free leaves a prebuilt trie alone. trie_same: are
 * the two the same, table for table (for tests)? */
void trie_emit(const struct trie *t, FILE *f, const char *name);
struct trie *trie_copy(const struct trie *t);
int trie_same(const struct trie *a, const struct trie *b);
/* s[0..n) as a C string literal, every byte that is not printable ASCII
 * (and '"', '\\', '?') as a three-digit octal escape. */
void emit_cstring(FILE *f, const char *s, size_t n);

/* A trie laid out densely, for walks that only read: a double array
 * over codes (1, 2, ... for the code points on edges, the commonest
 * first; code 0 for the others). Cell 0 is the root, with base 0; the
 * child of cell s for code k is t = cell[s].base + k when label[t] is
 * k. That is enough, where a double array usually checks the parent,
 * because no two nodes with children have the same base, and the
 * leaves' base is past every node (DA_EMPTY labels there). So a step
 * that finds no edge reads 2 bytes of label[], dense enough for the
 * cells of the top levels to stay in cache; one that finds it reads
 * the cell, with the value its node was given (val[node] of
 * trie_da_build) beside the base. The nodes are placed heaviest first
 * (by weight[node] of trie_da_build and their descendants' weights), and
 * the codes given heaviest first, so the cells a walk reads most come
 * together. */
struct da_cell {
	uint32_t base;
	float val;
};
#define DA_EMPTY 0xFFFFu	/* the label of an empty cell and of the root */
struct trie_da {
	const uint16_t *label;	/* ncell of them */
	const struct da_cell *cell;
	const uint32_t *aux;	/* ncell of them, aux[node] of trie_da_build
				 * (NULL: none given) */
	size_t ncell;		/* cells past the last base + the last code */
	const uint16_t *code;	/* 0x10000 of them: a BMP code point's code */
	uint32_t ncode;		/* codes 1..ncode are in use */
	size_t used;		/* cells that hold a node, the root included */
	int rodata;
};
/* The code of c (0: on no edge). */
static inline uint32_t
trie_da_code(const struct trie_da *d, uint32_t c)
{
	return c < 0x10000 ? d->code[c] : 0;
}
/* The child of cell s for code k, or 0. */
static inline uint32_t
trie_da_child(const struct trie_da *d, uint32_t s, uint32_t k)
{
	uint32_t t = d->cell[s].base + k;

	return d->label[t] == k ? t : 0;
}
/* The double array of t, val[node] for each node kept in its cell and
 * aux[node] at the same index of an array beside the cells (aux NULL:
 * none), the nodes placed by weight[node] (NULL: each node weighs 1);
 * NULL when t has an edge beyond the BMP (the codes are of BMP code
 * points) or more than 65534 code points on edges. */
struct trie_da *trie_da_build(const struct trie *t, const float *val,
    const double *weight, const uint32_t *aux);
void trie_da_free(struct trie_da *d);
/* As trie_emit: a const struct trie_da called name, with rodata set. */
void trie_da_emit(const struct trie_da *d, FILE *f, const char *name);
int trie_da_same(const struct trie_da *a, const struct trie_da *b);

#endif
