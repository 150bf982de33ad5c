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

#define TRIE_MAXNODES ((1u << 21) - 1)

struct trie;

/* expect: about how many nodes will be added (sizes the hash once) */
struct trie *trie_new(uint32_t expect);
void trie_free(struct trie *t);
/* The child of node for code point c, or 0. */
uint32_t trie_child(const struct trie *t, uint32_t node, uint32_t c);
/* The child, made if needed (dies beyond TRIE_MAXNODES nodes). */
uint32_t trie_add(struct trie *t, uint32_t node, uint32_t c);
/* Nodes made so far, the root included. */
uint32_t trie_nodes(const struct trie *t);

#endif
